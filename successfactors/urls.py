from django.urls import path

from successfactors import views

app_name = "successfactors"

urlpatterns = [
    path("", views.item_list, name="items"),
    path("new/", views.item_form, name="item_add"),
    path("<int:item_pk>/", views.item_form, name="item_edit"),
    path("<int:item_pk>/move/<str:direction>/", views.item_move, name="item_move"),
    path("<int:item_pk>/retire/", views.item_retire, name="item_retire"),
]
