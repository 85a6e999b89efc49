from django.urls import path

from families import views

app_name = "families"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:pk>/", views.detail, name="detail"),
]
