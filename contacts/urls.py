from django.urls import path

from contacts import views

app_name = "contacts"

urlpatterns = [
    path("families/<int:pk>/contacts/quick/", views.quick, name="quick"),
    path("families/<int:pk>/contacts/new/", views.choose, name="choose"),
    path("families/<int:pk>/contacts/new/<str:kind>/", views.create, name="create"),
    path("families/<int:pk>/contacts/<int:contact_pk>/", views.detail, name="detail"),
    path("families/<int:pk>/contacts/<int:contact_pk>/edit/", views.edit, name="edit"),
    path("families/<int:pk>/contacts/<int:contact_pk>/addendum/", views.addendum, name="addendum"),
    path("families/<int:pk>/contacts/<int:contact_pk>/follow-ups/new/", views.follow_up_add, name="follow_up_add"),
    path("families/<int:pk>/follow-ups/<int:follow_up_pk>/done/", views.follow_up_done, name="follow_up_done"),
    path("families/<int:pk>/follow-ups/<int:follow_up_pk>/referral/", views.referral_status, name="referral_status"),
    path("checklist-use/", views.coverage, name="coverage"),
    path("checklist-use/<int:user_pk>/", views.coverage, name="coverage_for"),
]
