"""A plausible 90-day status history for the demo families, so the chart on a family's health page shows a
course: families that need action now mostly slid there over the last weeks, others were steady or
recovered. Real installations get their history from the daily `snapshot_health`."""

import datetime
import random

from families.models import Family
from health.computation import SIGNALS, health_rows
from health.models import Snapshot


def seed_health_history(today: datetime.date, rng: random.Random, days: int = 90) -> None:
    snapshots = []
    for row in health_rows(Family.objects.filter(archived_on__isnull=True), today=today):
        now = row["health"]
        turned = rng.randint(5, 60)  # days ago the status became what it is now
        before = rng.choice([0, 0, 1]) if now else rng.choice([0, 0, 0, 1, 2])
        for ago in range(days, -1, -1):
            level = now if ago <= turned else before
            if ago > turned and rng.random() < 0.08:
                level = min(2, level + 1)  # a bad week now and then
            snapshots.append(
                Snapshot(
                    family_id=row["id"],
                    day=today - datetime.timedelta(days=ago),
                    level=level,
                    levels={signal: row[f"level_{signal}"] if ago <= turned else 0 for signal in SIGNALS},
                )
            )
    Snapshot.objects.bulk_create(snapshots, batch_size=1000)
