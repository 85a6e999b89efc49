from django.urls import path

from reflection import views

app_name = "reflection"

urlpatterns = [
    path("families/<int:pk>/contacts/<int:contact_pk>/reflection/", views.write, name="write"),
    path("reflections/", views.mine, name="mine"),
    path("reflections/<int:reflection_pk>/", views.detail, name="detail"),
    path("reflections/<int:reflection_pk>/delete/", views.delete, name="delete"),
    path("pulse/", views.pulse, name="pulse"),
    path("teams/reflection-and-pulse/", views.teams, name="teams"),
]
