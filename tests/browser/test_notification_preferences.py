"""A parent chooses on a phone how often the app e-mails them; the page passes axe."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot


def test_parent_chooses_a_daily_mail_on_a_phone(demo, page_factory):
    from accounts.models import User
    from notifications.selectors import frequency_of

    page = page_factory("phone")
    login(page, "parent")
    page.goto("/accounts/me/")
    page.get_by_role("link", name="Kiezen").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Eén keer per dag, 's ochtends").check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    screenshot(page, "notification-preferences-phone")
    assert frequency_of(User.objects.get(username="parent")) == "daily"
