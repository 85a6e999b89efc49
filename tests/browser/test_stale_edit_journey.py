"""Two people edit the same family at once (partnership.locking): the first save wins, the second is told, sees
the current version in the form and keeps what they typed beside it. On a phone, and accessible."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot


def test_the_second_of_two_editors_is_told_and_keeps_what_they_typed(demo, page_factory):
    family = demo.families.get(name="Mulder")
    first, second = page_factory("tablet"), page_factory("phone")
    login(first, "coordinator")
    login(second, "staff")
    for page in (first, second):
        page.goto(f"/families/{family.pk}/")
        page.get_by_role("link", name="Gezin wijzigen").click()

    first.get_by_label("Goed om te weten").fill("Vader werkt vanaf januari 's nachts.")
    first.get_by_role("button", name="Opslaan").click()
    expect(first.get_by_text("Opgeslagen.")).to_be_visible()

    typed = "Moeder vraagt om de nieuwsbrief op papier."
    second.get_by_label("Goed om te weten").fill(typed)
    second.get_by_role("button", name="Opslaan").click()
    expect(second.get_by_text("Iemand anders heeft dit gezin gewijzigd")).to_be_visible()
    assert second.get_by_label("Goed om te weten").input_value() == "Vader werkt vanaf januari 's nachts."
    expect(second.get_by_role("region", name="Wat u typte (niet opgeslagen)").get_by_text(typed)).to_be_visible()
    assert second.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(second)
    screenshot(second, "stale-edit-phone")
