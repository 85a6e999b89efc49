from django.urls import path

from families import member_views, views

app_name = "families"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("all/", views.family_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/archive/", views.archive, name="archive"),
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/caregivers/new/", member_views.caregiver_form, name="caregiver_add"),
    path("<int:pk>/caregivers/<int:caregiver_pk>/", member_views.caregiver_form, name="caregiver_edit"),
    path("<int:pk>/children/new/", member_views.child_form, name="child_add"),
    path("<int:pk>/children/<int:child_pk>/", member_views.child_form, name="child_edit"),
    path("<int:pk>/children/<int:child_pk>/placements/new/", member_views.placement_form, name="placement_add"),
    path(
        "<int:pk>/children/<int:child_pk>/placements/<int:placement_pk>/",
        member_views.placement_form,
        name="placement_edit",
    ),
    path("<int:pk>/network/new/", member_views.network_form, name="network_add"),
    path("<int:pk>/network/<int:member_pk>/", member_views.network_form, name="network_edit"),
    path("<int:pk>/network/<int:member_pk>/delete/", member_views.network_delete, name="network_delete"),
    path("<int:pk>/consents/new/", member_views.consent_form, name="consent_add"),
    path("<int:pk>/consents/<int:consent_pk>/withdraw/", member_views.consent_withdraw, name="consent_withdraw"),
]
