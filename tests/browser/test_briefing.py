"""The staff home at the door and the family page's briefing card in the browser: on a phone (390 x 844) the
whole card is on the first screen, also for a family with something in every row; the timeline follows. The
home's family cards show names, days since contact and open actions, never a health status. Search finds
"hassan abdi". Every page passes axe (with its target-size rule)."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from agreements.models import Agreement, Status
from contacts.choices import Kind
from families.models import Family
from tests import factories as f
from tests.browser.conftest import VIEWPORTS, assert_accessible, login, screenshot

PHONE_HEIGHT = VIEWPORTS["phone"]["height"]


def _menu(page, name):
    toggle = page.get_by_role("button", name="Menu tonen")
    if toggle.is_visible():
        toggle.click()
    page.get_by_role("link", name=name, exact=True).click()


def _fill_every_row(family: Family):
    """The Hassan family with more than the card shows of each kind, and long texts where a form allows them."""
    staff = family.children.first().mentor
    today = timezone.localdate()
    family.interpreter_notes = "Somalisch via de tolkentelefoon; vader spreekt ook wat Engels. " * 4
    family.save()
    contact = f.ContactMomentFactory(family=family, author=staff, kind=Kind.PARENT_CONVERSATION)
    for days in (-3, 1, 4):
        f.FollowUpFactory(
            contact=contact,
            description="Informatie over de peuteropvang en de vroegschoolse educatie meegeven aan beide ouders",
            due_on=today + datetime.timedelta(days=days),
        )
    caregiver = family.caregivers.first()
    for _ in range(3):
        f.ThreadFactory(family=family, caregiver=caregiver)
    for days in (-5, 2, 9):
        agreement = f.proposed_agreement(
            family=family, by=staff, title="Samen werken aan zindelijkheid, thuis en op de groep, in kleine stappen"
        )
        Agreement.objects.filter(pk=agreement.pk).update(
            status=Status.AGREED, evaluation_on=today + datetime.timedelta(days=days)
        )
    second = f.ChildFactory(family=family, first_name="Hamza", mentor=staff)
    f.PlacementFactory(child=second, group=family.children.first().placements.first().group)


def test_the_briefing_card_fits_the_first_screen_of_a_phone(demo, page_factory):
    family = Family.objects.get(name="Hassan")
    _fill_every_row(family)
    page = page_factory("phone")
    login(page, "staff")
    _menu(page, "Gezinnen")
    page.get_by_label("Zoek op naam van ouder of kind").fill("hassan abdi")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("1 gezin", exact=True)).to_be_visible()
    page.get_by_role("link", name="Hassan", exact=True).click()

    card = page.get_by_role("region", name="Voor je de ouders spreekt")
    expect(card).to_be_visible()
    expect(card.get_by_role("link", name="en nog 2 acties")).to_be_visible()
    expect(card.get_by_role("link", name="en nog 2 vragen")).to_be_visible()
    expect(card.get_by_role("link", name="en nog 2 afspraken")).to_be_visible()
    expect(card.get_by_text("Hamza:").first).to_be_visible()
    expect(card.locator(".badge[class*='health-']")).to_be_visible()
    card.screenshot(path=str(_first_screen("briefing-card-phone")))  # to see what grew, should it not fit
    box = card.bounding_box()
    assert box["y"] + box["height"] <= PHONE_HEIGHT, f"the card ends at {box['y'] + box['height']} px"
    timeline = page.get_by_role("region", name="Contacten")
    assert timeline.bounding_box()["y"] > box["y"] + box["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    assert_accessible(page)
    page.screenshot(path=str(_first_screen("briefing-first-screen-phone")))
    screenshot(page, "family-briefing-phone")


def test_the_briefing_card_on_a_tablet(demo, page_factory):
    page = page_factory("tablet")
    login(page, "staff")
    page.get_by_role("link", name="Hassan", exact=True).click()
    card = page.get_by_role("region", name="Voor je de ouders spreekt")
    expect(card.get_by_text("Gezag")).to_be_visible()
    expect(card.get_by_role("link", name="Relatie-gezondheid")).to_be_visible()
    assert card.bounding_box()["y"] + card.bounding_box()["height"] <= VIEWPORTS["tablet"]["height"]
    assert_accessible(page)
    screenshot(page, "family-briefing-tablet")


def test_the_staff_home_at_the_door_shows_names_days_and_open_actions_only(demo, page_factory):
    for viewport in VIEWPORTS:
        page = page_factory(viewport)
        login(page, "staff")
        card = page.get_by_role("article", name="Hassan")
        expect(card.get_by_text("Ayaan", exact=True)).to_be_visible()
        expect(card.get_by_text(re.compile(r"laatste contact", re.IGNORECASE))).to_be_visible()
        expect(card.get_by_text(re.compile(r"open|Niets open"))).to_be_visible()
        expect(page.locator("[class*='health-']")).to_have_count(0)
        expect(page.get_by_text(re.compile("Aandacht|Actie nodig|Zorg"))).to_have_count(0)
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
        assert_accessible(page)
        screenshot(page, f"staff-home-door-{viewport}")


def _first_screen(name):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
