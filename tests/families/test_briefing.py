"""The staff home at the door (names, days since contact, open actions; no health, scores or reasons) and the
family page's briefing card ("what do I need before I talk to this parent?"), in a fixed number of queries."""

import datetime
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from agreements.models import Agreement, Status
from contacts.choices import Kind, Visibility
from families.briefing import family_briefing
from families.models import Family
from health.computation import health_rows, row_object
from health.reasons import worst_rows
from portal.models import PartnershipFeedback
from tests import factories as f
from threads.models import State, Topic

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
HOUR = datetime.timedelta(hours=1)
MINE = reverse("families:mine")


def _agreed(world, title, days, family=None):
    """An agreement the parents agreed to, to evaluate in `days` days (negative: overdue)."""
    agreement = f.proposed_agreement(family=family or world.family, by=world.users["staff"], title=title)
    Agreement.objects.filter(pk=agreement.pk).update(
        status=Status.AGREED, evaluation_on=TODAY + datetime.timedelta(days=days)
    )
    return agreement


def _ago(contact, days):
    contact.occurred_at = timezone.now() - datetime.timedelta(days=days)
    contact.save()


def _low_feedback(world):
    PartnershipFeedback.objects.create(
        family=world.family, caregiver=world.caregiver, relatie=1, competentie=4, autonomie=4
    )


def _health(world, user):
    return row_object(health_rows(Family.objects.filter(pk=world.family.pk), viewer=user)[0])


def _thread_not_waiting(world, state, **fields):
    now = timezone.now()
    return f.ThreadFactory(
        family=world.family,
        caregiver=world.caregiver,
        state=state,
        waiting_since=None,
        last_message_at=now,
        created_at=now,
        **fields,
    )


def _status_labels() -> list[str]:
    """The words of the health badge for attention and action, whatever they are called now."""
    badges = [render_to_string("health/_badge.html", {"level": level}) for level in (1, 2)]
    return [re.sub(r"<[^>]+>", "", badge).strip() for badge in badges]


def _card(content: str) -> str:
    return content.split('id="briefing"', 1)[1].split("</section>", 1)[0]


def _nl_date(day) -> str:
    with translation.override("nl"):
        return formats.date_format(day, "SHORT_DATE_FORMAT")


# --- The staff home --------------------------------------------------------------------------------------------


def test_the_staff_home_shows_no_health_no_score_and_no_reasons_on_a_family_card(world, client_for):
    _low_feedback(world)
    _ago(world.contact, 30)
    health = _health(world, world.users["staff"])
    reasons = [row.reason for row in worst_rows(health)]
    assert health.health > 0 and reasons  # the family does need attention: the home must not say so
    with translation.override("nl"):
        labels = _status_labels()
    content = client_for("staff").get(MINE).content.decode()
    assert world.family.name in content and "Noor" in content
    assert "health-" not in content
    for word in [*labels, "Aandacht", "Actie nodig", "Zorg", "van 5", "Relatie-gezondheid"]:
        assert word not in content, word
    for reason in reasons:
        assert reason not in content, reason


def test_a_family_card_shows_the_days_since_contact_and_the_open_actions(world, client_for):
    _ago(world.contact, 5)
    f.ThreadFactory(family=world.family, caregiver=world.caregiver)
    _agreed(world, "Zindelijkheid", days=3)
    content = client_for("staff").get(MINE).content.decode()
    card = content.split(f'id="family-{world.family.pk}"', 1)[1].split("</article>", 1)[0]
    assert "Laatste contact: 5 dagen geleden" in card
    assert "3 open" in card
    assert "1 actie" in card and "1 bericht wacht" in card and "1 evaluatie" in card


def test_a_family_without_open_actions_says_nothing_is_open(world, client_for):
    world.follow_up.done_on = TODAY
    world.follow_up.save()
    content = client_for("staff").get(MINE).content.decode()
    card = content.split(f'id="family-{world.family.pk}"', 1)[1].split("</article>", 1)[0]
    assert "Niets open" in card


