"""The family file in the browser: find a family, read it, add a caregiver and a child, record an intake and
see the answers; another group's staff gets 404. Every page passes axe."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, navigate, screenshot


def _open_family(page, name):
    navigate(page, "Gezinnen")
    page.get_by_label("Zoek op naam van ouder of kind").fill(name)
    page.get_by_role("button", name="Zoeken").click()
    assert_accessible(page)
    page.get_by_role("link", name=name, exact=True).click()


def test_staff_builds_the_family_file_and_records_an_intake(demo, page_factory, live_server):
    page = page_factory("tablet")
    login(page, "staff")
    _open_family(page, "Mulder")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Mulder")
    assert_accessible(page)

    page.get_by_role("link", name="Toevoegen ouder/verzorger").click()
    assert_accessible(page)
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("Achternaam").fill("Mulder-Koster")
    page.get_by_label("Relatie tot het kind").fill("moeder")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Sanne Mulder-Koster")).to_be_visible()

    page.get_by_role("link", name="Toevoegen kind").click()
    page.get_by_label("Voornaam").fill("Bram")
    page.get_by_label("Achternaam").fill("Mulder")
    page.get_by_label("Geboortedatum").fill("2025-06-01")
    page.locator("#id_group").select_option(label="Rupsen (Kindcentrum De Boomhut)")
    page.locator("#id_mentor").select_option(label="Sanne de Boer")  # a placed child needs a mentor
    assert_accessible(page)
    screenshot(page, "family-child-form-tablet")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Bram Mulder")).to_be_visible()

    page.get_by_role("link", name="Intake vastleggen").click()
    page.get_by_label("Rick Mulder").check()
    page.get_by_label("Wat vindt u belangrijk in de opvoeding van uw kind?").fill(
        "Dat Bram zich thuis voelt bij jullie."
    )
    page.get_by_label("Ik heb de ouders verteld dat ze altijd bij ons terecht kunnen met vragen").check()
    page.get_by_label("Positief").check()
    page.get_by_label("Ik heb verteld wat ik doe en waarom").check()
    assert_accessible(page)
    screenshot(page, "intake-form-tablet")
    page.get_by_role("button", name="Intake opslaan").click()
    expect(page.get_by_text("Dat Bram zich thuis voelt bij jullie.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Mulder", exact=True).click()
    expect(page.get_by_text("Dat Bram zich thuis voelt bij jullie.")).to_be_visible()
    screenshot(page, "family-detail-after-intake-tablet")


def test_staff_of_another_group_gets_404_on_the_family(demo, page_factory, live_server):
    from families.models import Family

    family = Family.objects.get(name="Mulder")
    page = page_factory("phone")
    login(page, "jeroen")
    response = page.goto(f"/families/{family.pk}/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"
    assert_accessible(page)


def test_coordinator_reads_history_rewords_a_question_and_archives(demo, page_factory, live_server):
    page = page_factory("tablet")
    login(page, "coordinator")
    _open_family(page, "El Amrani")
    assert_accessible(page)
    screenshot(page, "family-detail-coordinator-tablet")
    page.get_by_role("link", name="Geschiedenis van wijzigingen").click()
    assert_accessible(page)

    navigate(page, "Intakevragen", menu="Inrichting")
    assert_accessible(page)
    screenshot(page, "intake-questions-tablet")
    page.get_by_role("link", name=re.compile("Herformuleren.*Wat verwacht u van ons")).click()
    page.get_by_label("Vraag").fill("Wat hoopt u van ons?")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("link", name="Herformuleren : Wat hoopt u van ons?")).to_be_visible()

    _open_family(page, "Smit")
    page.get_by_role("link", name="Gezin archiveren").click()
    assert_accessible(page)
    page.get_by_role("button", name="Gezin archiveren").click()
    expect(page.get_by_text("Het gezin is gearchiveerd.")).to_be_visible()


def test_new_family_form_is_accessible_on_a_phone(demo, page_factory):
    page = page_factory("phone")
    login(page, "staff")
    page.goto("/families/new/")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "family-new-errors-phone")
