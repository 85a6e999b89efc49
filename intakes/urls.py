from django.urls import path

from intakes import views

app_name = "intakes"

urlpatterns = [
    path("families/<int:pk>/intakes/new/", views.intake_create, name="create"),
    path("families/<int:pk>/intakes/<int:intake_pk>/", views.intake_detail, name="detail"),
    *views.questions.urlpatterns("intake-questions/"),
]
