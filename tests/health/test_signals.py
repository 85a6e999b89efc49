"""Each signal at its thresholds, computed in the database for one family at a time. The world's family
starts healthy: a recent positive chat, an intake, a proposed agreement (fresh)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Agreement, Status
from contacts.choices import Kind, Tone
from contacts.models import ChecklistTick, ContactMoment
from families.models import Family
from health.computation import families_with_health
from health.models import Acknowledgement, Signal
from health.reasons import explain
from health.rules import limits
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


@pytest.mark.parametrize("lowest, level", [(4, 0), (3, 0), (2, 1), (1, 1)])
def test_one_answer_of_one_parent_is_at_most_attention(world, lowest, level):
    PartnershipFeedback.objects.create(
        family=world.family, caregiver=world.caregiver, relatie=5, competentie=lowest, autonomie=4
    )
    assert _level(world, Signal.FEEDBACK) == level


@pytest.mark.parametrize("ticked, total, level", [(1, 2, 0), (1, 3, 1), (0, 2, 2), (0, 1, 0)])
def test_success_factor_coverage_in_conversations(world, ticked, total, level):
    item = ChecklistItem.objects.for_organisation(world.organisation).for_kind(Kind.PARENT_CONVERSATION).first()
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


def _monday():
    """This week's Monday (today or before): working days are counted up to it, so the weekend is in between."""
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def _waiting_since(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(16, 30)))


@pytest.mark.parametrize(
    "days_before_monday, working_days, level",
    [(2, 1, 0), (3, 1, 0), (4, 2, 0), (5, 3, 1), (7, 5, 1), (10, 6, 2)],
    ids=["saturday", "friday", "thursday", "wednesday", "monday-a-week-before", "friday-two-weeks-before"],
)
def test_a_parents_message_unanswered_for_more_than_2_and_5_working_days(
    world, days_before_monday, working_days, level
):
    monday = _monday()
    thread = f.ThreadFactory(
        family=world.family, waiting_since=_waiting_since(monday - datetime.timedelta(days=days_before_monday))
    )
    assert limits()["messages_attention_working_days"] == 2 and limits()["messages_concern_working_days"] == 5
    family = families_with_health(Family.objects.filter(pk=world.family.pk), today=monday)[0]
    assert (family.messages_working_days, family.level_messages) == (working_days, level)
    reasons = {row.signal: row for row in explain(family, today=monday)}
    assert reasons["messages"].url == reverse("threads:detail", args=[world.family.pk, thread.pk])


def test_an_answered_or_closed_message_raises_no_signal_and_the_oldest_waiting_one_counts(world):
    from threads import services as thread_services

    long_ago = NOW() - datetime.timedelta(days=30)
    old = f.ThreadFactory(family=world.family, waiting_since=long_ago)
    assert _level(world, Signal.MESSAGES) == 2
    thread_services.thread_reply(thread=old, by=world.users["staff"], text="Sorry voor het late antwoord.")
    assert _level(world, Signal.MESSAGES) == 0
    f.ThreadFactory(family=world.family, waiting_since=NOW() - datetime.timedelta(days=1))
    closed = f.ThreadFactory(family=world.family, waiting_since=long_ago)
    thread_services.thread_close(thread=closed, by=world.users["staff"], reason="Besproken")
    family = _family(world)
    assert family.messages_waiting == 1 and family.level_messages == 0


def test_the_messages_signal_explains_itself_in_plain_words(world):
    family = _family(world)
    assert {row.signal: row for row in explain(family)}["messages"].reason == (
        "Er wacht geen bericht van de ouders op antwoord."
    )
    f.ThreadFactory(family=world.family, waiting_since=NOW() - datetime.timedelta(days=20))
    reason = {row.signal: row for row in explain(_family(world))}["messages"].reason
    assert (
        reason.startswith("1 bericht van de ouders wacht op antwoord. Het oudste wacht al ") and "werkdagen" in reason
    )


@pytest.mark.parametrize("days, level", [(None, 1), (29, 0), (31, 1), (400, 1)])
def test_days_since_a_positive_moment_never_beyond_attention(world, days, level):
    from moments.models import Moment

    assert limits()["moments_attention_days"] == 30
    if days is None:
        Moment.objects.filter(family=world.family).delete()
    else:
        Moment.objects.filter(family=world.family).update(created_at=NOW() - datetime.timedelta(days=days))
    assert _level(world, Signal.MOMENTS) == level


def test_a_new_family_is_not_asked_for_a_positive_moment_before_its_first_month(world):
    from families.models import Placement
    from moments.models import Moment

    Moment.objects.filter(family=world.family).delete()
    Placement.objects.filter(child__family=world.family).update(
        start_date=timezone.localdate() - datetime.timedelta(days=20)
    )
    assert _level(world, Signal.MOMENTS) == 0
    from django.utils import translation

    with translation.override("en"):
        rows = {row.signal: row for row in explain(_family(world))}
    assert rows[Signal.MOMENTS].reason == "No positive moment has been shared with the parents yet."
