"""Support around the parent: a request for a conversation can name who the parent brings, and the invitation
to a conversation says on both sides that the parent may bring someone."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from families.models import NetworkMember
from threads import services
from threads.models import Thread, Topic

pytestmark = pytest.mark.django_db


def test_the_ask_page_says_the_parent_may_bring_someone(world, client_for):
    client = client_for("parent")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("portal:ask")).content.decode()
    assert "You may always bring someone to the conversation" in page and 'name="brings"' in page


def test_a_request_names_who_the_parent_brings_and_staff_read_it(world, client_for):
    client = client_for("parent")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = {"child": world.child.pk, "text": "Over het slapen", "brings": "Mijn buddy Kim"}
    sent = client.post(reverse("portal:ask"), body, follow=True).content.decode()
    assert "You may always bring someone to the conversation" in sent
    thread = Thread.objects.get(topic=Topic.CONVERSATION)
    assert thread.brings == "Mijn buddy Kim"
    staff_page = client_for("staff").get(thread.get_absolute_url()).content.decode()
    assert "Mijn buddy Kim" in staff_page and "mag meenemen" in staff_page


@pytest.mark.parametrize("brings", ["x" * 201, "nul\x00"])
def test_an_odd_or_too_long_name_is_refused(world, brings):
    with pytest.raises(ValidationError):
        services.conversation_request(
            caregiver=world.caregiver, by=world.users["parent"], child=world.child, text="Hallo", brings=brings
        )
    assert not Thread.objects.filter(topic=Topic.CONVERSATION).exists()


def test_the_network_knows_the_supporters_of_the_parent(world, client_for):
    url = reverse("families:network_add", args=[world.family.pk])
    client_for("staff").post(url, {"name": "Kim de Boer", "role": "experience_expert"})
    assert NetworkMember.objects.get(name="Kim de Boer").get_role_display() == "Ervaringsdeskundige"
