"""Each demo role logs in and lands on its own home page; every page that exists passes axe and is
photographed at tablet and phone width (test-artifacts/screenshots)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS, assert_accessible, login, logout, screenshot

HOMES = {
    "staff": ("/families/", "Mijn gezinnen"),
    "coordinator": ("/organisation/", "Mijn locaties"),
    "admin": ("/organisation/", "Mijn locaties"),
    "parent": ("/portal/", "Welkom, Eva"),
    "parent2": ("/portal/", "Welkom, Ayşe"),
}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("username", list(HOMES))
def test_demo_role_logs_in_and_lands_on_its_home_page(username, viewport, demo, page_factory, live_server):
    page = page_factory(viewport)
    login(page, username)
    path, heading = HOMES[username]
    assert page.url == f"{live_server.url}{path}"
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert_accessible(page)
    screenshot(page, f"home-{username}-{viewport}")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_login_page_is_dutch_accessible_and_rejects_a_wrong_password(viewport, demo, page_factory):
    page = page_factory(viewport)
    page.goto("/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)
    screenshot(page, f"login-{viewport}")
    login(page, "staff", password="wrong-password")
    expect(page.get_by_text("Deze gebruikersnaam en dit wachtwoord passen niet bij elkaar")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"login-error-{viewport}")


def test_staff_opens_a_family_from_the_home_page(demo, page_factory):
    page = page_factory("tablet")
    login(page, "staff")
    page.get_by_role("link", name="De Vries", exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("De Vries")
    expect(page.get_by_text("Noah de Vries")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "family-detail-tablet")


def test_the_phone_menu_opens_and_logs_out(demo, page_factory, live_server):
    page = page_factory("phone")
    login(page, "parent")
    logout(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen"


def test_switching_to_english_and_back(demo, page_factory):
    page = page_factory("tablet")
    page.goto("/accounts/login/")
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Wisselen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Log in"
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Switch").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen"


@pytest.mark.parametrize("path", ["/accounts/password/reset/", "/accounts/password/reset/MQ/expired/"])
def test_password_pages_are_accessible(path, demo, page_factory):
    page = page_factory("phone")
    page.goto(path)
    assert_accessible(page)
    screenshot(page, "password" + path.replace("/", "-").rstrip("-"))
