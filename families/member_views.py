"""Adding and editing the people and records inside a family file: caregivers, children, placements,
the network and consents. Every lookup goes through the user's scope (another family's id is a 404)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import role_required
from families import services
from families.forms import (
    CaregiverForm,
    ChildForm,
    ConsentForm,
    NetworkMemberForm,
    NewChildForm,
    PlacementForm,
    mentors_for,
)
from families.models import Consent, Placement
from families.selectors import family_for_edit
from families.views import STAFF_ROLES
from organisations.selectors import groups_visible_to


def _render(request, family, form, title, status=200):
    return render(request, "families/form.html", {"form": form, "family": family, "title": title}, status=status)


def _saved(request, family, anchor=""):
    messages.success(request, _("Saved."))
    return redirect(family.get_absolute_url() + anchor)


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def caregiver_form(request, pk, caregiver_pk=None):
    family = family_for_edit(request.user, pk)
    caregiver = get_object_or_404(family.caregivers, pk=caregiver_pk) if caregiver_pk else None
    form = CaregiverForm(request.POST or None, instance=caregiver, family=family)
    if form.is_valid():
        form.instance.family = family
        form.save()
        return _saved(request, family, "#people")
    return _render(request, family, form, _("Edit caregiver") if caregiver else _("Add a caregiver"))


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def child_form(request, pk, child_pk=None):
    family = family_for_edit(request.user, pk)
    groups = groups_visible_to(request.user)
    if child_pk:
        child = get_object_or_404(family.children, pk=child_pk)
        mentors = mentors_for(child.placements.values("group"))
        form = ChildForm(request.POST or None, instance=child, family=family, mentors=mentors)
        if form.is_valid():
            form.save()
            return _saved(request, family, "#people")
        return _render(request, family, form, _("Edit child"))
    form = NewChildForm(request.POST or None, family=family, groups=groups, mentors=mentors_for(groups))
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in ChildForm.Meta.fields}
        services.child_create(
            family=family, group=form.cleaned_data["group"], start_date=form.cleaned_data["start_date"], **data
        )
        return _saved(request, family, "#people")
    return _render(request, family, form, _("Add a child"))


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def placement_form(request, pk, child_pk, placement_pk=None):
    family = family_for_edit(request.user, pk)
    child = get_object_or_404(family.children, pk=child_pk)
    placement = get_object_or_404(Placement, child=child, pk=placement_pk) if placement_pk else None
    groups = groups_visible_to(request.user)
    form = PlacementForm(request.POST or None, instance=placement, child=child, groups=groups)
    if form.is_valid():
        form.save()
        return _saved(request, family, "#people")
    title = _("Placement of %(child)s") % {"child": child.first_name}
    return _render(request, family, form, title)


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def network_form(request, pk, member_pk=None):
    family = family_for_edit(request.user, pk)
    member = get_object_or_404(family.network, pk=member_pk) if member_pk else None
    form = NetworkMemberForm(request.POST or None, instance=member)
    if form.is_valid():
        form.instance.family = family
        form.save()
        return _saved(request, family, "#network")
    return _render(request, family, form, _("Edit network member") if member else _("Add to the network"))


@role_required(*STAFF_ROLES)
@require_POST
def network_delete(request, pk, member_pk):
    family = family_for_edit(request.user, pk)
    get_object_or_404(family.network, pk=member_pk).delete()
    messages.success(request, _("Removed from the network."))
    return redirect(family.get_absolute_url() + "#network")


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def consent_form(request, pk):
    family = family_for_edit(request.user, pk)
    form = ConsentForm(request.POST or None, family=family)
    if form.is_valid():
        form.instance.family = family
        form.instance.recorded_by = request.user
        form.save()
        return _saved(request, family, "#consents")
    return _render(request, family, form, _("Record a consent"))


@role_required(*STAFF_ROLES)
@require_POST
def consent_withdraw(request, pk, consent_pk):
    family = family_for_edit(request.user, pk)
    consent = get_object_or_404(Consent, family=family, pk=consent_pk, withdrawn_on__isnull=True)
    consent.withdrawn_on = max(timezone.localdate(), consent.recorded_on)
    consent.save(update_fields=["withdrawn_on"])
    messages.success(request, _("The consent is recorded as withdrawn."))
    return redirect(family.get_absolute_url() + "#consents")
