"""AVG on a phone: the coordinator exports a family's file (the readable page), then erases it on the parents'
request and sees the erasure record. Every page passes axe at 390 px."""

from playwright.sync_api import expect

from families.models import Family
from tests.browser.conftest import SCREENSHOTS, assert_accessible, login, screenshot


def test_coordinator_exports_and_erases_a_file_on_a_phone(demo, page_factory):
    family = Family.objects.get(name="Mulder")
    page = page_factory("phone")
    login(page, "coordinator")
    page.goto(f"/families/{family.pk}/")
    page.get_by_role("link", name="Dossier exporteren").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Het dossier van Mulder"
    expect(page.get_by_role("heading", name="Contactmomenten").first).to_be_visible()
    assert_accessible(page)
    # The whole file is a very long page: its top is photographed.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "privacy-export-phone.png"))

    page.goto(f"/families/{family.pk}/")
    page.get_by_role("link", name="Dossier wissen").click()
    assert_accessible(page)
    page.get_by_label("De ouders vroegen om wissen (recht op vergetelheid)").check()
    page.get_by_label("Typ ter bevestiging de naam van het gezin").fill("Mulders")
    page.get_by_role("button", name="Dossier definitief wissen").click()
    expect(page.get_by_text("Dit is niet de naam van het gezin.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "privacy-erase-phone")
    page.get_by_label("Typ ter bevestiging de naam van het gezin").fill("Mulder")
    page.get_by_role("button", name="Dossier definitief wissen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gewiste gezinsdossiers"
    expect(page.get_by_text("Het dossier van het gezin is gewist.")).to_be_visible()
    assert "Mulder" not in page.content()
    assert_accessible(page)
    screenshot(page, "privacy-erasures-phone")
    assert not Family.objects.filter(pk=family.pk).exists()
