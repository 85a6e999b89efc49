"""A login with a username longer than any account's (found by tests/test_fuzz_forms.py): the form says it is
too long; it answered 500 because django-axes could not store the failed attempt."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("length", [151, 100_000])
def test_a_username_longer_than_the_field_gets_a_message_not_a_server_error(client, length):
    response = client.post(reverse("accounts:login"), {"username": "x" * length, "password": "wat-dan-ook"})
    assert response.status_code == 200
    assert "Zorg dat deze waarde niet meer dan 150 tekens bevat" in response.content.decode()
    assert not AccessAttempt.objects.exists()
