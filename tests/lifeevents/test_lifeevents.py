"""Life events (issue 17, success factors 7 and 25): noted with the parents' knowledge, dated, fading after
their kind's period or when staff end them; the kind shows on the briefing card, the staff home's card only a
marker; staff who see the family only, never parents; in the history, and erased with the family."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from families.briefing import staff_home_cards
from families.selectors import family_list_for
from lifeevents import selectors, services
from lifeevents.models import FADES_AFTER_DAYS, Kind, LifeEvent

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def _note(world, *, kind=Kind.MOVE, happened_on=None, description="Verhuisd naar een kleinere woning.", **extra):
    return services.life_event_note(
        family=world.family,
        kind=kind,
        description=description,
        happened_on=happened_on or timezone.localdate(),
        parents_know=extra.pop("parents_know", True),
        by=world.users["staff"],
        **extra,
    )


def test_a_life_event_fades_after_its_kinds_period(world):
    today = timezone.localdate()
    event = _note(world, kind=Kind.BEREAVEMENT, happened_on=today - datetime.timedelta(days=10))
    assert event.ends_on == today - datetime.timedelta(days=10) + datetime.timedelta(
        days=FADES_AFTER_DAYS[Kind.BEREAVEMENT]
    )
    assert selectors.active_life_events(world.family, today=event.ends_on) == [event]
    assert selectors.active_life_events(world.family, today=event.ends_on + datetime.timedelta(days=1)) == []


def test_a_life_event_is_noted_only_with_the_parents_knowledge(world):
    with pytest.raises(ValidationError):
        _note(world, parents_know=False)
    assert not LifeEvent.objects.exists()
    with pytest.raises(IntegrityError):
        LifeEvent.objects.create(
            family=world.family,
            kind=Kind.MOVE,
            description="x",
            happened_on=TODAY,
            ends_on=TODAY,
            parents_know=False,
            noted_by=world.users["staff"],
        )


def test_an_old_event_needs_an_end_after_today(world):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    with pytest.raises(ValidationError):
        _note(world, kind=Kind.MOVE, happened_on=long_ago)
    event = _note(
        world, kind=Kind.MOVE, happened_on=long_ago, ends_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    assert event.is_active(timezone.localdate())


@pytest.mark.parametrize("ends_in", [-1, 800])
def test_the_end_is_from_today_and_within_two_years(world, ends_in):
    with pytest.raises(ValidationError):
        _note(world, ends_on=timezone.localdate() + datetime.timedelta(days=ends_in))


def test_staff_end_a_life_event_now_and_it_is_kept(world):
    event = _note(world)
    services.life_event_end(event=event, by=world.users["coordinator"])
    assert selectors.active_life_events(world.family) == []
    event.refresh_from_db()
    assert event.ended_by == world.users["coordinator"]
    with pytest.raises(ValidationError):
        services.life_event_end(event=event, by=world.users["staff"])


def test_staff_set_until_when_it_shows(world):
    event = _note(world)
    later = timezone.localdate() + datetime.timedelta(days=20)
    services.life_event_set_end(event=event, ends_on=later)
    event.refresh_from_db()
    assert event.ends_on == later


def test_a_life_event_is_kept_in_the_history(world):
    event = _note(world)
    services.life_event_end(event=event, by=world.users["staff"])
    assert list(event.events.order_by("pgh_id").values_list("pgh_label", flat=True)) == ["insert", "update"]


def test_the_briefing_card_names_the_kind_and_folds_the_words(world, client_for):
    _note(world, kind=Kind.BABY, description="Een zusje geboren; weinig slaap thuis.")
    page = client_for("staff").get(reverse("families:detail", args=[world.family.pk])).content.decode()
    assert "Levensgebeurtenis: een nieuwe baby" in page
    assert "Een zusje geboren; weinig slaap thuis." in page


def test_the_staff_home_shows_only_a_marker(world, client_for):
    _note(world, kind=Kind.BEREAVEMENT, description="Opa is overleden.")
    cards = staff_home_cards(family_list_for(world.users["staff"]), world.users["staff"])
    assert [card.has_life_event for card in cards if card.pk == world.family.pk] == [True]
    page = client_for("staff").get(reverse("families:mine")).content.decode()
    assert "life-event-marker" in page
    assert "Opa is overleden." not in page
    assert "Overlijden" not in page


def test_a_faded_event_shows_nowhere_on_the_cards(world, client_for):
    event = _note(world, description="Verhuisd.")
    services.life_event_end(event=event, by=world.users["staff"])
    assert "life-event-marker" not in client_for("staff").get(reverse("families:mine")).content.decode()
    detail = client_for("staff").get(reverse("families:detail", args=[world.family.pk])).content.decode()
    assert "Levensgebeurtenis:" not in detail


def test_staff_note_a_life_event_through_the_form(world, client_for):
    client = client_for("staff")
    url = reverse("lifeevents:create", args=[world.family.pk])
    body = {"kind": "illness", "description": "Moeder is ziek.", "happened_on": timezone.localdate().isoformat()}
    assert client.post(url, body).status_code == 200  # without the parents' knowledge: the form again
    assert not LifeEvent.objects.exists()
    response = client.post(url, body | {"parents_know": "on"})
    assert response.status_code == 302
    event = LifeEvent.objects.get()
    assert (event.kind, event.noted_by) == ("illness", world.users["staff"])
    assert "Moeder is ziek." in client.get(reverse("lifeevents:list", args=[world.family.pk])).content.decode()


def test_staff_of_another_group_and_parents_cannot_read_them(world, client_for):
    event = _note(world)
    url = reverse("lifeevents:list", args=[world.family.pk])
    assert client_for("other_staff").get(url).status_code == 404
    assert client_for("parent").get(url).status_code == 403
    end = reverse("lifeevents:end", args=[world.family.pk, event.pk])
    assert client_for("other_staff").post(end).status_code == 404
    event.refresh_from_db()
    assert event.ended_at is None


def test_the_portal_never_shows_a_life_event(world, client_for):
    _note(world, description="Verhuisd naar Zwolle.")
    page = client_for("parent").get(reverse("portal:home")).content.decode()
    assert "Verhuisd naar Zwolle." not in page


def test_erasing_the_family_removes_its_life_events_and_their_history(world):
    from privacy.models import Reason
    from privacy.services import family_erase

    event = _note(world)
    family_erase(family=world.family, by=world.users["coordinator"], reason=Reason.REQUEST)
    assert not LifeEvent.objects.filter(pk=event.pk).exists()
    assert not LifeEvent.pgh_event_model.objects.filter(pgh_obj_id=event.pk).exists()
