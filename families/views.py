from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import Role
from accounts.permissions import role_required
from agreements.selectors import family_agreements
from contacts.selectors import (
    contacts_visible_to,
    family_open_follow_ups,
    mentor_conversations_due,
    my_open_follow_ups,
    theme_coverage,
    timeline_for,
    with_last_contact,
)
from families import services
from families.forms import ArchiveForm, FamilyFilterForm, FamilyForm, NewFamilyForm, mentors_for
from families.history import family_history
from families.selectors import families_visible_to, family_detail_for, family_for_edit, family_list_for
from health.reasons import worst_rows
from health.signals import families_with_health
from organisations.selectors import groups_visible_to, locations_visible_to

STAFF_ROLES = (Role.STAFF, Role.COORDINATOR, Role.ADMIN)
CONTACTS_PER_PAGE = 10
LEAD_ROLES = (Role.COORDINATOR, Role.ADMIN)


@role_required(*STAFF_ROLES)
def mine(request):
    """Staff home: my open follow-ups, mentor conversations due, and the families of my groups and mentees
    with the days since the last contact."""
    today = timezone.localdate()
    families = families_with_health(with_last_contact(family_list_for(request.user), request.user), today=today)
    for family in families:
        family.days_since_contact = (
            (today - timezone.localdate(family.last_contact_at)).days if family.last_contact_at else None
        )
        family.health_rows = worst_rows(family, today=today)[:2]
    return render(
        request,
        "families/mine.html",
        {
            "families": families,
            "follow_ups": my_open_follow_ups(request.user),
            "mentor_due": mentor_conversations_due(request.user, today=today),
            "quiet_days": settings.CONTACT_QUIET_DAYS,
        },
    )


@role_required(*STAFF_ROLES)
def family_list(request):
    groups = groups_visible_to(request.user)
    form = FamilyFilterForm(
        request.GET or None, locations=locations_visible_to(request.user), groups=groups, mentors=mentors_for(groups)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    if request.user.role == Role.STAFF:
        filters.pop("archived", None)  # archived families are for coordinators to read
    families = family_list_for(request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(families, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "families/list.html",
        {"form": form, "page": page, "query": query.urlencode(), "filtered": bool(filters)},
    )


@role_required(*STAFF_ROLES)
def detail(request, pk):
    family = family_detail_for(request.user, pk)
    intakes = list(family.intakes.all())
    contacts = Paginator(timeline_for(request.user, family), CONTACTS_PER_PAGE).get_page(request.GET.get("contacts"))
    return render(
        request,
        "families/detail.html",
        {
            "family": family,
            "latest_intake": intakes[0] if intakes else None,
            "intakes": intakes,
            "page": contacts,
            "follow_ups": family_open_follow_ups(request.user, family),
            "coverage": theme_coverage(contacts_visible_to(request.user).filter(family=family)),
            "agreements": family_agreements(request.user, family),
        },
    )


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def create(request):
    groups = groups_visible_to(request.user)
    form = NewFamilyForm(request.POST or None, groups=groups, mentors=mentors_for(groups))
    if form.is_valid():
        family = services.family_create(organisation=request.user.organisation, **form.cleaned_data)
        messages.success(request, _("The family has been added."))
        return redirect(family)
    return render(request, "families/form.html", {"form": form, "title": _("New family")})


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    family = family_for_edit(request.user, pk)
    form = FamilyForm(request.POST or None, instance=family)
    if form.is_valid():
        data = {field: form.cleaned_data[field] for field in FamilyForm.Meta.fields}
        try:
            services.family_update(family=family, expected_version=form.cleaned_data["version"], **data)
        except services.StaleEdit as stale:
            family.refresh_from_db()
            messages.error(request, stale.message)
            form = FamilyForm(instance=family)
            return render(
                request, "families/form.html", {"form": form, "family": family, "title": family.name}, status=409
            )
        messages.success(request, _("Saved."))
        return redirect(family)
    return render(request, "families/form.html", {"form": form, "family": family, "title": family.name})


@role_required(*LEAD_ROLES)
@require_http_methods(["GET", "POST"])
def archive(request, pk):
    family = get_object_or_404(families_visible_to(request.user), pk=pk)
    if family.archived_on:
        if request.method == "POST":
            services.family_unarchive(family=family)
            messages.success(request, _("The family is active again."))
            return redirect(family)
        return render(request, "families/archive.html", {"family": family})
    form = ArchiveForm(request.POST or None)
    if form.is_valid():
        services.family_archive(family=family, archived_on=form.cleaned_data["archived_on"])
        messages.success(request, _("The family has been archived."))
        return redirect(family)
    return render(request, "families/archive.html", {"family": family, "form": form})


@role_required(*LEAD_ROLES)
def history(request, pk):
    family = get_object_or_404(families_visible_to(request.user), pk=pk)
    return render(request, "families/history.html", {"family": family, "events": family_history(family)})
