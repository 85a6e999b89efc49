"""A parent cannot flood the mentor with requests for a conversation (issue 11, fault 8: 296 in 7 minutes): one
request waits for an answer at a time, and a few a day at most; the portal says why in plain Dutch. The rule is
in threads.services (a request for a conversation is a thread that staff answer)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from tests import factories as f
from threads import services
from threads.models import Thread, Topic

pytestmark = pytest.mark.django_db


def _ask(world, text="Kunnen we even praten?", caregiver=None, by=None):
    return services.conversation_request(
        caregiver=caregiver or world.caregiver, by=by or world.users["parent"], child=None, text=text
    )


def _answer(world, thread):
    services.thread_reply(thread=thread, by=world.users["staff"], text="Ik bel u morgen.")


def _requests(caregiver):
    return Thread.objects.filter(caregiver=caregiver, topic=Topic.CONVERSATION)


def test_a_second_request_while_the_first_waits_is_refused_with_a_clear_message(world, client_for):
    _ask(world)
    response = client_for("parent").post(reverse("portal:ask"), {"text": "Nog een vraag"})
    assert response.status_code == 200
    assert "U heeft al om een gesprek gevraagd. We hebben nog niet geantwoord" in response.content.decode()
    assert _requests(world.caregiver).count() == 1


def test_once_the_request_is_answered_the_parent_may_ask_again(world):
    _answer(world, _ask(world))
    _ask(world, "Een nieuwe vraag")
    assert _requests(world.caregiver).count() == 2


def test_at_most_three_requests_a_day_even_when_each_was_answered(world, client_for, settings):
    assert settings.PORTAL_CONVERSATION_REQUESTS_PER_DAY == 3
    for _ in range(3):
        _answer(world, _ask(world))
    response = client_for("parent").post(reverse("portal:ask"), {"text": "De vierde vandaag"})
    assert "U heeft vandaag al een paar keer om een gesprek gevraagd" in response.content.decode()
    assert _requests(world.caregiver).count() == 3


def test_yesterdays_requests_do_not_count_towards_today(world):
    for _ in range(3):
        _answer(world, _ask(world))
    _requests(world.caregiver).update(created_at=timezone.now() - datetime.timedelta(days=1))
    _ask(world, "Vandaag de eerste")


def test_the_limit_is_per_caregiver(world):
    _ask(world)
    user = f.UserFactory(username="tweede_ouder", role=Role.PARENT, organisation=world.organisation)
    other = f.CaregiverFactory(family=world.family, first_name="Tweede", user=user)
    _ask(world, "Ook een vraag", caregiver=other, by=user)
    with pytest.raises(ValidationError):
        _ask(world)