def _card_family(client, world):
    return next(family for family in client.get(MINE).context["families"] if family.pk == world.family.pk)


def test_open_actions_count_only_what_is_open_due_and_visible_to_the_user(world, client_for):
    coordinator = world.users["coordinator"]
    done = f.FollowUpFactory(contact=world.contact, owner=world.users["staff"])
    done.done_on = TODAY
    done.save()
    confidential = f.ContactMomentFactory(family=world.family, author=coordinator, visibility=Visibility.CONFIDENTIAL)
    f.FollowUpFactory(contact=confidential, owner=coordinator)
    _thread_not_waiting(world, State.ANSWERED)
    _thread_not_waiting(world, State.CLOSED, closed_reason="Besproken")
    _agreed(world, "Later", days=30)
    _agreed(world, "Te laat", days=-2)

    family = _card_family(client_for("staff"), world)
    assert (family.open_follow_ups, family.messages_waiting, family.evaluations_due) == (1, 0, 1)
    assert family.open_actions == 2
    # The coordinator sees the confidential contact, and so its follow-up.
    assert _card_family(client_for("coordinator"), world).open_follow_ups == 2


def test_the_staff_home_runs_the_same_number_of_queries_as_open_actions_grow(world, client_for):
    client = client_for("staff")
    few = len(_queries(client, MINE))
    for _ in range(6):
        family = f.FamilyFactory(organisation=world.organisation)
        caregiver = f.CaregiverFactory(family=family)
        f.PlacementFactory(child=f.ChildFactory(family=family, mentor=world.users["staff"]), group=world.group)
        contact = f.ContactMomentFactory(family=family, author=world.users["staff"])
        f.FollowUpFactory(contact=contact)
        f.ThreadFactory(family=family, caregiver=caregiver)
        _agreed(world, "Slapen", days=1, family=family)
    assert len(_queries(client, MINE)) == few


# --- The family page's briefing card ---------------------------------------------------------------------------


def _briefed_family(world):
    """world.family with something in every row of the card."""
    staff = world.users["staff"]
    _low_feedback(world)
    _ago(world.contact, 30)
    world.family.home_languages = ["so"]
    world.family.interpreter_needed = True
    world.family.save()
    f.CaregiverFactory(family=world.family, first_name="Henk", relation="opa", has_parental_authority=False)
    contact = f.ContactMomentFactory(family=world.family, author=staff, kind=Kind.PARENT_CONVERSATION)
    f.FollowUpFactory(
        contact=contact, description="Folder over slapen meegeven", due_on=TODAY - datetime.timedelta(days=1)
    )
    f.ThreadFactory(family=world.family, caregiver=world.caregiver, topic=Topic.QUESTION)
    _agreed(world, "Zindelijkheid", days=-2)
    mentor_talk = f.ContactMomentFactory(family=world.family, author=staff, kind=Kind.MENTOR_CONVERSATION)
    mentor_talk.children.set([world.child])
    _ago(mentor_talk, 100)
    return timezone.localdate(mentor_talk.occurred_at)


def test_the_briefing_card_answers_what_to_know_before_talking_to_the_parents(world, client_for):
    last_talk = _briefed_family(world)
    reasons = [row.reason for row in worst_rows(_health(world, world.users["staff"]))]
    card = _card(client_for("staff").get(world.family.get_absolute_url()).content.decode())

    assert 'class="badge health-' in card and "health-0" not in card
    assert reasons[0] in card
    assert "Folder over slapen meegeven" in card and "te laat" in card
    assert "Vraag" in card and "wacht al" in card
    assert "Zindelijkheid" in card
    due = last_talk + datetime.timedelta(days=182)
    assert "Noor:" in card and f"gesprek gepland rond {_nl_date(due)}" in card
    assert f"vorige {_nl_date(last_talk)}" in card
    assert "Somalisch" in card and "tolk nodig" in card
    gezag = card.split("Gezag</dt>", 1)[1]
    assert "Eva" in gezag and "Henk" not in gezag


