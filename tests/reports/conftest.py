"""A scenario for the reports, on top of the world (tests/conftest.py): events two months ago (M1) and last month
(M2), at the coordinator's location A and the other location B, with the cases the figures must get right."""

import datetime
from dataclasses import dataclass

import pytest
from django.db.models import Q
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Agreement, AgreementVersion, Confirmation
from contacts.choices import Kind, Tone, Visibility
from contacts.models import ChecklistTick
from contacts.services import ContactData
from families.models import Placement
from portal.models import PartnershipFeedback
from reports.selectors import add_months, month_of
from successfactors.models import ChecklistItem, Theme
from tests import factories as f
from threads.models import Message, State, Thread

THIS = month_of(timezone.localdate())
M1, M2 = add_months(THIS, -2), add_months(THIS, -1)


def at(month: datetime.date, day: int, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(month.replace(day=day), datetime.time(hour)))


def weekday_in(month: datetime.date, weekday: int, week: int = 0) -> int:
    """The day of the month of its first (or later) Monday (0), Tuesday (1), ...: a fixed weekday to count from."""
    first = month.replace(day=1)
    return 1 + (weekday - first.weekday()) % 7 + 7 * week


def working_days_after(day: datetime.date, until: datetime.date) -> int:
    """Monday to Friday after `day` up to and including `until`, counted one by one."""
    days, count = day, 0
    while days < until:
        days += datetime.timedelta(days=1)
        count += days.weekday() < 5
    return count


def families_placed(location, month) -> set[int]:
    """Families with a child placed at the location in the month: the test's own query."""
    end = add_months(month, 1)
    placements = Placement.objects.filter(group__location=location, start_date__lt=end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=month)
    )
    return set(placements.values_list("child__family_id", flat=True))


@dataclass
class Scenario:
    world: object
    twins: object  # two children at location A: one family, counted once
    both: object  # a child at A and a child at B: counted at both
    later: object  # first placed at A halfway through M2
    left: object  # left location A early in M1


def _family(world, name, *placements, holders=1):
    family = f.FamilyFactory(organisation=world.organisation, name=name)
    for _ in range(holders):
        f.CaregiverFactory(family=family)
    for group, start, end in placements:
        child = f.ChildFactory(family=family, mentor=world.users["staff"])
        f.PlacementFactory(child=child, group=group, start_date=start, end_date=end)
    return family


@pytest.fixture
def scenario(world) -> Scenario:
    long_ago = add_months(M1, -3)
    return Scenario(
        world=world,
        twins=_family(world, "Tweeling", (world.group, long_ago, None), (world.other_group, long_ago, None)),
        both=_family(world, "Beide", (world.other_group, long_ago, None), (world.far_group, long_ago, None)),
        later=_family(world, "Later", (world.group, M2.replace(day=15), None)),
        left=_family(world, "Vertrokken", (world.group, long_ago, M1.replace(day=5))),
    )


def contact(family, *, when, kind=Kind.INFORMAL, author, visibility=Visibility.INTERNAL, items=()):
    moment = f.ContactMomentFactory(family=family, author=author, kind=kind, occurred_at=when, visibility=visibility)
    for item in items:
        ChecklistTick.objects.create(contact=moment, item=item, theme=item.theme, prompt=item.prompt)
    return moment


def item_of(organisation, theme, kind) -> ChecklistItem:
    return ChecklistItem.objects.for_organisation(organisation).active().filter(theme=theme, kinds__contains=[kind])[0]


def proposed(family, by, *, on: datetime.datetime, one_enough=False, evaluation_on=None) -> Agreement:
    agreement = f.proposed_agreement(
        family=family, by=by, evaluation_on=evaluation_on or timezone.localdate() + datetime.timedelta(days=30)
    )
    Agreement.objects.filter(pk=agreement.pk).update(proposed_at=on, one_akkoord_enough=one_enough)
    AgreementVersion.objects.filter(pk=agreement.current_id).update(proposed_at=on, created_at=on)
    agreement.refresh_from_db()
    return agreement


def record_akkoord(agreement, caregiver, *, on: datetime.datetime, by):
    """Staff record a caregiver's akkoord in a conversation, dated `on`."""
    conversation = f.ContactMomentFactory(
        family=agreement.family, author=by, kind=Kind.PARENT_CONVERSATION, occurred_at=on
    )
    agreement_services.agreement_record_agreed(agreement=agreement, by=by, caregivers=[caregiver], contact=conversation)
    Confirmation.objects.filter(version=agreement.current, caregiver=caregiver).update(created_at=on)
    agreement.refresh_from_db()


def evaluate(agreement, *, on: datetime.datetime, by, outcome="continue", next_on=None):
    agreement_services.agreement_evaluate(
        agreement=agreement,
        by=by,
        contact_data=ContactData(kind=Kind.EVALUATION, occurred_at=on, tone=Tone.POSITIVE),
        outcome=outcome,
        next_evaluation_on=next_on,
    )
    agreement.refresh_from_db()


def feedback(family, caregiver, *, when, scores):
    row = PartnershipFeedback.objects.create(
        family=family, caregiver=caregiver, relatie=scores[0], competentie=scores[1], autonomie=scores[2]
    )
    PartnershipFeedback.objects.filter(pk=row.pk).update(created_at=when)
    return row


def thread(family, *, when) -> Thread:
    return f.ThreadFactory(family=family, caregiver=family.caregivers.first(), waiting_since=when)


def parent_writes(thread, *, when):
    Message.objects.create(thread=thread, from_parent=True, text="Nog een vraag.", created_at=when)


def staff_answers(thread, *, when, by):
    Message.objects.create(thread=thread, author=by, from_parent=False, text="Dank u, we bellen.", created_at=when)
    Thread.objects.filter(pk=thread.pk).update(state=State.ANSWERED, waiting_since=None, last_message_at=when)


def staff_closes(thread, *, when, by):
    Thread.objects.filter(pk=thread.pk).update(
        state=State.CLOSED, waiting_since=None, closed_at=when, closed_by=by, closed_reason="Besproken bij het halen."
    )


THEMES = Theme.values
