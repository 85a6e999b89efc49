"""Time as a choice (issue 17, success factor 6): the family's staff give a signal time with a reason and a
day to look again. Until that day the signal does not count toward the status, wherever the status shows; on
that day it counts again and the one who gave the time is reminded. It can be ended early, and the
coordinators see how often and why time is given, per location."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from contacts.models import ContactMoment
from families.models import Family
from health import services
from health.computation import SIGNALS, families_with_health, health_rows
from health.models import Acknowledgement, Kind, Level
from health.reminders import reminders_for
from health.time_given import time_given_report
from reports.selectors import default_period, report_scope
from tests import factories as f

pytestmark = pytest.mark.django_db


def _quiet(world, days=50):
    """No contact for `days`: the contact signal needs action."""
    ContactMoment.objects.filter(family=world.family).update(occurred_at=timezone.now() - datetime.timedelta(days=days))


def _health(world, today=None):
    return families_with_health(Family.objects.filter(pk=world.family.pk), today=today)[0]


def _give(world, *, days=30, by="staff", reason="Moeder heeft slechte ervaringen; we bouwen eerst vertrouwen op."):
    family = _health(world)
    return services.signal_give_time(
        family=world.family,
        signal="contact",
        level=family.level_contact,
        reason=reason,
        look_again_on=timezone.localdate() + datetime.timedelta(days=days),
        by=world.users[by],
    )


def test_a_held_signal_does_not_make_the_family_need_action(world):
    _quiet(world)
    before = _health(world)
    assert before.level_contact == Level.ACTION_NEEDED
    assert before.health == Level.ACTION_NEEDED
    _give(world)
    after = _health(world)
    assert after.level_contact == Level.ACTION_NEEDED  # the signal itself is still what it is
    assert after.seen_contact
    assert after.time_contact == timezone.localdate() + datetime.timedelta(days=30)
    # The other signals decide the status now: none of them needs action (the family is otherwise in order).
    assert after.health == max(getattr(after, f"level_{s}") for s in SIGNALS if s != "contact")
    assert after.health != Level.ACTION_NEEDED


def test_the_held_signal_is_left_out_of_the_dashboard_counts_and_filter(world):
    _quiet(world)
    _give(world)
    rows = health_rows(Family.objects.filter(pk=world.family.pk), viewer=world.users["coordinator"])
    assert rows[0]["signal_contact"] == 0
    assert health_rows(Family.objects.filter(pk=world.family.pk), signal="contact") == []


def test_on_the_look_again_day_the_signal_counts_again(world):
    _quiet(world)
    _give(world, days=10)
    look_again = timezone.localdate() + datetime.timedelta(days=10)
    assert _health(world, today=look_again - datetime.timedelta(days=1)).seen_contact
    on_the_day = _health(world, today=look_again)
    assert not on_the_day.seen_contact
    assert on_the_day.time_contact is None
    assert on_the_day.health == Level.ACTION_NEEDED


def test_time_given_holds_even_when_the_signal_gets_worse(world):
    _quiet(world, days=25)
    assert _health(world).level_contact == Level.ATTENTION
    _give(world)
    _quiet(world, days=60)
    assert _health(world).seen_contact


def test_the_one_who_gave_time_is_reminded_on_the_look_again_day(world):
    _quiet(world)
    ack = _give(world, days=5)
    day = ack.look_again_on
    assert not [
        r for r in reminders_for(world.users["staff"], today=day - datetime.timedelta(days=1)) if r.kind == "look_again"
    ]
    due = [r for r in reminders_for(world.users["staff"], today=day) if r.kind == "look_again"]
    assert len(due) == 1
    assert world.family.name in due[0].text
    assert world.family.name not in due[0].digest  # the e-mail digest names first names only
    assert due[0].url == reverse("health:family", args=[world.family.pk])
    assert not [r for r in reminders_for(world.users["coordinator"], today=day) if r.kind == "look_again"]


def test_the_reminder_goes_once_the_signal_is_answered_again(world):
    _quiet(world)
    ack = _give(world, days=5)
    Acknowledgement.objects.create(
        family=world.family, signal="contact", level=2, note="Gezien.", by=world.users["coordinator"]
    )
    assert not [r for r in reminders_for(world.users["staff"], today=ack.look_again_on) if r.kind == "look_again"]


def test_ending_time_given_early_makes_the_signal_count_again(world):
    _quiet(world)
    ack = _give(world)
    services.acknowledgement_withdraw(acknowledgement=ack, by=world.users["staff"])
    assert _health(world).health == Level.ACTION_NEEDED
    with pytest.raises(ValidationError):
        services.acknowledgement_withdraw(acknowledgement=ack, by=world.users["staff"])


@pytest.mark.parametrize(
    ("days", "reason"),
    [(0, "Een reden."), (-3, "Een reden."), (200, "Een reden."), (30, "   ")],
)
def test_time_needs_a_reason_and_a_day_within_six_months(world, days, reason):
    _quiet(world)
    with pytest.raises(ValidationError):
        _give(world, days=days, reason=reason)
    assert not Acknowledgement.objects.exists()


def test_a_good_signal_cannot_be_given_time(world):
    with pytest.raises(ValidationError):
        services.signal_give_time(
            family=world.family,
            signal="contact",
            level=0,
            reason="Een reden.",
            look_again_on=timezone.localdate() + datetime.timedelta(days=7),
            by=world.users["staff"],
        )


def test_time_is_given_once_per_signal_at_a_time(world):
    _quiet(world)
    _give(world)
    with pytest.raises(ValidationError):
        _give(world, days=60)


def test_time_given_is_kept_in_the_history(world):
    _quiet(world)
    ack = _give(world)
    assert ack.events.filter(pgh_label="insert", kind=Kind.TIME).exists()


def test_staff_give_time_from_the_family_page_and_see_it_held(world, client_for):
    _quiet(world)
    client = client_for("staff")
    look_again = timezone.localdate() + datetime.timedelta(days=21)
    response = client.post(
        reverse("health:give_time", args=[world.family.pk]),
        {"signal": "contact", "reason": "Vader wil eerst rustig wennen.", "look_again_on": look_again.isoformat()},
    )
    assert response.status_code == 302
    page = client.get(reverse("health:family", args=[world.family.pk])).content.decode()
    assert "tijd gegeven, bewust" in page
    assert "Vader wil eerst rustig wennen." in page
    assert Acknowledgement.objects.get().by == world.users["staff"]


def test_other_staff_cannot_give_time_to_a_family_they_do_not_see(world, client_for):
    _quiet(world)
    response = client_for("other_staff").post(
        reverse("health:give_time", args=[world.family.pk]),
        {"signal": "contact", "reason": "Ingeslopen.", "look_again_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 404
    assert not Acknowledgement.objects.exists()


def test_staff_cannot_end_a_coordinators_seen_mark_through_the_time_url(world, client_for):
    seen = Acknowledgement.objects.create(
        family=world.family, signal="contact", level=1, note="Gezien.", by=world.users["coordinator"]
    )
    response = client_for("staff").post(reverse("health:time_end", args=[world.family.pk, seen.pk]))
    assert response.status_code == 404
    seen.refresh_from_db()
    assert seen.withdrawn_at is None


def test_the_coordinator_sees_how_often_and_why_per_location(world):
    _quiet(world)
    _give(world, reason="Vertrouwen kost tijd.")
    other_child_family = f.FamilyFactory(organisation=world.organisation, name="Familie Ver")
    child = f.ChildFactory(family=other_child_family, mentor=world.users["far_staff"])
    f.PlacementFactory(child=child, group=world.far_group)
    Acknowledgement.objects.create(
        family=other_child_family,
        signal="intake",
        kind=Kind.TIME,
        level=1,
        note="Elders.",
        look_again_on=timezone.localdate() + datetime.timedelta(days=5),
        by=world.users["far_staff"],
    )
    first, last = default_period()
    report = time_given_report(report_scope(world.users["coordinator"], first=first, last=last))
    assert [row.location for row in report] == [world.location]  # the coordinator's location only
    [row] = report
    assert [(c.signal, c.given, c.held) for c in row.signals] == [("contact", 1, 1)]
    assert [entry.reason for entry in row.entries] == ["Vertrouwen kost tijd."]
    admin_report = time_given_report(report_scope(world.users["admin"], first=first, last=last))
    assert {row.location.name: [c.signal for c in row.signals] for row in admin_report} == {
        "Locatie A": ["contact"],
        "Locatie B": ["intake"],
    }


def test_the_time_given_page_is_for_leads(world, client_for):
    _quiet(world)
    _give(world, reason="Vertrouwen kost tijd.")
    page = client_for("coordinator").get(reverse("health:time_given")).content.decode()
    assert "Vertrouwen kost tijd." in page
    assert client_for("staff").get(reverse("health:time_given")).status_code == 403
