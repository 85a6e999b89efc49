"""Issue 11, fault 8: posts that arrive together. A parent's monthly feedback (3 of 20 simultaneous posts were
stored) and a request for a conversation (a parent created 296 in 7 minutes): exactly one is stored, the others
get the form again with the reason, never a server error."""

import pytest
from django.urls import reverse

from portal.models import PartnershipFeedback
from tests.factories import feedback_answers
from tests.simultaneous import post_simultaneously, signed_in_clients, statuses
from threads.models import Thread, Topic

POSTS = 20


def _answers() -> dict:
    return {name: str(score) for name, score in feedback_answers().items()}


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_feedback_posts_store_exactly_one(world):
    body = {**_answers(), "remark": "Dubbel getikt"}

    answers = post_simultaneously(signed_in_clients(world.users["parent"], POSTS), reverse("portal:feedback"), body)

    assert statuses(answers) == [200] * (POSTS - 1) + [302]
    assert PartnershipFeedback.objects.filter(caregiver=world.caregiver).count() == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_requests_for_a_conversation_store_exactly_one(world):
    body = {"child": world.child.pk, "text": "Kunnen we bellen over het slapen?"}

    answers = post_simultaneously(signed_in_clients(world.users["parent"], POSTS), reverse("portal:ask"), body)

    assert statuses(answers) == [200] * (POSTS - 1) + [302]
    refused = next(answer for answer in answers if answer.status_code == 200).content.decode()
    assert "U heeft al om een gesprek gevraagd" in refused
    assert Thread.objects.filter(caregiver=world.caregiver, topic=Topic.CONVERSATION).count() == 1


@pytest.mark.django_db
def test_feedback_stored_between_the_pages_check_and_the_write_gives_the_form_with_the_reason(
    world, client_for, monkeypatch
):
    """The moment of the race, without threads: the view's check saw no feedback yet, the service finds one."""
    from portal import services

    services.feedback_give(caregiver=world.caregiver, answers=feedback_answers(relatie=3, competentie=3, autonomie=3))
    real_check, calls = services.feedback_allowed_from, []

    def the_page_checked_too_early(caregiver, **kwargs):
        calls.append(caregiver)
        return None if len(calls) == 1 else real_check(caregiver, **kwargs)

    monkeypatch.setattr(services, "feedback_allowed_from", the_page_checked_too_early)
    body = _answers()

    response = client_for("parent").post(reverse("portal:feedback"), body)

    assert response.status_code == 200
    assert "U heeft ons deze maand al verteld hoe het gaat" in response.content.decode()
    assert PartnershipFeedback.objects.filter(caregiver=world.caregiver).count() == 1
