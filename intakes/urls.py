from django.urls import path

from intakes import views

app_name = "intakes"

urlpatterns = [
    path("families/<int:pk>/intakes/new/", views.intake_create, name="create"),
    path("families/<int:pk>/intakes/<int:intake_pk>/", views.intake_detail, name="detail"),
    path("intake-questions/", views.question_list, name="questions"),
    path("intake-questions/new/", views.question_form, name="question_add"),
    path("intake-questions/<int:question_pk>/", views.question_form, name="question_edit"),
    path(
        "intake-questions/<int:question_pk>/move/<str:direction>/",
        views.question_move,
        name="question_move",
    ),
    path("intake-questions/<int:question_pk>/retire/", views.question_retire, name="question_retire"),
]
