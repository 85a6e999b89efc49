"""How often and why the family's staff give a signal time (success factor 6, trust takes time), per location of
the coordinator's report scope: per signal the times given in the period and the ones that hold today, and the
reasons in the staff's own words. Two queries, whatever the number of families or locations.

Time given counts for a location when the family had a child placed there on the day it was given (for the
period) or today (for what holds now), as the reports count events; a family at two locations counts at both."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q
from django.db.models.functions import TruncDate

from health.models import Acknowledgement, Kind, Signal

# The reasons listed per location; the counts include every one.
MAX_LISTED = 50


@dataclass
class SignalCount:
    signal: str
    label: str
    given: int = 0
    held: int = 0


@dataclass
class Entry:
    pk: int
    family_id: int
    family_name: str
    label: str
    reason: str
    by: str
    given_on: datetime.date
    look_again_on: datetime.date
    state: str  # "held", "ended" (ended early) or "looked_again" (its day came)


@dataclass
class LocationTime:
    location: object
    signals: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.entries)


def _placed_on(day) -> Q:
    """A child of the family placed, on `day` (a date or a date expression), at the location of the row."""
    return Q(family__children__placements__start_date__lte=day) & (
        Q(family__children__placements__end_date__isnull=True) | Q(family__children__placements__end_date__gte=day)
    )


def _rows(queryset, location_ids, placed):
    return (
        queryset.filter(placed, family__children__placements__group__location__in=location_ids)
        .values(
            "pk",
            "signal",
            "note",
            "look_again_on",
            "withdrawn_at",
            "family_id",
            "family__name",
            "by__first_name",
            "by__last_name",
            "by__username",
            given_on=TruncDate("created_at"),
            location=F("family__children__placements__group__location"),
        )
        .distinct()
    )


def _state(row, today) -> str:
    if row["withdrawn_at"]:
        return "ended"
    return "held" if row["look_again_on"] > today else "looked_again"


def time_given_report(scope) -> list[LocationTime]:
    """For a reports.selectors.Scope: the viewer's locations (a coordinator's, an admin's organisation)."""
    labels = dict(Signal.choices)
    time = Acknowledgement.objects.filter(kind=Kind.TIME)
    given = _rows(
        time.filter(created_at__gte=scope.since, created_at__lt=scope.until),
        scope.location_ids,
        _placed_on(TruncDate("created_at")),
    ).order_by("-given_on", "-pk")
    held = _rows(
        time.filter(withdrawn_at=None, look_again_on__gt=scope.today), scope.location_ids, _placed_on(scope.today)
    ).order_by()
    counts = defaultdict(lambda: {signal: SignalCount(signal, label) for signal, label in labels.items()})
    entries = defaultdict(list)
    for row in given:
        counts[row["location"]][row["signal"]].given += 1
        entries[row["location"]].append(row)
    for row in held:
        counts[row["location"]][row["signal"]].held += 1
    report = []
    for location in scope.locations:
        rows = entries.get(location.pk, [])
        report.append(
            LocationTime(
                location,
                signals=[count for count in counts[location.pk].values() if count.given or count.held],
                entries=[
                    Entry(
                        row["pk"],
                        row["family_id"],
                        row["family__name"],
                        labels.get(row["signal"], row["signal"]),
                        row["note"],
                        f"{row['by__first_name']} {row['by__last_name']}".strip() or row["by__username"],
                        row["given_on"],
                        row["look_again_on"],
                        _state(row, scope.today),
                    )
                    for row in rows[:MAX_LISTED]
                ],
                total=len(rows),
            )
        )
    return report
