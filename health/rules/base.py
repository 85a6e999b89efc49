"""What a signal is made of, and the small helpers its declaration uses. See `health.rules` for the registry."""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import Aggregate, Count, Expression, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from families.models import Placement


@dataclass(frozen=True)
class Context:
    """The thresholds and the moment one computation runs at, shared by the SQL and the explanations."""

    limits: dict
    today: datetime.date
    now: datetime.datetime

    def __getitem__(self, key: str) -> int:
        return self.limits[key]

    def date_ago(self, key: str) -> datetime.date:
        """The day the threshold `key` (in days) ago, for comparing date columns."""
        return self.today - datetime.timedelta(days=self.limits[key])

    def time_ago(self, key: str) -> datetime.datetime:
        """The moment the threshold `key` (in days) ago, for comparing timestamp columns."""
        return self.now - datetime.timedelta(days=self.limits[key])


class Reason(NamedTuple):
    """A signal in plain words; the action and its URL may be empty when there is nothing to do. The URL is lazy
    (reverse_lazy): the CSV of ten thousand families reads only the reason."""

    reason: str
    action: str = ""
    url: str = ""


def _nothing(c: Context) -> dict:
    return {}


@dataclass(frozen=True)
class SignalRule:
    """One signal, whole: adding a signal is one of these plus a line in the registry, a README row and a test.

    `level` is SQL over the fact columns giving 0 (good), 1 (attention) or 2 (concern); its `%s` placeholders
    get `params(c)`, in order, so thresholds and dates are never formatted into SQL. The fact columns are the
    names in `facts` (annotations on Family), in `contact_facts` (aggregates over the family's contact moments)
    and in `fields` (Family's own fields). The facts of all signals are computed together, so two signals that
    need the same fact declare it under the same name with the same expression."""

    key: str
    label: Any  # lazy: the signal's name on the pages, in the filter and the CSV
    # Defaults, by name; settings.HEALTH_THRESHOLDS overrides them. "attention" and "concern" thresholds are
    # where the signal turns from good to attention and from attention to concern.
    thresholds: dict[str, int]
    level: str
    params: Callable[[Context], list]
    explain: Callable[[Any, Context], Reason]  # reads a family with the facts attached; does not query
    facts: Callable[[Context], dict[str, Expression]] = _nothing
    contact_facts: Callable[[Context], dict[str, Aggregate]] = _nothing
    fields: tuple[str, ...] = ()


def count(queryset) -> Coalesce:
    """How many rows per family; 0 when the family has none (a subquery without a row is NULL)."""
    counted = queryset.order_by().values("family").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def first(queryset, field: str, order: str) -> Subquery:
    return Subquery(queryset.order_by(order).values(field)[:1])


def first_day() -> Subquery:
    """The first day any child of the family was placed (shared by the contact and intake signals)."""
    return first(Placement.objects.filter(child__family=OuterRef("pk")), "start_date", "start_date")


def go_live() -> F:
    """The day the family's organisation started using the app (NULL when not set)."""
    return F("organisation__go_live")


def paperwork_facts() -> dict:
    """The facts the paperwork signals share, under the same names (see SignalRule). From when the app can expect
    a record (an intake, a logged contact) is the family's first day, or the day the organisation started using
    the app when that is later: a family placed long before the go-live has no intake in the app on the go-live
    day, and that is no sign of anything. The level SQL takes PAPERWORK_FROM; `paperwork_from()` says the same in
    Python for the explanation."""
    return {"first_day": first_day(), "go_live": go_live()}


# PostgreSQL's GREATEST skips NULLs: without a go-live date this is the first day.
PAPERWORK_FROM = "GREATEST(first_day, go_live)"


def paperwork_from(family) -> datetime.date | None:
    days = [day for day in (family.first_day, family.go_live) if day is not None]
    return max(days) if days else None


def json_fact(value) -> dict:
    """A JSON fact as the explanation reads it: the raw statement hands JSON over as text (Django leaves its
    decoding to JSONField), a family without rows for it has none."""
    if isinstance(value, str):
        return json.loads(value)
    return value or {}
