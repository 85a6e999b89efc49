"""Agreements and the parent portal in the browser: staff draft and propose, the parent reads, reacts and
agrees on a phone, staff see it, staff change it and the parent sees the new version beside the old one;
another parent gets 404. Every portal page passes axe."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, logout, screenshot


def test_staff_propose_parent_agrees_then_sees_the_new_version_beside_it(demo, page_factory):
    staff = page_factory("tablet")
    login(staff, "staff")
    staff.get_by_role("article").filter(has=staff.get_by_role("heading", name="De Vries", exact=True)).get_by_role(
        "link", name="De Vries", exact=True
    ).click()
    staff.get_by_role("link", name="Nieuwe afspraak").click()
    staff.locator("#id_title").fill("Fruit in de ochtend")
    staff.locator("#id_child").select_option(label="Noah de Vries")
    staff.locator("#id_goal").fill("Noah eet 's ochtends een stuk fruit mee.")
    staff.locator("#id_parents_do").fill("Een bakje fruit meegeven.")
    staff.locator("#id_staff_do").fill("Samen aan tafel fruit eten om tien uur.")
    staff.locator("#id_evaluation_on").fill((timezone.localdate() + datetime.timedelta(days=28)).isoformat())
    assert_accessible(staff)
    staff.get_by_role("button", name="Concept opslaan").click()
    staff.get_by_role("button", name="Voorleggen aan de ouders").click()
    expect(staff.get_by_text("Voorgelegd: de ouders kunnen de afspraak lezen")).to_be_visible()
    assert_accessible(staff)
    agreement_url = staff.url

    parent = page_factory("phone")
    login(parent, "parent")
    assert_accessible(parent)
    screenshot(parent, "portal-home-phone")
    parent.get_by_role("link", name=re.compile("^Fruit in de ochtend")).click()
    expect(parent.get_by_text("Noah eet 's ochtends een stuk fruit mee.")).to_be_visible()
    assert_accessible(parent)
    parent.get_by_label("Uw reactie").fill("Goed idee! Hij houdt van appel.")
    parent.get_by_role("button", name="Reactie versturen").click()
    expect(parent.get_by_text("Dank u wel voor uw reactie.")).to_be_visible()
    parent.get_by_role("button", name=re.compile("^Ik ga akkoord met versie")).click()
    expect(parent.get_by_text("Dank u wel. We hebben genoteerd dat u akkoord gaat.")).to_be_visible()
    assert_accessible(parent)
    portal_agreement_url = parent.url

    staff.goto(agreement_url)
    expect(staff.get_by_text("Goed idee! Hij houdt van appel.")).to_be_visible()
    expect(staff.get_by_text("in het ouderportaal")).to_be_visible()
    staff.get_by_role("link", name="Wijzigen").click()
    staff.locator("#id_goal").fill("Noah eet 's ochtends en 's middags een stuk fruit mee.")
    staff.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(staff.get_by_text("Opgeslagen als nieuwe versie")).to_be_visible()

    parent.goto(portal_agreement_url)
    expect(parent.get_by_role("heading", name="De nieuwe versie")).to_be_visible()
    # The new text is shown with what changed marked; the whole new text and what they agreed to before fold
    # open beside it.
    expect(parent.locator("ins", has_text="en 's middags")).to_be_visible()
    parent.get_by_text("Lees versie 2 zonder kleuren en strepen").click()
    expect(parent.get_by_text("Noah eet 's ochtends en 's middags een stuk fruit mee.")).to_be_visible()
    parent.get_by_text("Waar u eerder akkoord op gaf").click()
    expect(parent.get_by_text("Noah eet 's ochtends een stuk fruit mee.")).to_be_visible()
    assert_accessible(parent)
    screenshot(parent, "portal-agreement-new-version-phone")

    other = page_factory("phone")
    login(other, "parent2")
    response = other.goto(portal_agreement_url)
    assert response.status == 404
    assert_accessible(other)


def test_the_other_portal_pages_are_accessible_on_a_phone(demo, page_factory):
    page = page_factory("phone")
    login(page, "parent")
    page.get_by_role("link", name="Een gesprek aanvragen").click()
    assert_accessible(page)
    page.get_by_label("Waarover wilt u praten?").fill("Over het slapen thuis")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Uw vraag is verstuurd.")).to_be_visible()
    page.get_by_role("link", name="Vertel ons hoe het gaat").click()
    assert_accessible(page)
    screenshot(page, "portal-feedback-phone")
    logout(page)
    response = page.goto("/portal/welcome/MQ/used-token/")
    assert response.status == 410
    expect(page.get_by_role("heading", name="Deze link werkt niet meer")).to_be_visible()
    assert_accessible(page)
