"""Two-step login in production mode, walked in the browser: set-up with the QR code's key, the recovery codes,
then a later login with a code. And the other sign-in pages (lockout, shared device, account) on a phone."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot


@pytest.fixture
def production(settings):
    """The production rule (DEBUG off, which the test run has already): staff must use two-step login."""
    settings.DEBUG = False
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    return settings


def code_from(secret_text: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed from the set-up page."""
    key = b32decode(secret_text.replace(" ", "") + "=" * (-len(secret_text.replace(" ", "")) % 8))
    return f"{totp(key, drift=steps_ahead):06d}"


def test_staff_sets_up_two_step_login_and_logs_in_with_a_code(production, demo, page_factory, live_server):
    page = page_factory("phone")
    login(page, "staff")
    assert page.url.startswith(f"{live_server.url}/accounts/two-step/")
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen in twee stappen instellen"
    expect(page.get_by_role("img", name="QR-code voor uw app voor inlogcodes")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "two-step-setup-phone")

    # Nothing else opens before the set-up is done.
    page.goto("/families/")
    assert page.url.startswith(f"{live_server.url}/accounts/two-step/")

    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("De code van 6 cijfers die uw app nu laat zien").fill(code_from(secret))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Uw reservecodes"
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert_accessible(page)
    screenshot(page, "two-step-recovery-codes-phone")
    page.get_by_role("link", name="Ik heb ze bewaard. Verder").click()
    page.wait_for_url(f"{live_server.url}/families/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn gezinnen"

    # A later login asks for the code after the password.
    later = page_factory("phone")
    login(later, "staff")
    assert later.url.startswith(f"{live_server.url}/accounts/two-step/verify/")
    assert later.get_by_role("heading", level=1).inner_text() == "Inloggen in twee stappen"
    assert_accessible(later)
    screenshot(later, "two-step-verify-phone")
    later.get_by_label("Code").fill("000000" if code_from(secret, steps_ahead=1) != "000000" else "111111")
    later.get_by_role("button", name="Inloggen").click()
    later.wait_for_load_state()
    expect(later.get_by_text("Deze code klopt niet")).to_be_visible()
    assert_accessible(later)
    # django-otp makes the device wait a second after a wrong code.
    later.wait_for_timeout(2100)
    later.get_by_label("Code").fill(code_from(secret, steps_ahead=1))
    later.get_by_role("button", name="Inloggen").click()
    later.wait_for_url(f"{live_server.url}/families/")
    assert later.get_by_role("heading", level=1).inner_text() == "Mijn gezinnen"


def test_the_lockout_page_is_clear_on_a_phone(demo, page_factory):
    page = page_factory("phone")
    for attempt in range(5):
        login(page, "coordinator", password=f"not-it-{attempt}")
    assert page.get_by_role("heading", level=1).inner_text() == "Te veel pogingen"
    expect(page.get_by_text("Probeer het over 15 minuten opnieuw")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "login-locked-out-phone")


def test_a_shared_device_locks_and_opens_with_the_password(settings, demo, page_factory, live_server):
    settings.SHARED_DEVICE_LOCK_SECONDS = 0  # locked at the first request after the login
    page = page_factory("phone")
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("staff")
    page.get_by_label("Wachtwoord").fill("demo-partnership")
    page.get_by_label("Dit is een gedeeld apparaat (tablet bij de deur)").check()
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Vergrendeld"
    assert_accessible(page)
    screenshot(page, "shared-device-locked-phone")
    settings.SHARED_DEVICE_LOCK_SECONDS = 180
    page.get_by_label("Je pincode of je wachtwoord").fill("demo-partnership")
    page.get_by_role("button", name="Ontgrendelen").click()
    page.wait_for_url(f"{live_server.url}/families/")
    # The sensitive details stay folded until tapped.
    page.get_by_role("link", name="De Vries", exact=True).first.click()
    page.wait_for_load_state()
    folds = page.locator("details.sensitive")
    assert folds.count() >= 1
    assert_accessible(page)
    screenshot(page, "shared-device-family-folded-phone")


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/accounts/me/", "Mijn account"),
        ("/accounts/me/pin/", "Pincode voor de gedeelde tablet"),
        ("/accounts/me/email/", "E-mailadres wijzigen"),
        ("/accounts/two-step/", "Inloggen in twee stappen instellen"),
        ("/accounts/lockouts/", "Geblokkeerde accounts"),
        ("/accounts/login-log/", "Inloglog"),
    ],
)
def test_the_account_pages_pass_axe_on_a_phone(path, heading, demo, page_factory):
    page = page_factory("phone")
    login(page, "admin")
    page.goto(path)
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert_accessible(page)
    screenshot(page, f"account{path.replace('/', '-').rstrip('-')}-phone")
