"""Each signal at its thresholds, computed in the database for one family at a time. The world's family
starts healthy: a recent positive chat, an intake, a proposed agreement (fresh)."""

import datetime

import pytest
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Agreement, Status
from contacts.choices import Kind, Tone
from contacts.models import ChecklistTick, ContactMoment
from families.models import Family
from health.models import Acknowledgement, Signal
from health.reasons import explain
from health.signals import families_with_health, limits
from portal.models import PartnershipFeedback
from successfactors.models import ChecklistItem
from tests import factories as f

pytestmark = pytest.mark.django_db
NOW = timezone.now


def _family(world):
    return families_with_health(Family.objects.filter(pk=world.family.pk))[0]


def _level(world, signal):
    return getattr(_family(world), f"level_{signal}")


def _contact(world, days_ago, **fields):
    fields.setdefault("author", world.users["staff"])
    return f.ContactMomentFactory(family=world.family, occurred_at=NOW() - datetime.timedelta(days=days_ago), **fields)


def test_the_world_family_starts_healthy(world):
    family = _family(world)
    assert family.health == 0, [r for r in explain(family) if r.level]


@pytest.mark.parametrize("days, level", [(20, 0), (22, 1), (41, 1), (43, 2)])
def test_days_since_the_last_contact(world, days, level):
    ContactMoment.objects.update(occurred_at=NOW() - datetime.timedelta(days=days))
    assert limits()["contact_attention_days"] == 21 and limits()["contact_concern_days"] == 42
    assert _level(world, Signal.CONTACT) == level


@pytest.mark.parametrize("warm, cold, level", [(2, 2, 0), (1, 3, 1), (1, 4, 2), (0, 2, 0)])
def test_contact_balance_informal_or_positive_share(world, warm, cold, level):
    ContactMoment.objects.all().delete()
    for _ in range(warm):
        _contact(world, 5, kind=Kind.INFORMAL, tone=Tone.NEUTRAL)
    for _ in range(cold):
        _contact(world, 5, kind=Kind.PHONE, tone=Tone.NEUTRAL)
    # 2/4 = 50 % is fine; 1/4 = 25 % attention; 1/5 = 20 % concern; fewer than 3 contacts says nothing.
    assert _level(world, Signal.BALANCE) == level


@pytest.mark.parametrize("started_days_ago, level", [(13, 0), (15, 1), (43, 2)])
def test_intake_within_the_first_weeks(world, started_days_ago, level):
    world.family.intakes.all().delete()
    world.placement.start_date = timezone.localdate() - datetime.timedelta(days=started_days_ago)
    world.placement.save()
    assert _level(world, Signal.INTAKE) == level


@pytest.mark.parametrize("overdue_days, level", [(-1, 0), (1, 1), (14, 1), (15, 2)])
def test_evaluation_overdue(world, overdue_days, level):
    agreement_services.agreement_confirm(
        agreement=world.agreement, version=world.agreement.current, by=world.users["parent"]
    )
    Agreement.objects.filter(pk=world.agreement.pk).update(
        evaluation_on=timezone.localdate() - datetime.timedelta(days=overdue_days)
    )
    family = _family(world)
    assert family.level_evaluation == level
    if level:
        reason = next(r for r in explain(family) if r.signal == Signal.EVALUATION).reason
        assert "Slapen op de groep" in reason and "te laat sinds" in reason


@pytest.mark.parametrize("waiting_days, level", [(13, 0), (15, 1), (29, 2)])
def test_proposed_but_not_agreed_for_too_long(world, waiting_days, level):
    Agreement.objects.filter(pk=world.agreement.pk).update(proposed_at=NOW() - datetime.timedelta(days=waiting_days))
    assert _level(world, Signal.PROPOSAL) == level


@pytest.mark.parametrize("overdue_days, promised, level", [(1, False, 0), (1, True, 1), (15, True, 2)])
def test_follow_ups_promised_to_the_parents_and_overdue(world, overdue_days, promised, level):
    f.FollowUpFactory(
        contact=world.contact,
        promised_to_parents=promised,
        due_on=timezone.localdate() - datetime.timedelta(days=overdue_days),
    )
    assert _level(world, Signal.PROMISES) == level


@pytest.mark.parametrize("hard, level", [(1, 0), (2, 1), (3, 2)])
def test_tone_of_recent_contacts(world, hard, level):
    for n in range(hard):
        _contact(world, 3 + n, tone=Tone.TENSE if n % 2 else Tone.WORRIED)
    _contact(world, 60, tone=Tone.TENSE)  # outside the period
    assert _level(world, Signal.TONE) == level


@pytest.mark.parametrize("needed, without, level", [(False, 3, 0), (True, 0, 0), (True, 1, 1), (True, 2, 2)])
def test_interpreter_needed_but_not_used(world, needed, without, level):
    Family.objects.filter(pk=world.family.pk).update(interpreter_needed=needed)
    for _ in range(without):
        _contact(world, 10, kind=Kind.PARENT_CONVERSATION, interpreter_used=False)
    _contact(world, 10, kind=Kind.PARENT_CONVERSATION, interpreter_used=True)
    assert _level(world, Signal.INTERPRETER) == level


@pytest.mark.parametrize("lowest, level", [(4, 0), (3, 1), (2, 2)])
def test_the_parents_own_feedback(world, lowest, level):
    PartnershipFeedback.objects.create(
        family=world.family, caregiver=world.caregiver, relatie=5, competentie=lowest, autonomie=4
    )
    assert _level(world, Signal.FEEDBACK) == level


@pytest.mark.parametrize("ticked, total, level", [(1, 2, 0), (1, 3, 1), (0, 2, 2), (0, 1, 0)])
def test_success_factor_coverage_in_conversations(world, ticked, total, level):
    item = ChecklistItem.objects.for_kind(Kind.PARENT_CONVERSATION).first()
    for n in range(total):
        contact = _contact(world, 5, kind=Kind.PARENT_CONVERSATION)
        if n < ticked:
            ChecklistTick.objects.create(contact=contact, item=item, theme=item.theme, prompt=item.prompt)
    assert _level(world, Signal.COVERAGE) == level


def test_the_status_is_the_worst_signal_unless_acknowledged_until_it_gets_worse(world):
    ContactMoment.objects.update(occurred_at=NOW() - datetime.timedelta(days=25))
    assert _family(world).health == 1
    Acknowledgement.objects.create(
        family=world.family, signal=Signal.CONTACT, level=1, note="Ouders op vakantie", by=world.users["coordinator"]
    )
    family = _family(world)
    assert family.health == 0 and family.seen_contact
    ContactMoment.objects.update(occurred_at=NOW() - datetime.timedelta(days=50))
    family = _family(world)
    assert family.health == 2 and not family.seen_contact


def test_an_acknowledgement_expires(world):
    ContactMoment.objects.update(occurred_at=NOW() - datetime.timedelta(days=25))
    ack = Acknowledgement.objects.create(
        family=world.family, signal=Signal.CONTACT, level=1, note="Gezien", by=world.users["coordinator"]
    )
    Acknowledgement.objects.filter(pk=ack.pk).update(created_at=NOW() - datetime.timedelta(days=31))
    assert _family(world).health == 1


def test_closed_agreements_and_drafts_raise_no_evaluation_signal(world):
    Agreement.objects.filter(pk=world.agreement.pk).update(
        status=Status.CLOSED, evaluation_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    assert _level(world, Signal.EVALUATION) == 0
