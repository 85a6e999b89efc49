from django.urls import path

from childpages import portal_views, views

app_name = "childpages"

urlpatterns = [
    path("groups/<int:group_pk>/children/", views.group, name="group"),
    path("families/<int:pk>/children/<int:child_pk>/suggest/", views.suggest, name="suggest"),
    path("portal/children/<int:child_pk>/", portal_views.page, name="portal_page"),
    path("portal/children/<int:child_pk>/suggestions/<int:suggestion_pk>/", portal_views.decide, name="portal_decide"),
]
