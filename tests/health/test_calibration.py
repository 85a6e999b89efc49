"""Calm, calibrated health (issue 13): paperwork counts from the organisation's go-live date, one low feedback
score is attention and only a repeated or shared one needs action, every placed child has a mentor, and no
page, CSV or README calls a status by a word of Meldcode practice."""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from contacts.models import ContactMoment
from families.models import Family
from health.computation import families_with_health
from health.models import Level, Signal
from health.reasons import explain
from portal.models import PartnershipFeedback
from tests import factories as f

pytestmark = pytest.mark.django_db
README = Path(__file__).resolve().parents[2] / "README.md"


def _family(world, today=None):
    return families_with_health(Family.objects.filter(pk=world.family.pk), today=today)[0]


def _reason(family, signal, today=None):
    return next(row for row in explain(family, today=today) if row.signal == signal)


def _go_live(world, day):
    world.organisation.go_live = day
    world.organisation.save()


def _placed_days_before(world, days, day):
    world.placement.start_date = day - datetime.timedelta(days=days)
    world.placement.save()


# Paperwork from the go-live date.


def test_a_family_placed_548_days_before_go_live_without_an_intake_is_not_overdue_on_go_live_day(world):
    go_live = timezone.localdate()
    world.family.intakes.all().delete()
    _placed_days_before(world, 548, go_live)
    assert _family(world).level_intake == Level.ACTION_NEEDED  # without a go-live date: 548 days late
    _go_live(world, go_live)
    family = _family(world, today=go_live)
    assert family.level_intake == Level.GOOD and family.health == Level.GOOD


@pytest.mark.parametrize("days_after_go_live, level", [(0, 0), (13, 0), (15, 1), (43, 2)])
def test_the_intake_counts_from_the_go_live_date_when_the_family_came_earlier(world, days_after_go_live, level):
    go_live = timezone.localdate() - datetime.timedelta(days=days_after_go_live)
    world.family.intakes.all().delete()
    _placed_days_before(world, 548, go_live)
    _go_live(world, go_live)
    family = _family(world)
    assert family.level_intake == level
    reason = _reason(family, Signal.INTAKE).reason
    assert "voordat de organisatie deze app ging gebruiken" in reason, reason
    assert f"{days_after_go_live} dag" in reason


def test_the_intake_counts_from_the_first_day_when_the_family_came_after_go_live(world):
    _go_live(world, timezone.localdate() - datetime.timedelta(days=400))
    world.family.intakes.all().delete()
    _placed_days_before(world, 20, timezone.localdate())
    family = _family(world)
    assert family.level_intake == Level.ATTENTION
    assert _reason(family, Signal.INTAKE).reason == "Nog geen intake; het gezin is 20 dagen bij ons."


def test_no_contact_at_all_counts_from_the_go_live_date_too(world):
    ContactMoment.objects.filter(family=world.family).delete()
    _placed_days_before(world, 300, timezone.localdate())
    assert _family(world).level_contact == Level.ACTION_NEEDED
    _go_live(world, timezone.localdate() - datetime.timedelta(days=5))
    family = _family(world)
    assert family.level_contact == Level.GOOD
    assert "sinds de organisatie deze app ging gebruiken" in _reason(family, Signal.CONTACT).reason


# The parents' own view, calibrated.


def _caregiver(world, first_name, *, authority=True):
    return f.CaregiverFactory(
        family=world.family, first_name=first_name, last_name="Jansen", has_parental_authority=authority
    )


