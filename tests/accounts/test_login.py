import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

UNKNOWN = "Deze gebruikersnaam en dit wachtwoord passen niet bij elkaar"


def test_login_page_is_dutch_by_default(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()
    assert "Inloggen" in response.content.decode()


def test_login_page_in_english_when_chosen(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    response = client.get(reverse("accounts:login"))
    assert '<html lang="en">' in response.content.decode()
    assert "Forgot your password?" in response.content.decode()


@pytest.mark.parametrize(
    "role, home",
    [("staff", "/families/"), ("coordinator", "/organisation/"), ("admin", "/organisation/"), ("parent", "/portal/")],
)
def test_each_role_lands_on_its_home_page_after_login(role, home, client, world):
    response = client.post(reverse("accounts:login"), {"username": role, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == home
    assert response.status_code == 200


def test_wrong_password_gives_a_clear_message_and_no_session(client, world):
    response = client.post(reverse("accounts:login"), {"username": "staff", "password": "wrong"})
    assert response.status_code == 200
    assert UNKNOWN in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_user_gets_the_same_message_as_a_wrong_password(client, world):
    response = client.post(reverse("accounts:login"), {"username": "nobody", "password": "whatever"})
    assert UNKNOWN in response.content.decode()


def test_inactive_account_cannot_log_in(client, world):
    world.users["staff"].is_active = False
    world.users["staff"].save()
    response = client.post(reverse("accounts:login"), {"username": "staff", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_login_ignores_an_external_next_url(client, world):
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": "staff", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_logout_ends_the_session(client, world):
    client.force_login(world.users["staff"])
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("families:mine")).status_code == 302


def test_password_reset_sends_a_working_link_that_works_once(client, world):
    user = world.users["parent"]
    user.email = "eva@example.nl"
    user.save()
    response = client.post(reverse("accounts:password_reset"), {"email": "eva@example.nl"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert "Kies een nieuw wachtwoord" in mail.outbox[0].subject
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Kies een nieuw wachtwoord" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "een-nieuw-Wachtwoord-9", "new_password2": "een-nieuw-Wachtwoord-9"})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert client.login(username="parent", password="een-nieuw-Wachtwoord-9")
    client.logout()
    reused = client.get(link, follow=True)
    assert "Deze link werkt niet meer" in reused.content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, world):
    response = client.post(reverse("accounts:password_reset"), {"email": "unknown@example.nl"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_expired_reset_link_gives_a_clear_page(client, world):
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "abc-expired"]))
    assert "Deze link werkt niet meer" in response.content.decode()


def test_password_change_rejects_a_weak_password_with_a_message(client, world):
    client.force_login(world.users["staff"])
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"},
    )
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()


def test_password_change_keeps_the_user_signed_in(client, world):
    client.force_login(world.users["staff"])
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "Lang-en-sterk-2026", "new_password2": "Lang-en-sterk-2026"},
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    assert client.get(reverse("families:mine")).status_code == 200
