from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("families/<int:pk>/access-log/", views.family_access_log, name="family"),
    path("families/<int:pk>/open/", views.open_file, name="open_file"),
]
