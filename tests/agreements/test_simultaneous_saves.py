"""Issue 11, fault 7: of 20 simultaneous saves of one agreement, 2 answered 500 (the new version's number was
taken before the lock check). Now: one wins, the others are told of the conflict."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement, AgreementVersion, Status
from tests.simultaneous import post_simultaneously, signed_in_clients, statuses

SAVES = 20


def _body(agreement, **overrides):
    evaluation_on = timezone.localdate() + datetime.timedelta(days=30)
    return {
        "title": "Slapen op de groep",
        "goal": "Noor slaapt 's middags rustig.",
        "evaluation_on": evaluation_on.isoformat(),
        "lock_version": agreement.lock_version,
    } | overrides


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("status", [Status.PROPOSED, Status.DRAFT])
def test_twenty_simultaneous_saves_of_one_agreement_one_wins_the_others_get_409(world, status):
    agreement = world.agreement
    if status == Status.DRAFT:
        Agreement.objects.filter(pk=agreement.pk).update(status=Status.DRAFT)
        agreement.refresh_from_db()
    opened = agreement.lock_version
    versions = AgreementVersion.objects.filter(agreement=agreement).count()
    url = reverse("agreements:edit", args=[world.family.pk, agreement.pk])

    answers = post_simultaneously(
        signed_in_clients(world.users["staff"], SAVES), url, _body(agreement, goal="Ieder zijn eigen doel.")
    )

    assert statuses(answers) == [302] + [409] * (SAVES - 1)
    refused = next(answer for answer in answers if answer.status_code == 409).content.decode()
    assert "Iemand anders heeft deze afspraak gewijzigd" in refused
    agreement.refresh_from_db()
    assert agreement.lock_version == opened + 1
    new_versions = 1 if status == Status.PROPOSED else 0  # a draft is changed in place
    assert AgreementVersion.objects.filter(agreement=agreement).count() == versions + new_versions
