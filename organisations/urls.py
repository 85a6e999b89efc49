from django.urls import path

from organisations import setup_views, staff_views, views

app_name = "organisations"

urlpatterns = [
    path("", views.overview, name="overview"),
    # The organisation admin's set-up pages.
    path("setup/", setup_views.setup, name="setup"),
    path("setup/locations/", setup_views.locations, name="locations"),
    path("setup/locations/new/", setup_views.location_form, name="location_add"),
    path("setup/locations/<int:location_pk>/", setup_views.location_form, name="location_edit"),
    path("setup/locations/<int:location_pk>/remove/", setup_views.location_delete, name="location_delete"),
    path("setup/groups/", setup_views.groups, name="groups"),
    path("setup/groups/new/", setup_views.group_form, name="group_add"),
    path("setup/groups/<int:group_pk>/", setup_views.group_form, name="group_edit"),
    path("setup/groups/<int:group_pk>/remove/", setup_views.group_delete, name="group_delete"),
    path("setup/staff/", staff_views.staff, name="staff"),
    path("setup/staff/invite/", staff_views.staff_invite, name="staff_invite"),
    path("setup/staff/<int:user_pk>/", staff_views.staff_edit, name="staff_edit"),
    path("setup/staff/<int:user_pk>/invite-again/", staff_views.staff_resend, name="staff_resend"),
    path("setup/staff/<int:user_pk>/deactivate/", staff_views.staff_deactivate, name="staff_deactivate"),
    path("setup/staff/<int:user_pk>/reactivate/", staff_views.staff_reactivate, name="staff_reactivate"),
    path("setup/settings/", setup_views.organisation_settings, name="settings"),
]
