"""The family's status over the last 90 days as the numbers of a server-rendered SVG (no script): one bar per
day, taller the worse the status (so it reads without colour), a date under every second week, and today's
bar is today's live status, the same as the page's header. The stored snapshots are the days before."""

import datetime
from dataclasses import dataclass, field

from health.models import Level

DAYS = 90
STEP = 4  # SVG units per day
BAR = 3
BASELINE = 46  # bars stand on this line; the dates go below it
TICK_EVERY = 14  # days between two date labels


@dataclass
class Chart:
    bars: list
    ticks: list
    width: int
    height: int
    first: datetime.date
    last: datetime.date
    past_days: int  # days with a stored snapshot (today not counted)
    summary: list = field(default_factory=list)  # (label, days) per status
    axis_y: float = BASELINE + 0.5
    tick_y: int = BASELINE + 4
    label_y: int = BASELINE + 13
    tallest: int = 0


def bar_height(level: int) -> int:
    return 12 + level * 16


def status_chart(history, *, today: datetime.date, live_level: int, days: int = DAYS) -> Chart:
    first = today - datetime.timedelta(days=days - 1)
    levels = {snapshot.day: snapshot.level for snapshot in history if first <= snapshot.day < today}
    past_days = len(levels)
    levels[today] = live_level
    bars = []
    for day, level in sorted(levels.items()):
        height = bar_height(level)
        x = (day - first).days * STEP
        bars.append({"x": x, "y": BASELINE - height, "h": height, "level": level, "day": day, "today": day == today})
    ticks = []
    for n in range(0, days, TICK_EVERY):
        day = today - datetime.timedelta(days=n)
        x = (day - first).days * STEP + BAR / 2
        # The labels at the edges are anchored inwards, so that none is cut off.
        anchor = "end" if n == 0 else ("start" if x < 12 else "middle")
        ticks.append({"x": x, "day": day, "anchor": anchor})
    ticks.reverse()
    counted = dict.fromkeys(Level.values, 0)
    for bar in bars:
        counted[bar["level"]] += 1
    labels = dict(Level.choices)
    return Chart(
        bars=bars,
        ticks=ticks,
        width=days * STEP,
        height=BASELINE + 15,
        first=bars[0]["day"],
        last=today,
        past_days=past_days,
        summary=[(labels[level], n) for level, n in counted.items()],
        tallest=bar_height(max(Level.values)),
    )


def legend() -> list:
    """The three statuses with the height of their bar, for the chart's legend."""
    return [
        {"level": level, "label": label, "y": bar_height(2) - bar_height(level), "h": bar_height(level)}
        for level, label in Level.choices
    ]
