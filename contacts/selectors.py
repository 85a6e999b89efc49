"""What each user may read of contact moments. Confidential contacts exist only for their author and the
coordinators: other staff do not see them, not even counted in a list."""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    DateField,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Role, User
from contacts.choices import Kind, Visibility
from contacts.models import Addendum, ChecklistTick, ContactMoment, FollowUp
from families.models import Child, Placement
from families.selectors import families_visible_to
from organisations.models import CoordinatorAssignment, StaffMembership
from successfactors.models import ChecklistItem, Theme


def sees_every_contact(user) -> bool:
    """Coordinators read confidential contacts too; the rest of the team reads them only when they wrote them."""
    return user.role == Role.COORDINATOR


def visible_q(user, prefix: str = "") -> Q:
    """The confidentiality rule as a filter on contacts (within families the user already sees)."""
    if sees_every_contact(user):
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
            Prefetch("follow_ups", queryset=FollowUp.objects.select_related("owner", "done_by", "family")),
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
        follow_ups = follow_ups.filter(visible | Q(owner=user))
    return follow_ups.select_related("owner", "family")


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


def _outer_datetime(name: str) -> ExpressionWrapper:
    # TruncDate needs to know the type of what it truncates, which a bare OuterRef does not say.
    return ExpressionWrapper(OuterRef(name), output_field=DateTimeField())


def _offered_themes() -> ArraySubquery:
    """The themes a contact's checklist held: its organisation's catalogue had an item of the theme for the
    contact's kind and tone, not retired before the contact's day. A quick chat never offers "Involve the child",
    so it is no miss there."""
    return ArraySubquery(
        ChecklistItem.objects.filter(organisation=OuterRef("family__organisation"), kinds__contains=[OuterRef("kind")])
        .filter(Q(tones=[]) | Q(tones__contains=[OuterRef("tone")]))
        .filter(Q(retired_on__isnull=True) | Q(retired_on__gte=TruncDate(_outer_datetime("occurred_at"))))
        .order_by()
        .values("theme")
        .distinct()
    )


def _ticked_themes() -> ArraySubquery:
    """The themes a contact has a tick of (the theme as it was when ticked)."""
    return ArraySubquery(ChecklistTick.objects.filter(contact=OuterRef("pk")).order_by().values("theme").distinct())


THEME_FIGURES = ["total", *(f"{figure}_{theme}" for theme in Theme.values for figure in ("offered", "ticked"))]


def theme_figures(contacts: QuerySet[ContactMoment], *group_by: str) -> list[dict]:
    """Per group of contacts (by the fields or annotations named in `group_by`; none: one row for all): `total`,
    and per theme `offered_<theme>` (contacts whose checklist held the theme, or that ticked it anyway) and
    `ticked_<theme>`. A theme's fair share is ticked / offered.

    Each contact's offered and ticked themes are gathered once, as two arrays, and counted around that: with a
    subquery per theme and figure, PostgreSQL ran twenty subplans for every contact (a second for a
    coordinator's 6,500 contacts; issue 16)."""
    keys = {f"group_{index}": F(name) for index, name in enumerate(group_by)}
    inner = (
        contacts.order_by()
        .annotate(**keys, offered_themes=_offered_themes(), ticked_themes=_ticked_themes())
        .values(*keys, "offered_themes", "ticked_themes")
    )
    sql, inner_params = inner.query.sql_with_params()
    # The rows come back raw, without Django's conversions: a day truncated in SQL is a datetime at midnight.
    fields = [inner.query.annotations[name].output_field for name in keys]
    dates = {
        index
        for index, field in enumerate(fields)
        if isinstance(field, DateField) and not isinstance(field, DateTimeField)
    }
    columns, params = ["count(*)"], []
    for theme in Theme.values:
        columns.append("count(*) FILTER (WHERE %s = ANY(offered_themes) OR %s = ANY(ticked_themes))")
        columns.append("count(*) FILTER (WHERE %s = ANY(ticked_themes))")
        params += [theme, theme, theme]
    # Only our own names go into the text (group_0, ...); every value is a parameter.
    quoted = [f'"{key}"' for key in keys]
    # MATERIALIZED: else PostgreSQL folds the arrays back into every count, one subplan per theme again.
    query = f"WITH contact AS MATERIALIZED ({sql}) SELECT {', '.join([*quoted, *columns])} FROM contact"  # noqa: S608
    if keys:
        query += f" GROUP BY {', '.join(quoted)}"
    with connection.cursor() as cursor:
        cursor.execute(query, [*inner_params, *params])
        rows = cursor.fetchall()
    return [
        dict(
            zip(
                [*group_by, *THEME_FIGURES],
                [value.date() if index in dates and value is not None else value for index, value in enumerate(row)],
                strict=True,
            )
        )
        for row in rows
    ]


