"""Every signal in plain words, with what to do about it and where: each rule of `health.rules` explains its
own. Works on one family annotated by `health.computation.health_rows` (it reads the facts, it does not query)."""

import datetime
from dataclasses import dataclass

from health.models import Level
from health.rules import RULES, context


@dataclass
class Row:
    signal: str
    label: str
    level: int
    seen: bool
    reason: str
    action: str = ""
    url: str = ""
    # Held because time was given by choice: the day the signal counts again (None: not given time).
    time_until: datetime.date | None = None

    @property
    def level_label(self) -> str:
        return Level(self.level).label


def time_until(family, signal: str) -> datetime.date | None:
    """Only while the signal is held: a good signal with time given shows as good."""
    if not getattr(family, f"seen_{signal}"):
        return None
    return getattr(family, f"time_{signal}", None)


def explain(family, *, today: datetime.date | None = None, raised_only: bool = False) -> list[Row]:
    """Every signal of the family with its reason; `raised_only`: only those above good (the explaining is what
    costs, in translations and links: the dashboard rows and the CSV need no reason for a good signal)."""
    c = context(today)
    return [
        Row(
            rule.key,
            rule.label,
            getattr(family, f"level_{rule.key}"),
            getattr(family, f"seen_{rule.key}"),
            *rule.explain(family, c),
            time_until=time_until(family, rule.key),
        )
        for rule in RULES
        if not raised_only or getattr(family, f"level_{rule.key}")
    ]


def worst_rows(family, *, today=None) -> list[Row]:
    """The signals that need attention, worst first (for a dashboard row)."""
    return sorted(explain(family, today=today, raised_only=True), key=lambda row: (-row.level, row.seen))
