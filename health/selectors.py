"""Health as each user may see it: the dashboard of a coordinator's families, one family's signals, and the
status history. Never for parents: every function starts from the scope of a staff role."""

import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Exists, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Role
from families.models import Family, Placement
from families.selectors import families_listed_for, families_visible_to, family_list_for
from health.computation import SIGNALS, attach, health_rows
from health.models import Acknowledgement, Kind, Level, Signal, Snapshot
from health.rules import limits
from organisations.selectors import groups_visible_to
from portal.models import PartnershipFeedback
from threads.selectors import families_with_waiting_threads


def _check(user):
    if not user.is_authenticated or user.role == Role.PARENT:
        raise Http404


@dataclass
class _Paginator:
    count: int
    num_pages: int


@dataclass
class HealthPage:
    """One page of the dashboard, shaped like Django's Page for the templates."""

    object_list: list
    number: int
    paginator: _Paginator
    counts: dict = field(default_factory=dict)

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.paginator.num_pages

    def has_other_pages(self):
        return self.paginator.num_pages > 1

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


def _counts(row: dict) -> dict:
    keys = [f"status_{level}" for level in Level.values] + [f"signal_{signal}" for signal in SIGNALS]
    return {key: row.get(key, 0) for key in keys}


def _families(user, *, q, location, group, mentor, messages):
    families = family_list_for(user, q=q, location=location, group=group, mentor=mentor)
    if messages == "unanswered":
        families = families.filter(Exists(families_with_waiting_threads()))
    return families


def dashboard_page(
    user,
    *,
    number=1,
    per_page=25,
    q="",
    location=None,
    group=None,
    mentor=None,
    signal="",
    status=None,
    messages="",
):
    """A page of the families in the user's scope, worst first, with the counts per status and per signal; the
    health of all of them is computed in one statement, whatever their number."""
    _check(user)
    families = _families(user, q=q, location=location, group=group, mentor=mentor, messages=messages)
    rows = health_rows(
        families, viewer=user, signal=signal, status=status, limit=per_page, offset=(number - 1) * per_page
    )
    if rows:
        total, counts = rows[0]["total"], _counts(rows[0])
    else:
        # Nothing on this page: the counts still describe the families before the signal and status filter.
        first = health_rows(families, viewer=user, limit=1)
        total, counts = 0, _counts(first[0]) if first else _counts({})
        if number > 1 and (signal or status is not None):
            total = len(health_rows(families, viewer=user, signal=signal, status=status))
    objects = {family.pk: family for family in families.filter(pk__in=[row["id"] for row in rows])}
    object_list = [attach(objects[row["id"]], row) for row in rows]
    num_pages = max(1, math.ceil(total / per_page))
    return HealthPage(object_list, number, _Paginator(total, num_pages), counts)


def dashboard_rows(
    user, *, q="", location=None, group=None, mentor=None, signal="", status=None, messages=""
) -> list[dict]:
    """Every filtered row, for the CSV export."""
    _check(user)
    families = _families(user, q=q, location=location, group=group, mentor=mentor, messages=messages)
    return health_rows(families, viewer=user, signal=signal, status=status)


def family_health_for(user, pk: int):
    _check(user)
    family = get_object_or_404(families_visible_to(user), pk=pk)
    rows = health_rows(Family.objects.filter(pk=family.pk), viewer=user)
    return attach(family, rows[0])


def status_history(family, *, days: int = 90, today: datetime.date | None = None) -> list[Snapshot]:
    today = today or timezone.localdate()
    return list(Snapshot.objects.filter(family=family, day__gt=today - datetime.timedelta(days=days)).order_by("day"))


@dataclass
class FamilyFeedback:
    """The family's feedback of the period, newest first: the parents' (with gezag, the ones the signal counts)
    and the other caregivers', shown apart."""

    days: int
    parents: list
    others: list


