"""Two-factor login (issue 11, fault 3): the production rule, with the requirement switched on as in production
(the test settings switch it off for the rest of the suite, which signs in with force_login)."""

import re
from binascii import unhexlify

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services, sessions
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SETUP = reverse("accounts:two_factor_setup")
VERIFY = reverse("accounts:two_factor_verify")
MINE = reverse("families:mine")


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    return settings


def code_for(hex_key: str, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows; a later step's code for a second login within the same 30 seconds
    (a code is accepted only once)."""
    return f"{totp(unhexlify(hex_key), drift=steps_ahead):06d}"


def log_in(client, username="staff"):
    return client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})


def set_up(client):
    """Walk the set-up page; returns the device and the recovery codes shown."""
    client.get(SETUP)
    key = client.session[sessions.PENDING_TOTP_KEY]
    done = client.post(SETUP, {"code": code_for(key)})
    assert done.status_code == 302, done.content.decode()
    codes_page = client.get(done["Location"])
    codes = codes_page.context["codes"]
    return TOTPDevice.objects.get(key=key), codes


def test_staff_without_a_device_lands_on_set_up_after_the_password_and_can_open_nothing_else(client, world, production):
    response = log_in(client)
    assert client.get(response["Location"]).status_code == 302
    assert client.get(response["Location"], follow=True).redirect_chain[-1][0].startswith(SETUP)
    blocked = client.get(MINE)
    assert blocked.status_code == 302
    assert blocked["Location"] == f"{SETUP}?next=%2Ffamilies%2F"
    assert client.get(reverse("health:reminders")).status_code == 302
    page = client.get(SETUP)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'src="data:image/svg+xml' in text
    assert page.context["secret"].replace(" ", "") in text.replace(" ", "")


def test_a_valid_code_completes_set_up_and_opens_the_app(client, world, production):
    log_in(client)
    client.get(SETUP + "?next=/families/")
    key = client.session[sessions.PENDING_TOTP_KEY]
    wrong = client.post(SETUP + "?next=/families/", {"code": "000000" if code_for(key) != "000000" else "111111"})
    assert wrong.status_code == 200 and "is-invalid" in wrong.content.decode()
    done = client.post(SETUP + "?next=/families/", {"code": code_for(key), "next": "/families/"})
    assert done["Location"].startswith(reverse("accounts:recovery_codes"))
    codes_page = client.get(done["Location"])
    assert len(codes_page.context["codes"]) == 10
    assert codes_page.context["next"] == "/families/"
    # Shown once.
    assert client.get(reverse("accounts:recovery_codes")).status_code == 302
    assert client.get(MINE).status_code == 200
    assert TOTPDevice.objects.filter(user=world.users["staff"], confirmed=True).count() == 1


def test_with_a_device_the_next_login_asks_for_a_code(client, world, production):
    log_in(client)
    device, _codes = set_up(client)
    client.post(reverse("accounts:logout"))
    log_in(client)
    assert client.get(MINE)["Location"] == f"{VERIFY}?next=%2Ffamilies%2F"
    wrong = client.post(VERIFY, {"code": "12345x"})
    assert "is-invalid" in wrong.content.decode()
    assert client.get(MINE).status_code == 302
    ok = client.post(VERIFY + "?next=/families/", {"code": code_for(device.key, steps_ahead=1), "next": "/families/"})
    assert ok["Location"] == "/families/"
    assert client.get(MINE).status_code == 200


def test_a_code_is_accepted_once(client, world, production):
    log_in(client)
    device, _codes = set_up(client)
    client.post(reverse("accounts:logout"))
    log_in(client)
    # The code of the set-up itself cannot be replayed.
    assert client.post(VERIFY, {"code": code_for(device.key)}).status_code == 200


def test_a_recovery_code_works_once(client, world, production):
    log_in(client)
    _device, codes = set_up(client)
    client.post(reverse("accounts:logout"))
    log_in(client)
    assert client.post(VERIFY, {"code": codes[0].upper()})["Location"] == reverse("home")
    assert client.get(MINE).status_code == 200
    assert StaticToken.objects.filter(device__user=world.users["staff"]).count() == 9
    client.post(reverse("accounts:logout"))
    log_in(client)
    again = client.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200
    assert client.get(MINE).status_code == 302


def test_wrong_codes_are_throttled(client, world, production):
    production.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute after the first wrong code, so the test cannot outrun it
    log_in(client)
    device, _codes = set_up(client)
    client.post(reverse("accounts:logout"))
    log_in(client)
    client.post(VERIFY, {"code": "000001"})
    # django-otp makes the device wait longer after each wrong code (1 s, 2 s, 4 s, ... by default); even the
    # right code waits.
    throttled = client.post(VERIFY, {"code": code_for(device.key, steps_ahead=1)})
    assert throttled.status_code == 200
    assert "Wacht een minuut" in throttled.content.decode()


def test_a_recovery_code_works_while_the_app_codes_wait(client, world, production):
    production.OTP_TOTP_THROTTLE_FACTOR = 60
    log_in(client)
    _device, codes = set_up(client)
    client.post(reverse("accounts:logout"))
    log_in(client)
    client.post(VERIFY, {"code": "000001"})
    assert client.post(VERIFY, {"code": codes[3]})["Location"] == reverse("home")


def test_a_parent_is_not_forced(client, world, production):
    log_in(client, "parent")
    assert client.get(reverse("portal:home")).status_code == 200


def test_a_parent_may_turn_it_on_and_is_then_asked(client, world, production):
    log_in(client, "parent")
    device, _codes = set_up(client)
    client.post(reverse("accounts:logout"))
    log_in(client, "parent")
    assert client.get(reverse("portal:home"))["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device.key, steps_ahead=1)})
    assert client.get(reverse("portal:home")).status_code == 200
    off = client.post(reverse("accounts:two_factor_off"))
    assert off["Location"] == reverse("accounts:account")
    assert not TOTPDevice.objects.filter(user=world.users["parent"]).exists()


def test_staff_may_not_turn_it_off(client, world, production):
    log_in(client)
    set_up(client)
    assert client.post(reverse("accounts:two_factor_off")).status_code == 403
    assert TOTPDevice.objects.filter(user=world.users["staff"]).exists()


def test_new_recovery_codes_replace_the_old_ones(client, world, production):
    log_in(client)
    _device, codes = set_up(client)
    response = client.post(reverse("accounts:recovery_codes_new"))
    new_codes = client.get(response["Location"]).context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(codes)
    assert set(StaticToken.objects.filter(device__user=world.users["staff"]).values_list("token", flat=True)) == set(
        new_codes
    )


@pytest.mark.parametrize("is_demo, asked", [(True, False), (False, True)])
def test_with_debug_on_demo_users_skip_it_and_others_with_a_device_are_asked(client, world, settings, is_demo, asked):
    settings.DEBUG = True
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    user = world.users["staff"]
    key = "3132333435363738393031323334353637383930"
    services.totp_device_create(user=user, hex_key=key, code=code_for(key))
    type(user).objects.filter(pk=user.pk).update(is_demo=is_demo)
    log_in(client)
    response = client.get(MINE)
    assert (response.status_code == 302 and response["Location"].startswith(VERIFY)) is asked


def test_with_debug_on_staff_without_a_device_are_not_forced(client, world, settings):
    settings.DEBUG = True
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    log_in(client)
    assert client.get(MINE).status_code == 200


def test_demo_users_are_asked_in_production(client, world, production):
    type(world.users["staff"]).objects.filter(pk=world.users["staff"].pk).update(is_demo=True)
    log_in(client)
    assert client.get(MINE)["Location"].startswith(SETUP)


def test_the_django_admin_login_does_not_get_round_it(client, world, production):
    client.post(reverse("admin:login"), {"username": "support", "password": PASSWORD})
    assert client.get(reverse("admin:index"))["Location"].startswith(SETUP)


def test_set_up_and_verify_pages_let_logging_out_and_the_language_through(client, world, production):
    log_in(client)
    assert client.post(reverse("set_language"), {"language": "en", "next": SETUP}).status_code == 302
    assert "Set up two-step login" in client.get(SETUP).content.decode()
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("accounts:login")


def test_a_stale_password_sends_set_up_to_confirm_it_first(client, world, production):
    log_in(client)
    session = client.session
    session[sessions.AUTH_AT] -= 10 * 60
    session.save()
    response = client.get(SETUP)
    assert response["Location"].startswith(reverse("accounts:confirm_password"))
    # The confirmation page opens although the second step is not done yet.
    assert client.get(response["Location"]).status_code == 200
    confirmed = client.post(response["Location"], {"password": PASSWORD, "next": SETUP})
    assert confirmed["Location"] == SETUP
    assert re.search(r"data:image/svg\+xml", client.get(SETUP).content.decode())
