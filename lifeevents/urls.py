from django.urls import path

from lifeevents import views

app_name = "lifeevents"

urlpatterns = [
    path("families/<int:pk>/life-events/", views.family_list, name="list"),
    path("families/<int:pk>/life-events/new/", views.create, name="create"),
    path("families/<int:pk>/life-events/<int:event_pk>/end-date/", views.set_end, name="set_end"),
    path("families/<int:pk>/life-events/<int:event_pk>/end/", views.end, name="end"),
]
