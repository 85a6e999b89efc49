from django.urls import path

from health import views

app_name = "health"

urlpatterns = [
    path("health/", views.dashboard, name="dashboard"),
    path("health/export.csv", views.export, name="export"),
    path("families/<int:pk>/health/", views.family, name="family"),
    path("families/<int:pk>/health/acknowledge/", views.acknowledge, name="acknowledge"),
    path(
        "families/<int:pk>/health/acknowledgements/<int:ack_pk>/withdraw/",
        views.acknowledgement_withdraw,
        name="acknowledgement_withdraw",
    ),
    path("health/without-mentor/", views.without_mentor, name="without_mentor"),
    path("reminders/", views.reminders, name="reminders"),
]