def test_the_briefing_comes_first_then_the_timeline_then_the_long_sections(world, client_for):
    content = client_for("staff").get(world.family.get_absolute_url()).content.decode()
    order = [content.index(f'id="{section}"') for section in ("briefing", "timeline", "people", "network", "consents")]
    assert order == sorted(order)


def test_the_briefing_names_the_most_pressing_of_each_kind_and_links_to_the_rest(world, client_for):
    f.FollowUpFactory(contact=world.contact, description="Eerst bellen", due_on=TODAY - datetime.timedelta(days=2))
    f.FollowUpFactory(contact=world.contact, description="Later doen", due_on=TODAY + datetime.timedelta(days=20))
    first = f.ThreadFactory(family=world.family, caregiver=world.caregiver, waiting_since=timezone.now() - HOUR * 30)
    f.ThreadFactory(family=world.family, caregiver=world.caregiver, topic=Topic.CONVERSATION)
    for title, days in (("Wennen", 9), ("Eten", -1), ("Slapen", 4)):
        _agreed(world, title, days=days)
    card = _card(client_for("staff").get(world.family.get_absolute_url()).content.decode())
    assert "Eerst bellen" in card and world.follow_up.description not in card and "Later doen" not in card
    assert first.get_absolute_url() in card and "Vraag om een gesprek" not in card
    assert "Eten" in card and "Wennen" not in card and "Slapen" not in card
    assert 'aria-label="en nog 2 acties"' in card and 'href="#follow-ups"' in card
    assert 'aria-label="en nog 1 vraag"' in card and 'aria-label="en nog 2 afspraken"' in card


def test_the_briefing_leaves_out_what_is_closed_later_or_confidential(world, client_for):
    coordinator = world.users["coordinator"]
    confidential = f.ContactMomentFactory(family=world.family, author=coordinator, visibility=Visibility.CONFIDENTIAL)
    f.FollowUpFactory(
        contact=confidential,
        owner=coordinator,
        description="Vertrouwelijke actie",
        due_on=TODAY - datetime.timedelta(days=1),
    )
    _thread_not_waiting(world, State.ANSWERED)
    _agreed(world, "Over een maand", days=30)
    card = _card(client_for("staff").get(world.family.get_absolute_url()).content.decode())
    assert "Vertrouwelijke actie" not in card
    assert "Geen vraag wacht op antwoord." in card
    assert "Geen evaluatie op komst." in card and "Over een maand" not in card
    coordinators = client_for("coordinator").get(world.family.get_absolute_url()).content.decode()
    assert "Vertrouwelijke actie" in _card(coordinators)


def test_the_coordinator_sees_the_status_in_the_briefing_too(world, client_for):
    _low_feedback(world)
    card = _card(client_for("coordinator").get(world.family.get_absolute_url()).content.decode())
    assert 'class="badge health-' in card


def test_the_briefing_never_holds_health_for_a_parent(world):
    briefing = family_briefing(world.users["parent"], world.family, follow_ups=[], threads=[], agreements=[])
    assert briefing.health is None and briefing.reasons.items == []


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return captured.captured_queries


def test_the_family_page_runs_the_same_number_of_queries_as_contacts_threads_and_agreements_grow(world, client_for):
    client = client_for("staff")
    url = world.family.get_absolute_url()
    _briefed_family(world)
    few = len(_queries(client, url))
    for day in range(15):
        contact = f.ContactMomentFactory(family=world.family, author=world.users["staff"], kind=Kind.HOME_VISIT)
        contact.children.set([world.child])
        f.FollowUpFactory(contact=contact, due_on=TODAY - datetime.timedelta(days=day))
    for _ in range(6):
        f.ThreadFactory(family=world.family, caregiver=f.CaregiverFactory(family=world.family))
    for day in range(4):
        _agreed(world, f"Afspraak {day}", days=day - 2)
    for _ in range(3):
        f.PlacementFactory(child=f.ChildFactory(family=world.family, mentor=world.users["staff"]), group=world.group)
    assert len(_queries(client, url)) == few
