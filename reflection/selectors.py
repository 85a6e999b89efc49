"""Who reads what of reflection and the pulse. A reflection exists only for its author: every lookup filters on
the author, so anyone else (colleague, coordinator, organisation admin) gets a 404. Coordinators read figures
per location and month: counts of reflections, and the pulse's averages only from five answers."""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from contacts.choices import Tone
from contacts.models import ContactMoment
from contacts.selectors import contacts_visible_to
from organisations.models import Location
from organisations.selectors import locations_visible_to
from reflection.models import PULSE_MIN_RESPONDENTS, PulseAnswered, PulseResponse, Reflection

# The tones after which the contact page offers a reflection.
REFLECTION_TONES = (Tone.WORRIED, Tone.TENSE)
MONTHS_SHOWN = 6


def month_of(day: datetime.date | None = None) -> datetime.date:
    day = day or timezone.localdate()
    return day.replace(day=1)


def reflections_of(user) -> QuerySet[Reflection]:
    if not user.is_authenticated:
        return Reflection.objects.none()
    return Reflection.objects.filter(author=user).select_related("contact__family")


def reflection_for(user, pk: int) -> Reflection:
    return get_object_or_404(reflections_of(user), pk=pk)


def own_contact(user, family_pk: int, contact_pk: int) -> ContactMoment:
    """A contact the user wrote, in a family they still see: only its author reflects on it."""
    contacts = contacts_visible_to(user).filter(author=user).select_related("family")
    return get_object_or_404(contacts, family_id=family_pk, pk=contact_pk)


def reflection_on(contact) -> Reflection | None:
    return Reflection.objects.filter(contact=contact).first()


def pulse_locations(user) -> QuerySet[Location]:
    return locations_visible_to(user).order_by("name")


def has_answered_pulse(user, month: datetime.date | None = None) -> bool:
    return PulseAnswered.objects.filter(user=user, month=month or month_of()).exists()


def last_months(today: datetime.date | None = None, count: int = MONTHS_SHOWN) -> list[datetime.date]:
    month = month_of(today)
    months = []
    for _ in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months


@dataclass
class PulseFigure:
    respondents: int
    relatie: float | None = None
    competentie: float | None = None
    autonomie: float | None = None

    @property
    def shown(self) -> bool:
        return self.respondents >= PULSE_MIN_RESPONDENTS


@dataclass
class TeamRow:
    location: Location
    # (month, number of reflections, PulseFigure) newest first
    months: list


def team_figures(user, today: datetime.date | None = None) -> list[TeamRow]:
    """Per location the coordinator sees and per month: reflections written (a count) and the pulse. Scores of
    a month with fewer than five answers never leave this function."""
    months = last_months(today)
    locations = list(pulse_locations(user))
    reflections = {
        (row["location"], row["month"]): row["n"]
        for row in Reflection.objects.filter(location__in=locations, month__in=months)
        .values("location", "month")
        .annotate(n=Count("pk"))
        .order_by()
    }
    pulse = {}
    for row in (
        PulseResponse.objects.filter(location__in=locations, month__in=months)
        .values("location", "month")
        .annotate(n=Count("pk"), r=Avg("relatie"), c=Avg("competentie"), a=Avg("autonomie"))
        .order_by()
    ):
        figure = PulseFigure(respondents=row["n"])
        if figure.shown:
            figure.relatie, figure.competentie, figure.autonomie = row["r"], row["c"], row["a"]
        pulse[(row["location"], row["month"])] = figure
    return [
        TeamRow(
            location,
            [
                (month, reflections.get((location.pk, month), 0), pulse.get((location.pk, month), PulseFigure(0)))
                for month in months
            ],
        )
        for location in locations
    ]
