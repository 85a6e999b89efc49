"""Parents writing at the same moment (two parents of one family, a double tap): one conversation per agreement,
every message kept, never a server error."""

import pytest
from django.urls import reverse

from tests import factories as f
from tests.simultaneous import post_simultaneously, signed_in_clients, statuses
from threads.models import Message, Thread


@pytest.mark.django_db(transaction=True)
def test_two_parents_reacting_at_once_on_one_agreement_share_one_thread(world):
    account = f.UserFactory(role="parent", organisation=world.organisation)
    f.CaregiverFactory(family=world.family, first_name="Sam", user=account)
    clients = signed_in_clients(world.users["parent"], 4) + signed_in_clients(account, 4)

    answers = post_simultaneously(clients, reverse("portal:react", args=[world.agreement.pk]), {"text": "Tegelijk"})

    assert statuses(answers) == [302] * 8
    assert Thread.objects.filter(agreement=world.agreement).count() == 1
    assert Message.objects.filter(thread__agreement=world.agreement).count() == 8
