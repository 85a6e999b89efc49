"""Playwright with Debian's Chromium. Browser tests skip on a machine without Chromium, unless
REQUIRE_BROWSER_TESTS=1 (set by CI), where a missing browser fails the suite."""

import os
import shutil
from pathlib import Path

import pytest

from demo.seed import seed_demo

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VIEWPORTS = {"tablet": {"width": 820, "height": 1180}, "phone": {"width": 390, "height": 844}}
DEMO_PASSWORD = "demo-partnership"

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made by fixtures in the
# same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data, so these tests flush the database afterwards.
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM}, and REQUIRE_BROWSER_TESTS=1")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    return seed_demo(password=DEMO_PASSWORD)


@pytest.fixture
def page_factory(browser, live_server):
    contexts = []

    def make(viewport="tablet"):
        # Reduced motion switches off Bootstrap's colour transitions: axe run while a just-clicked button still
        # fades between its hover colours measures a contrast the page never settles on.
        context = browser.new_context(
            viewport=VIEWPORTS[viewport], base_url=live_server.url, locale="nl-NL", reduced_motion="reduce"
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def login(page, username, password=DEMO_PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


# axe's WCAG 2.2 target-size rule (24 x 24 px, or enough space around) is off by default: every page must pass it.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def navigate(page, name, menu=None):
    """Follow a link of the main navigation: unfold it where the phone's menu button shows, open the dropdown
    `menu` ("Cijfers", "Inrichting", "Account") when the link sits in one."""
    toggle = page.get_by_role("button", name="Menu tonen")
    if toggle.is_visible():
        toggle.click()
    if menu:
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("button", name=menu).click()
    with page.expect_navigation():  # what follows checks the new page, not the folding menu of the old one
        page.get_by_role("link", name=name, exact=True).click()


def logout(page):
    """Log out through the menus: the phone's menu button (when shown), then the account menu."""
    toggle = page.get_by_role("button", name="Menu tonen")
    if toggle.is_visible():
        toggle.click()
    page.get_by_role("button", name="Account").click()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/accounts/login/**")


def assert_accessible(page):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error

    # A click on a link returns before the next page has loaded; axe run on a document that is being replaced
    # fails inside axe ("reading 'documentElement'"), so wait for the page and try once more if it was replaced.
    page.wait_for_load_state()
    try:
        results = Axe().run(page, options=AXE_OPTIONS)
    except Error:
        page.wait_for_load_state()
        results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