def family_feedback(family, *, days: int, now: datetime.datetime | None = None) -> FamilyFeedback:
    """For a family already found in the user's scope (family_health_for)."""
    since = (now or timezone.now()) - datetime.timedelta(days=days)
    rows = list(
        PartnershipFeedback.objects.filter(family=family, created_at__gte=since)
        .select_related("caregiver")
        .only(
            "relatie",
            "competentie",
            "autonomie",
            "remark",
            "created_at",
            "family_id",
            "caregiver__first_name",
            "caregiver__last_name",
            "caregiver__relation",
            "caregiver__has_parental_authority",
        )
        .order_by("-created_at", "-pk")
    )
    return FamilyFeedback(
        days=days,
        parents=[row for row in rows if row.caregiver.has_parental_authority],
        others=[row for row in rows if not row.caregiver.has_parental_authority],
    )


def acknowledgement_for(user, pk: int, ack_pk: int, *, kind: str | None = None) -> Acknowledgement:
    """One acknowledgement (of `kind`, when given) of a family in the user's scope, or 404."""
    _check(user)
    acknowledgements = Acknowledgement.objects.filter(family__in=families_visible_to(user).values("pk"))
    if kind is not None:
        acknowledgements = acknowledgements.filter(kind=kind)
    return get_object_or_404(acknowledgements, family_id=pk, pk=ack_pk)


@dataclass
class AcknowledgementRow:
    """An acknowledgement as the family's page lists it: who marked what as seen, when, why, and whether it
    still counts."""

    acknowledgement: Acknowledgement
    label: str
    until: datetime.datetime | datetime.date  # time given: the look-again day, when it counts again
    state: str  # "counts", "worse" (the signal got worse), "good" (good now), "expired" or "withdrawn"

    @property
    def time_given(self) -> bool:
        return self.acknowledgement.kind == Kind.TIME

    @property
    def counts(self) -> bool:
        return self.state == "counts"

    @property
    def open(self) -> bool:
        """Still in its period and not undone: a coordinator may undo it."""
        return self.state not in ("expired", "withdrawn")


def family_acknowledgements(family, *, days: int = 90, now: datetime.datetime | None = None) -> list:
    """The family's acknowledgements of the last `days` and the time given that still holds, newest first, for
    a family found with its health attached (family_health_for): one query, whatever their number. Whether one
    holds is the health statement's (health.models.holding_q); this only says why, in words."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    period = datetime.timedelta(days=limits()["acknowledgement_days"])
    labels = dict(Signal.choices)
    rows = []
    acknowledgements = (
        Acknowledgement.objects.filter(family=family)
        .filter(Q(created_at__gte=now - datetime.timedelta(days=days)) | Q(kind=Kind.TIME, look_again_on__gt=today))
        .select_related("by", "withdrawn_by")
        .order_by("-created_at", "-pk")
    )
    for acknowledgement in acknowledgements:
        level = getattr(family, f"level_{acknowledgement.signal}", 0)
        time_given = acknowledgement.kind == Kind.TIME
        until = acknowledgement.look_again_on if time_given else acknowledgement.created_at + period
        if acknowledgement.withdrawn_at:
            state = "withdrawn"
        elif (until <= today) if time_given else (until < now):
            state = "expired"
        elif level > acknowledgement.level and not time_given:
            state = "worse"
        elif not level:
            state = "good"
        else:
            state = "counts"
        rows.append(AcknowledgementRow(acknowledgement, labels.get(acknowledgement.signal, ""), until, state))
    return rows


def children_without_mentor(user, *, today: datetime.date | None = None):
    """The children placed today without a mentor in the user's groups (a coordinator's locations, the admin's
    organisation), with their family, group and location: one query."""
    _check(user)
    today = today or timezone.localdate()
    families = families_listed_for(user).filter(archived_on__isnull=True)
    return (
        Placement.objects.filter(
            child__mentor__isnull=True,
            child__family__in=families.values("pk"),
            group__in=groups_visible_to(user).values("pk"),
            start_date__lte=today,
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("child__family", "group__location")
        .order_by("group__location__name", "group__name", "child__first_name", "child__pk")
    )
