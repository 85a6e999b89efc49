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
    path("families/<int:pk>/health/give-time/", views.give_time, name="give_time"),
    path("families/<int:pk>/health/time-given/<int:ack_pk>/end/", views.time_end, name="time_end"),
    path("health/time-given/", views.time_given, name="time_given"),
    path("health/without-mentor/", views.without_mentor, name="without_mentor"),
    path("reminders/", views.reminders, name="reminders"),
]
