"""Health as each user may see it: the dashboard of a coordinator's families, one family's signals, and the
status history. Never for parents: every function starts from the scope of a staff role."""

import datetime
import math
from dataclasses import dataclass, field

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Role
from families.models import Family
from families.selectors import families_visible_to, family_list_for
from health.models import Level, Snapshot
from health.signals import SIGNALS, attach, health_rows


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


def dashboard_page(
    user, *, number=1, per_page=25, q="", location=None, group=None, mentor=None, signal="", status=None
):
    """A page of the families in the user's scope, worst first, with the counts per status and per signal; the
    health of all of them is computed in one statement, whatever their number."""
    _check(user)
    families = family_list_for(user, q=q, location=location, group=group, mentor=mentor)
    rows = health_rows(families, signal=signal, status=status, limit=per_page, offset=(number - 1) * per_page)
    if rows:
        total, counts = rows[0]["total"], _counts(rows[0])
    else:
        # Nothing on this page: the counts still describe the families before the signal and status filter.
        first = health_rows(families, limit=1)
        total, counts = 0, _counts(first[0]) if first else _counts({})
        if number > 1 and (signal or status is not None):
            total = len(health_rows(families, signal=signal, status=status))
    objects = {family.pk: family for family in families.filter(pk__in=[row["id"] for row in rows])}
    object_list = [attach(objects[row["id"]], row) for row in rows]
    num_pages = max(1, math.ceil(total / per_page))
    return HealthPage(object_list, number, _Paginator(total, num_pages), counts)


def dashboard_rows(user, *, q="", location=None, group=None, mentor=None, signal="", status=None) -> list[dict]:
    """Every filtered row, for the CSV export."""
    _check(user)
    families = family_list_for(user, q=q, location=location, group=group, mentor=mentor)
    return health_rows(families, signal=signal, status=status)


def family_health_for(user, pk: int):
    _check(user)
    family = get_object_or_404(families_visible_to(user), pk=pk)
    rows = health_rows(Family.objects.filter(pk=family.pk))
    return attach(family, rows[0])


def status_history(family, *, days: int = 90, today: datetime.date | None = None) -> list[Snapshot]:
    today = today or timezone.localdate()
    return list(Snapshot.objects.filter(family=family, day__gt=today - datetime.timedelta(days=days)).order_by("day"))
