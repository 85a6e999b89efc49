"""What each user may read of contact moments. Confidential contacts exist only for their author and the
coordinators: other staff do not see them, not even counted in a list."""

import datetime

from django.conf import settings
from django.db.models import Count, Exists, Func, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Role
from contacts.choices import Kind, Visibility
from contacts.models import Addendum, ChecklistTick, ContactMoment, FollowUp
from families.models import Child, Placement
from families.selectors import families_visible_to
from successfactors.models import Theme


def visible_q(user, prefix: str = "") -> Q:
    """The confidentiality rule as a filter on contacts (within families the user already sees)."""
    if user.role == Role.COORDINATOR:
        return Q()
    if user.role == Role.PARENT:
        return Q(**{f"{prefix}visibility": Visibility.SHARED})
    return ~Q(**{f"{prefix}visibility": Visibility.CONFIDENTIAL}) | Q(**{f"{prefix}author": user})


def contacts_visible_to(user) -> QuerySet[ContactMoment]:
    if not user.is_authenticated:
        return ContactMoment.objects.none()
    return ContactMoment.objects.filter(visible_q(user), family__in=families_visible_to(user))


def with_last_contact(families: QuerySet, user) -> QuerySet:
    """Annotate each family with the time of the latest contact this user may see."""
    latest = (
        ContactMoment.objects.filter(visible_q(user), family=OuterRef("pk"))
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    return families.annotate(last_contact_at=Subquery(latest))


def _count_of(model, **filters) -> Subquery:
    counted = model.objects.filter(contact=OuterRef("pk"), **filters).order_by().values("contact")
    return Coalesce(Subquery(counted.annotate(n=Func("pk", function="COUNT")).values("n")), 0)


def timeline_for(user, family) -> QuerySet[ContactMoment]:
    """The family's contacts, newest first, with everything a timeline row shows."""
    return (
        contacts_visible_to(user)
        .filter(family=family)
        .select_related("author", "intake")
        .prefetch_related("caregivers")
        .annotate(
            tick_count=_count_of(ChecklistTick),
            follow_up_count=_count_of(FollowUp),
            addendum_count=_count_of(Addendum),
        )
        .order_by("-occurred_at", "-pk")
    )


def contact_for(user, family_pk: int, pk: int) -> ContactMoment:
    queryset = (
        contacts_visible_to(user)
        .select_related("family", "author", "intake")
        .prefetch_related(
            "caregivers",
            "children",
            Prefetch("ticks", queryset=ChecklistTick.objects.select_related("item").order_by("item__position")),
            Prefetch(
                "follow_ups", queryset=FollowUp.objects.select_related("owner", "done_by", "family", "requested_by")
            ),
            Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
        )
    )
    return get_object_or_404(queryset, family_id=family_pk, pk=pk)


def follow_ups_visible_to(user) -> QuerySet[FollowUp]:
    """Follow-ups of contacts the user sees, and those the user owns in families in scope."""
    if not user.is_authenticated or user.role == Role.PARENT:
        return FollowUp.objects.none()
    follow_ups = FollowUp.objects.filter(family__in=families_visible_to(user))
    visible = visible_q(user, "contact__")
    # An empty Q (coordinators see everything) would swallow the OR below, so only narrow when there is a rule.
    if visible:
        follow_ups = follow_ups.filter(Q(contact__isnull=True) | visible | Q(owner=user))
    return follow_ups.select_related("owner", "family", "requested_by")


def my_open_follow_ups(user) -> QuerySet[FollowUp]:
    """Mine and not done, the overdue ones first (they are due earliest)."""
    return follow_ups_visible_to(user).open().filter(owner=user).order_by("due_on", "pk")


def family_open_follow_ups(user, family) -> QuerySet[FollowUp]:
    return follow_ups_visible_to(user).open().filter(family=family).order_by("due_on", "pk")


def follow_up_for(user, family_pk: int, pk: int) -> FollowUp:
    return get_object_or_404(
        follow_ups_visible_to(user).filter(family__archived_on__isnull=True),
        family_id=family_pk,
        pk=pk,
    )


def with_next_mentor_conversation(children: QuerySet[Child], *, today: datetime.date | None = None) -> list[Child]:
    """Each child with `last_conversation`, `due_on` and `overdue` for its next mentor conversation: an interval
    after the last one, or for a child without one yet some weeks after the first day."""
    today = today or timezone.localdate()
    last = (
        ContactMoment.objects.filter(kind=Kind.MENTOR_CONVERSATION, children=OuterRef("pk"))
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    first_day = Placement.objects.filter(child=OuterRef("pk")).order_by("start_date").values("start_date")[:1]
    interval = datetime.timedelta(days=settings.MENTOR_CONVERSATION_INTERVAL_DAYS)
    first_after = datetime.timedelta(days=settings.MENTOR_CONVERSATION_FIRST_AFTER_DAYS)
    annotated = list(children.annotate(last_conversation=Subquery(last), first_day=Subquery(first_day)))
    for child in annotated:
        if child.last_conversation:
            child.due_on = timezone.localdate(child.last_conversation) + interval
        elif child.first_day:
            child.due_on = child.first_day + first_after
        else:
            child.due_on = None
        child.overdue = bool(child.due_on and child.due_on < today)
    return annotated


def mentor_conversations_due(user, *, today: datetime.date | None = None) -> list[Child]:
    """Children I mentor whose next mentor conversation is due within the horizon (or overdue)."""
    today = today or timezone.localdate()
    active = Placement.objects.filter(Placement.active_q(), child=OuterRef("pk"))
    children = Child.objects.filter(Exists(active), mentor=user, family__archived_on__isnull=True).select_related(
        "family"
    )
    horizon = today + datetime.timedelta(days=settings.MENTOR_CONVERSATION_HORIZON_DAYS)
    due = [
        child
        for child in with_next_mentor_conversation(children, today=today)
        if child.due_on and child.due_on <= horizon
    ]
    return sorted(due, key=lambda child: (child.due_on, child.first_name))


def _coverage_since(today: datetime.date | None) -> datetime.datetime:
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=settings.CHECKLIST_COVERAGE_DAYS)
    return timezone.make_aware(datetime.datetime.combine(start, datetime.time()))


def theme_coverage(contacts: QuerySet[ContactMoment], *, today: datetime.date | None = None) -> dict:
    """How many of these contacts in the last days applied each theme of the success factors."""
    days = settings.CHECKLIST_COVERAGE_DAYS
    recent = contacts.filter(occurred_at__gte=_coverage_since(today))
    total = recent.count()
    counts = dict(
        ChecklistTick.objects.filter(contact__in=recent.values("pk"))
        .values("theme")
        .annotate(contacts=Count("contact", distinct=True))
        .values_list("theme", "contacts")
    )
    rows = [
        {
            "theme": value,
            "label": label,
            "contacts": counts.get(value, 0),
            "percent": round(100 * counts.get(value, 0) / total) if total else 0,
        }
        for value, label in Theme.choices
    ]
    return {"days": days, "total": total, "rows": rows}


def theme_coverage_per_author(contacts: QuerySet[ContactMoment], authors, *, today=None) -> dict:
    """The same figures side by side for several staff members, in two queries whatever their number."""
    authors = list(authors)
    recent = contacts.filter(occurred_at__gte=_coverage_since(today), author__in=authors)
    totals = dict(recent.order_by().values("author").annotate(n=Count("pk")).values_list("author", "n"))
    counts = {
        (author, theme): n
        for author, theme, n in ChecklistTick.objects.filter(contact__in=recent.values("pk"))
        .values("contact__author", "theme")
        .annotate(n=Count("contact", distinct=True))
        .values_list("contact__author", "theme", "n")
    }
    rows = []
    for author in authors:
        total = totals.get(author.pk, 0)
        cells = [counts.get((author.pk, theme), 0) for theme in Theme.values]
        percents = [round(100 * n / total) if total else 0 for n in cells]
        rows.append({"member": author, "total": total, "cells": list(zip(cells, percents, strict=True))})
    return {"days": settings.CHECKLIST_COVERAGE_DAYS, "themes": Theme.labels, "rows": rows}
