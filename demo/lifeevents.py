"""Issue 17 part A in the demo: three families with something going on around them (a life event on the
briefing card and a marker on the staff home), and one signal given time by choice, with a reason and a day to
look again, so that the family page, the dashboard and the coordinators' "time given" page show it."""

import datetime

from families.models import Family
from health.computation import health_rows
from health.models import Acknowledgement, Kind
from lifeevents.models import Kind as LifeKind
from lifeevents.models import LifeEvent, default_end

# (index in the demo's families, kind, days ago, what colleagues need to know)
EVENTS = [
    (0, LifeKind.BABY, 20, "Een baby geboren; thuis weinig slaap. Het kind is soms moe en snel boos."),
    (3, LifeKind.MOVE, 35, "Verhuisd naar een andere wijk; langere reis naar de opvang."),
    (6, LifeKind.JOB_LOST, 50, "Vader is zijn baan kwijt; geldzorgen. Ouders vroegen om geduld met betalen."),
]
# The signals that push for speed, in the order the demo looks for one to hold.
HELD = ("intake", "proposal", "contact", "balance")


def _mentor(family):
    child = family.children.exclude(mentor=None).select_related("mentor").first()
    return child.mentor if child else None


def seed_life_events(families: list[Family], today: datetime.date) -> None:
    for index, kind, days_ago, description in EVENTS:
        family = families[index % len(families)]
        mentor = _mentor(family)
        if mentor is None:
            continue
        happened_on = today - datetime.timedelta(days=days_ago)
        LifeEvent.objects.create(
            family=family,
            kind=kind,
            description=description,
            happened_on=happened_on,
            parents_know=True,
            ends_on=default_end(kind, happened_on),
            noted_by=mentor,
        )
    _seed_time_given(families, today)


def _seed_time_given(families: list[Family], today: datetime.date) -> None:
    rows = health_rows(Family.objects.filter(pk__in=[family.pk for family in families]), today=today)
    by_pk = {family.pk: family for family in families}
    for signal in HELD:
        for row in rows:
            mentor = _mentor(by_pk[row["id"]])
            if row[f"level_{signal}"] and mentor is not None:
                Acknowledgement.objects.create(
                    family_id=row["id"],
                    signal=signal,
                    kind=Kind.TIME,
                    level=row[f"level_{signal}"],
                    note="Moeder had slechte ervaringen met instanties; we bouwen eerst rustig vertrouwen op.",
                    look_again_on=today + datetime.timedelta(days=28),
                    by=mentor,
                )
                return
