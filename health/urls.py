from django.urls import path

from health import views

app_name = "health"

urlpatterns = [
    path("health/", views.dashboard, name="dashboard"),
    path("health/export.csv", views.export, name="export"),
    path("families/<int:pk>/health/", views.family, name="family"),
    path("families/<int:pk>/health/acknowledge/", views.acknowledge, name="acknowledge"),
    path("reminders/", views.reminders, name="reminders"),
]
