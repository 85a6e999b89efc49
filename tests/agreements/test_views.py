"""Agreements through the staff pages: draft, propose, change, stale forms, record agreed, evaluate."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement, Status
from contacts.choices import Kind
from contacts.models import ContactMoment

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {
        "title": "Eten op de groep",
        "goal": "Noor eet mee aan tafel.",
        "agreed_points": "Kleine porties helpen.",
        "evaluation_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    data.update(overrides)
    return data


def test_staff_draft_and_propose_an_agreement(world, client_for):
    client = client_for("staff")
    response = client.post(reverse("agreements:create", args=[world.family.pk]), _data())
    agreement = Agreement.objects.get(title="Eten op de groep")
    assert response["Location"] == agreement.get_absolute_url() and agreement.status == Status.DRAFT
    client.post(reverse("agreements:propose", args=[world.family.pk, agreement.pk]), {"lock_version": "1"})
    agreement.refresh_from_db()
    assert agreement.status == Status.PROPOSED and agreement.current.proposed_at


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"goal": ""}, "Dit veld is verplicht"),
        ({"evaluation_on": "2001-01-01"}, "De evaluatie kan niet in het verleden liggen"),
        ({"title": "x" * 500}, "niet meer dan 120 tekens"),
        ({"child": "999999"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_agreement_input_gets_a_clear_message_and_saves_nothing(world, client_for, overrides, message):
    before = Agreement.objects.count()
    response = client_for("staff").post(reverse("agreements:create", args=[world.family.pk]), _data(**overrides))
    assert response.status_code == 200 and message in response.content.decode()
    assert Agreement.objects.count() == before


def test_a_second_edit_from_a_stale_form_is_refused_with_the_current_version(world, client_for):
    url = reverse("agreements:edit", args=[world.family.pk, world.agreement.pk])
    opened = world.agreement.lock_version
    assert client_for("staff").post(url, _data(lock_version=opened, goal="Eerste"))["Location"]
    response = client_for("coordinator").post(url, _data(lock_version=opened, goal="Tweede"))
    assert response.status_code == 409
    content = response.content.decode()
    assert "Iemand anders heeft deze afspraak gewijzigd" in content and "Eerste" in content
    world.agreement.refresh_from_db()
    assert world.agreement.current.goal == "Eerste" and world.agreement.current.number == 2


def test_staff_record_that_the_parents_agreed_in_a_conversation(world, client_for):
    conversation = ContactMoment.objects.create(
        family=world.family,
        author=world.users["staff"],
        kind=Kind.PARENT_CONVERSATION,
        tone="positive",
        occurred_at=timezone.now() - datetime.timedelta(hours=3),
    )
    client_for("staff").post(
        reverse("agreements:record_agreed", args=[world.family.pk, world.agreement.pk]),
        {"caregivers": [world.caregiver.pk], "contact": conversation.pk, "version": world.agreement.current_id},
    )
    world.agreement.refresh_from_db()
    assert world.agreement.status == Status.AGREED


def test_an_evaluation_to_adjust_leads_to_the_change_form(world, client_for):
    response = client_for("staff").post(
        reverse("agreements:evaluate", args=[world.family.pk, world.agreement.pk]),
        {
            "occurred_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "caregivers": [world.caregiver.pk],
            "tone": "neutral",
            "summary": "Het slapen gaat beter, het ritueel wordt korter.",
            "visibility": "internal",
            "outcome": "adjust",
            "next_evaluation_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response["Location"] == reverse("agreements:edit", args=[world.family.pk, world.agreement.pk])
    assert ContactMoment.objects.filter(kind=Kind.EVALUATION, evaluation__agreement=world.agreement).exists()


def test_the_family_page_lists_the_agreements_and_other_staff_get_404(world, client_for):
    assert world.agreement.title in client_for("staff").get(world.family.get_absolute_url()).content.decode()
    assert client_for("other_staff").get(world.agreement.get_absolute_url()).status_code == 404
