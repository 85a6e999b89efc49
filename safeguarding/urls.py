from django.urls import path

from safeguarding import views

app_name = "safeguarding"

urlpatterns = [
    path("families/<int:pk>/safeguarding/", views.signpost, name="signpost"),
]