def _theme_rows(figures: dict) -> list[dict]:
    """Per theme: the contacts that ticked it, those that could have, and the share (None: none could)."""
    rows = []
    for value, label in Theme.choices:
        offered, ticked = figures[f"offered_{value}"], figures[f"ticked_{value}"]
        rows.append(
            {
                "theme": value,
                "label": label,
                "contacts": ticked,
                "offered": offered,
                "percent": round(100 * ticked / offered) if offered else None,
            }
        )
    return rows


def theme_coverage(contacts: QuerySet[ContactMoment], *, today: datetime.date | None = None) -> dict:
    """In how many of these contacts of the last days each theme of the success factors was applied, out of
    those whose checklist held it; in one query."""
    recent = contacts.filter(occurred_at__gte=_coverage_since(today))
    figures = theme_figures(recent)[0]
    return {"days": settings.CHECKLIST_COVERAGE_DAYS, "total": figures["total"], "rows": _theme_rows(figures)}


def coverage_for(user, *, family=None, author=None) -> dict:
    """`theme_coverage` of the contacts this user may see: of one family, or by one author."""
    contacts = contacts_visible_to(user)
    if family is not None:
        contacts = contacts.filter(family=family)
    if author is not None:
        contacts = contacts.filter(author=author)
    return theme_coverage(contacts)


def theme_coverage_per_author(contacts: QuerySet[ContactMoment], authors, *, today=None) -> dict:
    """The same figures side by side for several staff members, in one query whatever their number."""
    authors = list(authors)
    recent = contacts.filter(occurred_at__gte=_coverage_since(today), author__in=authors)
    figures = {row["author"]: row for row in theme_figures(recent, "author")}
    nothing = dict.fromkeys(THEME_FIGURES, 0)
    rows = []
    for author in authors:
        mine = figures.get(author.pk, nothing)
        rows.append({"member": author, "total": mine["total"], "themes": _theme_rows(mine)})
    return {"days": settings.CHECKLIST_COVERAGE_DAYS, "themes": Theme.labels, "rows": rows}


def owners_for(family) -> QuerySet[User]:
    """Who can take on a follow-up: staff of the family's groups, their coordinators, and the mentors."""
    groups = Placement.objects.filter(Placement.active_q(), child__family=family).values("group")
    # Three tests of existence, not joins made distinct: on the large data set 13 ms to about 1.
    in_group = StaffMembership.objects.filter(user=OuterRef("pk"), group__in=groups)
    coordinates = CoordinatorAssignment.objects.filter(user=OuterRef("pk"), location__groups__in=groups)
    mentor = Child.objects.filter(mentor=OuterRef("pk"), family=family)
    return (
        User.objects.filter(organisation_id=family.organisation_id, is_active=True)
        .filter(Exists(in_group) | Exists(coordinates) | Exists(mentor))
        .exclude(role=Role.PARENT)
        .order_by("first_name", "last_name")
    )


def recent_conversations_for(user, family, *, days: int = 90) -> QuerySet[ContactMoment]:
    """The conversations (not chats at the door) of the last `days` the user may see: where an agreement
    can have been agreed with the parents."""
    since = timezone.now() - datetime.timedelta(days=days)
    return (
        contacts_visible_to(user)
        .filter(family=family, occurred_at__gte=since)
        .exclude(kind=Kind.INFORMAL)
        .order_by("-occurred_at")
    )


def default_caregivers_for(user, family) -> list:
    """Who a quick chat is most likely with: whoever the last chat this user may see was with, else a
    parent with authority. A colleague's confidential chat does not count (it does not exist for them)."""
    last = (
        contacts_visible_to(user)
        .filter(family=family, kind=Kind.INFORMAL)
        .order_by("-occurred_at")
        .prefetch_related("caregivers")
        .first()
    )
    if last:
        chosen = list(last.caregivers.all())
        if chosen:
            return chosen
    caregivers = sorted(family.caregivers.all(), key=lambda c: not c.has_parental_authority)
    return caregivers[:1]