def _answer(world, caregiver, days_ago, *, relatie=5, competentie=5, autonomie=5):
    answer = PartnershipFeedback.objects.create(
        family=world.family, caregiver=caregiver, relatie=relatie, competentie=competentie, autonomie=autonomie
    )
    PartnershipFeedback.objects.filter(pk=answer.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return answer


def test_a_single_low_score_from_one_parent_is_attention_and_names_the_dimension_and_the_parent(world):
    _answer(world, world.caregiver, 3, relatie=2, competentie=4)
    family = _family(world)
    assert family.level_feedback == Level.ATTENTION
    reason = _reason(family, Signal.FEEDBACK)
    assert world.caregiver.first_name in reason.reason and "relatie 2" in reason.reason
    assert "competentie" not in reason.reason and "autonomie" not in reason.reason
    assert reason.url == reverse("contacts:create", args=[world.family.pk, "parent_conversation"])


def test_a_repeated_low_score_of_one_parent_needs_action(world):
    _answer(world, world.caregiver, 40, autonomie=1)
    _answer(world, world.caregiver, 3, competentie=2)
    family = _family(world)
    assert family.level_feedback == Level.ACTION_NEEDED
    reason = _reason(family, Signal.FEEDBACK).reason
    assert "competentie 2" in reason and "ook laag in het antwoord daarvoor" in reason


def test_a_low_score_followed_by_a_good_one_or_before_the_period_is_not_repeated(world):
    _answer(world, world.caregiver, 200, relatie=1)  # outside the 180 days
    _answer(world, world.caregiver, 3, relatie=2)
    assert _family(world).level_feedback == Level.ATTENTION
    _answer(world, world.caregiver, 1, relatie=4)
    assert _family(world).level_feedback == Level.GOOD


def test_only_the_two_latest_answers_make_a_repeat(world):
    _answer(world, world.caregiver, 60, relatie=1)
    _answer(world, world.caregiver, 30, relatie=4)
    _answer(world, world.caregiver, 3, relatie=2)
    assert _family(world).level_feedback == Level.ATTENTION


def test_a_low_score_shared_by_two_parents_needs_action_and_names_both(world):
    thomas = _caregiver(world, "Thomas")
    _answer(world, world.caregiver, 10, relatie=2)
    assert _family(world).level_feedback == Level.ATTENTION
    _answer(world, thomas, 5, autonomie=1, competentie=2)
    family = _family(world)
    assert family.level_feedback == Level.ACTION_NEEDED
    reason = _reason(family, Signal.FEEDBACK).reason
    assert "relatie 2" in reason and "Thomas Jansen: competentie 2, autonomie 1 van 5" in reason
    assert world.caregiver.first_name in reason


def test_a_caregiver_without_gezag_does_not_make_a_low_score_shared(world):
    opa = _caregiver(world, "Henk", authority=False)
    _answer(world, opa, 2, relatie=1)
    _answer(world, world.caregiver, 5, relatie=2)
    family = _family(world)
    assert family.level_feedback == Level.ATTENTION
    assert "Henk" not in _reason(family, Signal.FEEDBACK).reason


def test_good_feedback_says_so(world):
    _answer(world, world.caregiver, 5, relatie=3, competentie=4)
    family = _family(world)
    assert family.level_feedback == Level.GOOD
    assert _reason(family, Signal.FEEDBACK).reason == (
        "Geen score van 2 of lager in de laatste feedback van de ouders (van 5)."
    )


# Mentor.


def test_a_placed_child_without_a_mentor_is_attention_with_a_link_to_the_child(world):
    assert _family(world).level_mentor == Level.GOOD
    world.child.mentor = None
    world.child.save()
    family = _family(world)
    assert family.level_mentor == Level.ATTENTION and family.health == Level.ATTENTION
    reason = _reason(family, Signal.MENTOR)
    assert reason.reason == f"{world.child.first_name} heeft geen mentor."
    assert reason.url == reverse("families:child_edit", args=[world.family.pk, world.child.pk])


def test_only_children_placed_today_need_a_mentor(world):
    today = timezone.localdate()
    left = f.ChildFactory(family=world.family, first_name="Bram")
    f.PlacementFactory(child=left, group=world.group, start_date=today - datetime.timedelta(days=300),
                       end_date=today - datetime.timedelta(days=1))  # fmt: skip
    coming = f.ChildFactory(family=world.family, first_name="Lotte")
    f.PlacementFactory(child=coming, group=world.group, start_date=today + datetime.timedelta(days=10))
    assert _family(world).level_mentor == Level.GOOD
    second = f.ChildFactory(family=world.family, first_name="Sam")
    f.PlacementFactory(child=second, group=world.group)
    world.child.mentor = None
    world.child.save()
    reason = _reason(_family(world), Signal.MENTOR).reason
    assert reason.startswith("2 kinderen hebben geen mentor: ") and "Sam" in reason and "Noor" in reason


# Words.

MELDCODE_WORD = re.compile(r"\bzorg\b", re.IGNORECASE)


def _action_needed(world):
    ContactMoment.objects.filter(family=world.family).update(occurred_at=timezone.now() - datetime.timedelta(days=60))
    assert _family(world).health == Level.ACTION_NEEDED


def test_no_page_csv_or_readme_calls_a_status_zorg(world, client_for):
    _action_needed(world)
    client = client_for("coordinator")
    dashboard = client.get(reverse("health:dashboard")).content.decode()
    page = client.get(reverse("health:family", args=[world.family.pk])).content.decode()
    export = client.get(reverse("health:export")).content.decode("utf-8-sig")
    assert "Actie nodig" in dashboard and "Actie nodig" in page
    rows = list(csv.reader(io.StringIO(export), delimiter=";"))
    assert rows[1][1] == "Actie nodig"
    for text in (dashboard, page, export, README.read_text(encoding="utf-8")):
        assert not MELDCODE_WORD.search(text), MELDCODE_WORD.search(text)
        assert "zorgelijk" not in text.lower()


def test_the_status_labels_are_advice(settings):
    assert [str(label) for label in Level.labels] == ["Goed", "Aandacht", "Actie nodig"]
