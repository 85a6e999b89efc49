from django.urls import path

from agreements import views

app_name = "agreements"

urlpatterns = [
    path("families/<int:pk>/agreements/new/", views.create, name="create"),
    path("families/<int:pk>/agreements/<int:agreement_pk>/", views.detail, name="detail"),
    path("families/<int:pk>/agreements/<int:agreement_pk>/edit/", views.edit, name="edit"),
    path("families/<int:pk>/agreements/<int:agreement_pk>/propose/", views.propose, name="propose"),
    path("families/<int:pk>/agreements/<int:agreement_pk>/agreed/", views.record_agreed, name="record_agreed"),
    path("families/<int:pk>/agreements/<int:agreement_pk>/evaluate/", views.evaluate, name="evaluate"),
    path("families/<int:pk>/agreements/<int:agreement_pk>/print/", views.printable, name="print"),
]
