"""Adding and editing the people and records inside a family file: caregivers, children, placements,
the network and consents. Every lookup goes through the user's scope (another family's id is a 404) and
every write through families.services."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import staff_required
from families import services
from families.forms import (
    CaregiverForm,
    ChildForm,
    ConsentForm,
    NetworkMemberForm,
    NewChildForm,
    PlacementForm,
)
from families.selectors import (
    caregiver_for_edit,
    child_for_edit,
    consent_for_edit,
    family_for_edit,
    network_member_for_edit,
    placement_for_edit,
)
from organisations.selectors import groups_visible_to, mentors_for
from partnership.forms import model_fields


def _render(request, family, form, title, status=200):
    return render(request, "families/form.html", {"form": form, "family": family, "title": title}, status=status)


def _saved(request, family, anchor=""):
    messages.success(request, _("Saved."))
    return redirect(family.get_absolute_url() + anchor)


@staff_required
@require_http_methods(["GET", "POST"])
def caregiver_form(request, pk, caregiver_pk=None):
    family = family_for_edit(request.user, pk)
    caregiver = caregiver_for_edit(request.user, pk, caregiver_pk) if caregiver_pk else None
    form = CaregiverForm(request.POST or None, instance=caregiver, family=family)
    if form.is_valid():
        services.caregiver_save(family=family, caregiver=caregiver, **model_fields(form))
        return _saved(request, family, "#people")
    return _render(request, family, form, _("Edit caregiver") if caregiver else _("Add a caregiver"))


@staff_required
@require_http_methods(["GET", "POST"])
def child_form(request, pk, child_pk=None):
    family = family_for_edit(request.user, pk)
    if child_pk:
        child = child_for_edit(request.user, pk, child_pk)
        mentors = mentors_for(child.placements.values("group"))
        form = ChildForm(request.POST or None, instance=child, family=family, mentors=mentors)
        if form.is_valid():
            services.child_update(child=child, **model_fields(form))
            return _saved(request, family, "#people")
        return _render(request, family, form, _("Edit child"))
    groups = groups_visible_to(request.user)
    form = NewChildForm(request.POST or None, family=family, groups=groups, mentors=mentors_for(groups))
    if form.is_valid():
        services.child_create(
            family=family,
            group=form.cleaned_data["group"],
            start_date=form.cleaned_data["start_date"],
            **model_fields(form),
        )
        return _saved(request, family, "#people")
    return _render(request, family, form, _("Add a child"))


@staff_required
@require_http_methods(["GET", "POST"])
def placement_form(request, pk, child_pk, placement_pk=None):
    family = family_for_edit(request.user, pk)
    child = child_for_edit(request.user, pk, child_pk)
    placement = placement_for_edit(request.user, pk, child_pk, placement_pk) if placement_pk else None
    form = PlacementForm(request.POST or None, instance=placement, child=child, groups=groups_visible_to(request.user))
    if form.is_valid():
        services.placement_save(child=child, placement=placement, **model_fields(form))
        return _saved(request, family, "#people")
    return _render(request, family, form, _("Placement of %(child)s") % {"child": child.first_name})


@staff_required
@require_http_methods(["GET", "POST"])
def network_form(request, pk, member_pk=None):
    family = family_for_edit(request.user, pk)
    member = network_member_for_edit(request.user, pk, member_pk) if member_pk else None
    form = NetworkMemberForm(request.POST or None, instance=member)
    if form.is_valid():
        services.network_member_save(family=family, member=member, **model_fields(form))
        return _saved(request, family, "#network")
    return _render(request, family, form, _("Edit network member") if member else _("Add to the network"))


@staff_required
@require_POST
def network_delete(request, pk, member_pk):
    member = network_member_for_edit(request.user, pk, member_pk)
    services.network_member_remove(member=member)
    messages.success(request, _("Removed from the network."))
    return redirect(member.family.get_absolute_url() + "#network")


@staff_required
@require_http_methods(["GET", "POST"])
def consent_form(request, pk):
    family = family_for_edit(request.user, pk)
    form = ConsentForm(request.POST or None, family=family)
    if form.is_valid():
        services.consent_record(family=family, by=request.user, **model_fields(form))
        return _saved(request, family, "#consents")
    return _render(request, family, form, _("Record a consent"))


@staff_required
@require_POST
def consent_withdraw(request, pk, consent_pk):
    consent = consent_for_edit(request.user, pk, consent_pk)
    services.consent_withdraw(consent=consent)
    messages.success(request, _("The consent is recorded as withdrawn."))
    return redirect(consent.family.get_absolute_url() + "#consents")
