"""Sessions (issue 11, fault 9): the absolute lifetime, re-authentication before a security change, deactivation
that ends every session, and the shared device that locks and folds what is sensitive."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import services, sessions
from accounts.selectors import unlock_pin
from portal import services as portal_services
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

MINE = reverse("families:mine")
UNLOCK = reverse("accounts:unlock")


def shift(client, key, seconds):
    """Move one of the session's clocks back, as if that much time had passed."""
    session = client.session
    session[key] -= seconds
    session.save()


def log_in(client, username="staff", *, shared=False):
    data = {"username": username, "password": PASSWORD}
    if shared:
        data["shared_device"] = "on"
    response = client.post(reverse("accounts:login"), data)
    assert response.status_code == 302
    return response


# --- Absolute lifetime -------------------------------------------------------------------------------------


def test_a_busy_session_still_ends_after_the_absolute_lifetime(client, world, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60
    log_in(client)
    assert client.get(MINE).status_code == 200
    shift(client, sessions.LOGIN_AT, 12 * 60 * 60 - 60)
    assert client.get(MINE).status_code == 200
    shift(client, sessions.LOGIN_AT, 120)
    response = client.get(MINE)
    assert response["Location"] == f"{reverse('accounts:login')}?next=/families/"
    assert "_auth_user_id" not in client.session


def test_a_session_from_before_the_rule_ends(client, world):
    client.force_login(world.users["staff"])
    session = client.session
    del session[sessions.LOGIN_AT]
    session.save()
    assert client.get(MINE).status_code == 302


# --- Re-authentication -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["accounts:password_change", "accounts:email_change", "accounts:pin"])
def test_a_security_change_asks_for_the_password_again_after_five_minutes(url_name, client, world):
    url = reverse(url_name)
    log_in(client)
    assert client.get(url).status_code == 200
    shift(client, sessions.AUTH_AT, 6 * 60)
    response = client.get(url)
    confirm = reverse("accounts:confirm_password")
    assert response["Location"].startswith(confirm)
    wrong = client.post(response["Location"], {"password": "not-my-password", "next": url})
    assert "is-invalid" in wrong.content.decode()
    right = client.post(response["Location"], {"password": PASSWORD, "next": url})
    assert right["Location"] == url
    assert client.get(url).status_code == 200


def test_a_button_behind_re_authentication_goes_back_to_the_account_page(client, world):
    log_in(client)
    shift(client, sessions.AUTH_AT, 6 * 60)
    response = client.post(reverse("accounts:recovery_codes_new"))
    assert response["Location"] == f"{reverse('accounts:confirm_password')}?next=%2Faccounts%2Fme%2F"


def test_the_confirmation_ignores_an_outside_next(client, world):
    log_in(client)
    response = client.post(
        reverse("accounts:confirm_password"), {"password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("accounts:account")


def test_the_email_address_is_changed_after_re_authentication(client, world):
    log_in(client)
    client.post(reverse("accounts:email_change"), {"email": "sanne.nieuw@example.nl"})
    world.users["staff"].refresh_from_db()
    assert world.users["staff"].email == "sanne.nieuw@example.nl"


# --- Deactivation ------------------------------------------------------------------------------------------


def test_deactivating_a_user_ends_all_their_sessions(client, world, django_user_model):
    from django.test import Client

    staff = world.users["staff"]
    tablet, laptop = Client(), Client()
    tablet.force_login(staff)
    laptop.force_login(staff)
    client.force_login(world.users["coordinator"])
    assert tablet.get(MINE).status_code == 200
    services.user_deactivate(user=staff, by=world.users["admin"])
    remaining = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(staff.pk) not in remaining
    assert str(world.users["coordinator"].pk) in remaining
    assert tablet.get(MINE).status_code == 302
    assert laptop.get(MINE).status_code == 302
    assert client.get(reverse("organisations:overview")).status_code == 200


def test_an_inactive_users_session_stops_at_once_however_they_were_deactivated(client, world):
    """Set inactive without the service (an update that sends no signal): the auth middleware refuses it."""
    client.force_login(world.users["staff"])
    type(world.users["staff"]).objects.filter(pk=world.users["staff"].pk).update(is_active=False)
    assert client.get(MINE)["Location"].startswith(reverse("accounts:login"))


def test_revoking_a_parents_portal_access_ends_their_sessions(client, world):
    client.force_login(world.users["parent"])
    portal_services.caregiver_revoke(caregiver=world.caregiver, by=world.users["staff"])
    owners = {session.get_decoded().get("_auth_user_id") for session in Session.objects.all()}
    assert str(world.users["parent"].pk) not in owners


# --- Shared device -----------------------------------------------------------------------------------------


def set_pin(client, pin="4812"):
    client.post(reverse("accounts:pin"), {"pin": pin, "pin2": pin})


def test_the_login_page_offers_the_shared_device_choice(client):
    text = client.get(reverse("accounts:login")).content.decode()
    assert "Dit is een gedeeld apparaat (tablet bij de deur)" in text


def test_a_shared_session_locks_after_three_idle_minutes(client, world):
    log_in(client, shared=True)
    assert client.get(MINE).status_code == 200
    shift(client, sessions.LAST_SEEN, 2 * 60)
    assert client.get(MINE).status_code == 200  # and this request counts as activity
    shift(client, sessions.LAST_SEEN, 3 * 60 + 1)
    response = client.get(MINE)
    assert response["Location"] == f"{UNLOCK}?next=%2Ffamilies%2F"
    assert client.get(reverse("health:reminders"))["Location"].startswith(UNLOCK)
    assert client.get(UNLOCK).status_code == 200


def test_a_session_not_marked_shared_does_not_lock(client, world):
    log_in(client)
    client.get(MINE)
    assert sessions.LAST_SEEN not in client.session
    assert client.get(MINE).status_code == 200


def test_the_pin_unlocks_the_session(client, world):
    log_in(client, shared=True)
    set_pin(client)
    assert unlock_pin(world.users["staff"]).pin_hash != "4812"
    shift(client, sessions.LAST_SEEN, 10 * 60)
    client.get(MINE)
    response = client.post(f"{UNLOCK}?next=/families/", {"secret": "4812", "next": "/families/"})
    assert response["Location"] == "/families/"
    assert client.get(MINE).status_code == 200


def test_the_password_unlocks_the_session_too(client, world):
    log_in(client, shared=True)
    shift(client, sessions.LAST_SEEN, 10 * 60)
    client.get(MINE)
    assert client.post(UNLOCK, {"secret": PASSWORD})["Location"] == reverse("home")
    assert client.get(MINE).status_code == 200


def test_five_wrong_pins_end_the_session(client, world):
    log_in(client, shared=True)
    set_pin(client)
    shift(client, sessions.LAST_SEEN, 10 * 60)
    for _try in range(4):
        response = client.post(UNLOCK, {"secret": "0000"})
        assert response.status_code == 200
        assert "is-invalid" in response.content.decode()
    response = client.post(UNLOCK, {"secret": "1111"})
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session
    # The right PIN no longer helps: the session is gone.
    assert client.post(UNLOCK, {"secret": "4812"})["Location"].startswith(reverse("accounts:login"))


def test_a_pin_must_be_four_to_six_digits(client, world):
    log_in(client)
    for pin in ("12", "1234567", "abcd", "1111"):
        response = client.post(reverse("accounts:pin"), {"pin": pin, "pin2": pin})
        assert response.status_code == 200, pin
    assert unlock_pin(world.users["staff"]) is None


def test_on_a_shared_device_sensitive_details_on_the_family_page_stay_folded(client, world):
    world.family.notes = "Vader werkt nachtdiensten."
    world.family.save()
    world.contact.summary = "Moeder vertelde over de verhuizing."
    world.contact.save()
    log_in(client, shared=True)
    text = client.get(world.family.get_absolute_url()).content.decode()
    assert text.count('<details class="sensitive">') >= 3
    for secret in ("Vader werkt nachtdiensten.", "Moeder vertelde over de verhuizing.", "Rust en regelmaat."):
        folded = text.split(secret)[0]
        assert folded.rfind('<details class="sensitive">') > folded.rfind("</details>"), secret


def test_on_a_shared_device_the_health_reasons_on_the_family_page_stay_folded(client, world):
    # The staff home shows no health at all (tests/families/test_briefing.py); the family page's briefing does.
    world.contact.occurred_at = world.contact.occurred_at - datetime.timedelta(days=30)
    world.contact.save()
    log_in(client, shared=True)
    text = client.get(world.family.get_absolute_url()).content.decode()
    assert '<details class="sensitive"><summary>Redenen</summary>' in text
    assert "health-" not in client.get(MINE).content.decode()


def test_elsewhere_the_details_show_as_they_are(client, world):
    world.family.notes = "Vader werkt nachtdiensten."
    world.family.save()
    log_in(client)
    text = client.get(world.family.get_absolute_url()).content.decode()
    assert "Vader werkt nachtdiensten." in text
    assert "<details" not in text


# --- The idle limit, saved at most once a minute (issue 16) ---------------------------------------------------


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_page_within_a_minute_of_the_last_save_does_not_write_the_session(client, world):
    log_in(client)
    client.get(MINE)
    before = _expiry(client)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(MINE).status_code == 200
    assert not [q["sql"] for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]
    assert _expiry(client) == before


def test_a_page_after_a_minute_moves_the_end_of_an_idle_session(client, world):
    log_in(client)
    client.get(MINE)
    shift(client, sessions.REFRESHED_AT, 61)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=_expiry(client) - datetime.timedelta(minutes=30)
    )
    before = _expiry(client)
    client.get(MINE)
    assert _expiry(client) - before > datetime.timedelta(minutes=29)


def test_a_session_idle_longer_than_the_limit_ends(client, world):
    log_in(client)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1)
    )
    response = client.get(MINE)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
