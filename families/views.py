from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import Role
from accounts.permissions import lead_required, leads, staff_required
from agreements.selectors import family_agreements
from audit.models import Read
from audit.services import access_record
from childpages.selectors import family_children_pages
from contacts.selectors import (
    coverage_for,
    family_open_follow_ups,
    mentor_conversations_due,
    my_open_follow_ups,
    timeline_for,
)
from families import services
from families.briefing import family_briefing, staff_home_cards
from families.forms import ArchiveForm, FamilyFilterForm, FamilyForm, NewFamilyForm
from families.history import family_history
from families.selectors import (
    families_visible_to,
    family_detail_for,
    family_for_edit,
    family_in_scope,
    family_list_for,
)
from organisations.selectors import groups_visible_to, locations_visible_to, mentors_for, quiet_days_for
from partnership.locking import StaleEdit, stale_edit_response
from threads.selectors import family_threads, waiting_of

CONTACTS_PER_PAGE = 10
# Parents' messages on the staff home; the rest are on the messages page.
HOME_MESSAGES = 10


@staff_required
def mine(request):
    """Staff home, the tablet at the door: parents' messages waiting for an answer, my open follow-ups, mentor
    conversations due, and the families of my groups and mentees with only the days since the last contact and
    the number of open actions (the reasons and the health are one tap away, on the family page)."""
    today = timezone.localdate()
    families = staff_home_cards(family_list_for(request.user), request.user, today=today)
    waiting = waiting_of(families)
    # For staff, the navigation's count of waiting messages is this list's (their families are the listed ones).
    counted = {"threads_unread": len(waiting)} if request.user.role == Role.STAFF else {}
    return render(
        request,
        "families/mine.html",
        {
            "families": families,
            "waiting": waiting[:HOME_MESSAGES],
            "more_waiting": len(waiting) > HOME_MESSAGES,
            "follow_ups": my_open_follow_ups(request.user),
            "mentor_due": mentor_conversations_due(request.user, today=today),
            "quiet_days": quiet_days_for(request.user),
            "my_groups": groups_visible_to(request.user).order_by("location__name", "name"),
            **counted,
        },
    )


@staff_required
def family_list(request):
    groups = groups_visible_to(request.user)
    form = FamilyFilterForm(
        request.GET or None, locations=locations_visible_to(request.user), groups=groups, mentors=mentors_for(groups)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    if not leads(request.user):
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


@staff_required
def detail(request, pk):
    family = family_detail_for(request.user, pk)
    access_record(user=request.user, family=family, what=Read.FAMILY)
    intakes = list(family.intakes.all())
    contacts = Paginator(timeline_for(request.user, family), CONTACTS_PER_PAGE).get_page(request.GET.get("contacts"))
    follow_ups = list(family_open_follow_ups(request.user, family))
    agreements = list(family_agreements(request.user, family))
    threads = list(family_threads(request.user, family, open_only=True))
    briefing = family_briefing(request.user, family, follow_ups=follow_ups, threads=threads, agreements=agreements)
    child_pages = family_children_pages(family)
    return render(
        request,
        "families/detail.html",
        {
            "family": family,
            "briefing": briefing,
            "latest_intake": intakes[0] if intakes else None,
            "intakes": intakes,
            "page": contacts,
            "follow_ups": follow_ups,
            "coverage": coverage_for(request.user, family=family),
            "agreements": agreements,
            "threads": threads,
            "child_pages": child_pages,
            # The briefing names only what the parents wrote: a row of "nothing yet" would push it off a phone.
            "child_pages_written": [child for child in child_pages if child.written],
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    groups = groups_visible_to(request.user)
    form = NewFamilyForm(request.POST or None, groups=groups, mentors=mentors_for(groups))
    if form.is_valid():
        family = services.family_create(organisation=request.user.organisation, **form.cleaned_data)
        messages.success(request, _("The family has been added."))
        return redirect(family)
    return render(request, "families/form.html", {"form": form, "title": _("New family")})


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    family = family_for_edit(request.user, pk)
    form = FamilyForm(request.POST or None, instance=family)
    if form.is_valid():
        data = {field: form.cleaned_data[field] for field in FamilyForm.Meta.fields}
        try:
            services.family_update(family=family, expected_version=form.cleaned_data["version"], **data)
        except StaleEdit as stale:
            family.refresh_from_db()
            context = {"family": family, "title": family.name}
            return stale_edit_response(
                request, "families/form.html", context, stale=stale, refused=form, current=FamilyForm(instance=family)
            )
        messages.success(request, _("Saved."))
        return redirect(family)
    return render(request, "families/form.html", {"form": form, "family": family, "title": family.name})


@lead_required
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


@lead_required
def history(request, pk):
    family = family_in_scope(request.user, pk)
    access_record(user=request.user, family=family, what=Read.HISTORY)
    return render(request, "families/history.html", {"family": family, "events": family_history(family)})
