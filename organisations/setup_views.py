"""The organisation admin's set-up pages: where to start, locations, groups and the organisation's settings.
Coordinators, staff and parents get 403; everything is looked up in the admin's own organisation (404 else)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.permissions import admin_required
from organisations import selectors, services
from organisations.forms import GroupForm, LocationForm, OrganisationSettingsForm
from partnership.forms import model_fields
from partnership.service_errors import errors_as_messages, errors_on


@admin_required
@require_safe
def setup(request):
    """Where a new organisation starts: the steps from an empty organisation to families in the app."""
    return render(request, "organisations/setup.html", {"progress": selectors.setup_progress(request.user)})


@admin_required
@require_safe
def locations(request):
    return render(request, "organisations/locations.html", {"locations": selectors.setup_locations(request.user)})


@admin_required
@require_http_methods(["GET", "POST"])
def location_form(request, location_pk=None):
    location = selectors.setup_location(request.user, location_pk) if location_pk else None
    form = LocationForm(request.POST or None, instance=location)
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            saved = services.location_save(
                organisation=selectors.organisation_of(request.user),
                by=request.user,
                location=location,
                **model_fields(form),
            )
            messages.success(request, _("Location %(name)s saved.") % {"name": saved.name})
            return redirect("organisations:locations")
    title = _("Edit location") if location else _("New location")
    return render(request, "organisations/setup_form.html", _form_context(form, title, "organisations:locations"))


@admin_required
@require_http_methods(["GET", "POST"])
def location_delete(request, location_pk):
    location = selectors.setup_location(request.user, location_pk)
    if request.method == "POST":
        with errors_as_messages(request):
            services.location_delete(location=location, by=request.user)
            messages.success(request, _("Location %(name)s removed.") % {"name": location.name})
        return redirect("organisations:locations")
    return render(
        request,
        "organisations/setup_delete.html",
        {"object": location, "blocked": location.group_count, "back": reverse("organisations:locations")},
    )


@admin_required
@require_safe
def groups(request):
    return render(
        request,
        "organisations/groups.html",
        {
            "groups": selectors.setup_groups(request.user),
            "has_locations": selectors.organisation_locations(request.user).exists(),
        },
    )


@admin_required
@require_http_methods(["GET", "POST"])
def group_form(request, group_pk=None):
    group = selectors.setup_group(request.user, group_pk) if group_pk else None
    form = GroupForm(
        request.POST or None,
        instance=group,
        locations=selectors.organisation_locations(request.user),
        initial={"location": request.GET.get("location")} if group is None else None,
    )
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            saved = services.group_save(
                organisation=selectors.organisation_of(request.user),
                by=request.user,
                group=group,
                **model_fields(form),
            )
            messages.success(request, _("Group %(name)s saved.") % {"name": saved.name})
            return redirect("organisations:groups")
    title = _("Edit group") if group else _("New group")
    return render(request, "organisations/setup_form.html", _form_context(form, title, "organisations:groups"))


@admin_required
@require_http_methods(["GET", "POST"])
def group_delete(request, group_pk):
    group = selectors.setup_group(request.user, group_pk)
    if request.method == "POST":
        with errors_as_messages(request):
            services.group_delete(group=group, by=request.user)
            messages.success(request, _("Group %(name)s removed.") % {"name": group.name})
        return redirect("organisations:groups")
    return render(
        request,
        "organisations/setup_delete.html",
        {"object": group, "blocked": group.placement_count, "back": reverse("organisations:groups")},
    )


@admin_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request):
    organisation = selectors.organisation_of(request.user)
    form = OrganisationSettingsForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            services.organisation_settings_update(
                organisation=organisation, by=request.user, thresholds=form.thresholds(), **model_fields(form)
            )
            messages.success(request, _("The settings are saved."))
            return redirect("organisations:settings")
    return render(request, "organisations/settings.html", {"form": form})


def _form_context(form, title, back) -> dict:
    return {"form": form, "title": title, "back": reverse(back)}
