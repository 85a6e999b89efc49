"""Issue 17 part A in the browser, at phone width: a staff member gives a signal time with a reason and a day to
look again and sees it held ("given time, by choice" instead of the warning, and the family no longer needs
action for it); notes a life event with the parents' knowledge that then shows on the family's briefing card
(the kind; the words folded) and as a bare marker on the staff home. The coordinator reads how often and why
time was given. Every page passes axe."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from contacts.models import ContactMoment
from families.models import Family
from health.models import Acknowledgement
from lifeevents.models import LifeEvent
from tests.browser.conftest import assert_accessible, login, logout, screenshot

REASON = "Moeder had slechte ervaringen met instanties; we nemen de tijd."


def test_staff_give_a_signal_time_and_note_a_life_event(demo, page_factory):
    family = Family.objects.get(name="De Vries")
    staff = User.objects.get(username="staff")
    # No contact for seven weeks: the contact signal needs action.
    ContactMoment.objects.filter(family=family).update(occurred_at=timezone.now() - datetime.timedelta(days=50))
    Acknowledgement.objects.filter(family=family).delete()
    LifeEvent.objects.filter(family=family).delete()
    page = page_factory("phone")
    login(page, "staff")

    page.goto(f"/families/{family.pk}/health/")
    signal = page.locator("li.list-group-item", has=page.get_by_text("Contact met de ouders", exact=True))
    expect(signal.locator(".badge", has_text="Actie nodig")).to_be_visible()
    signal.get_by_text("Geef dit tijd").click()
    signal.get_by_label("Waarom we dit tijd geven").fill(REASON)
    signal.get_by_label("Opnieuw kijken op").fill((timezone.localdate() + datetime.timedelta(days=28)).isoformat())
    assert_accessible(page)
    screenshot(page, "time-give-phone")
    signal.get_by_role("button", name="Tijd geven").click()
    expect(page.get_by_text("Bewust tijd gegeven. Het signaal telt weer mee op de dag die je koos.")).to_be_visible()
    held = page.locator("li.list-group-item", has=page.get_by_text("Contact met de ouders", exact=True))
    expect(held.get_by_text("tijd gegeven, bewust")).to_be_visible()
    expect(held.get_by_text(REASON)).to_be_visible()
    expect(held.locator(".badge", has_text="Actie nodig")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "time-held-phone")
    ack = Acknowledgement.objects.get(family=family)
    assert (ack.kind, ack.by) == ("time", staff)

    page.goto(f"/families/{family.pk}/")
    page.get_by_role("link", name="Levensgebeurtenissen").click()
    page.get_by_role("link", name="Levensgebeurtenis noteren").click()
    page.get_by_label("Wat er gebeurde").select_option(label="Een verhuizing")
    page.get_by_label("In een paar woorden").fill("Verhuisd naar een kleinere woning, verder van de opvang.")
    assert_accessible(page)
    screenshot(page, "life-event-form-phone")
    page.get_by_role("button", name="Levensgebeurtenis noteren").click()
    expect(page.get_by_text("De ouders weten dat dit hier wordt genoteerd").first).to_be_visible()
    assert not LifeEvent.objects.filter(family=family).exists()  # not without the parents' knowledge
    page.get_by_label("De ouders weten dat dit hier wordt genoteerd").check()
    page.get_by_role("button", name="Levensgebeurtenis noteren").click()
    expect(page.get_by_text("De levensgebeurtenis is genoteerd.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "life-events-phone")

    page.goto(f"/families/{family.pk}/")
    briefing = page.locator("#briefing")
    expect(briefing.get_by_text("Levensgebeurtenis: een verhuizing")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "life-event-briefing-phone")
    page.goto("/families/")
    card = page.locator("article.card-family", has=page.get_by_role("link", name="De Vries", exact=True))
    expect(card.locator(".life-event-marker")).to_be_visible()
    expect(card.get_by_text("Verhuisd naar een kleinere woning")).to_have_count(0)
    logout(page)

    login(page, "coordinator")
    page.goto("/health/time-given/")
    expect(page.get_by_text(REASON).first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "time-given-report-phone")
