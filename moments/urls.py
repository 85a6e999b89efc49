from django.urls import path

from moments import views

app_name = "moments"

urlpatterns = [
    path("families/<int:pk>/children/<int:child_pk>/moment/", views.share, name="share"),
    path("families/<int:pk>/moments/", views.family, name="family"),
    path("moments/<int:moment_pk>/photo/", views.photo, name="photo"),
    path("portal/moments/", views.portal_list, name="portal_list"),
]
