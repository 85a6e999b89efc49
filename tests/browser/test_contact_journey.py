"""Contact moments in the browser: the fast path from the staff home page in three interactions, a home
visit with checklist, follow-up and referral, and a coordinator rewording a checklist item while the old
contact keeps its wording. Every page passes axe."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, navigate, screenshot


class Interactions:
    """Counts the taps and clicks of a journey (typing the optional sentence is not a tap)."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()


def test_staff_logs_a_chat_at_drop_off_from_the_home_page_in_three_interactions(demo, page_factory):
    page = page_factory("tablet")
    login(page, "staff")
    assert_accessible(page)
    screenshot(page, "staff-home-tablet")
    card = page.get_by_role("article").filter(has=page.get_by_role("heading", name="De Vries", exact=True))

    taps = Interactions(page)
    taps.click(card.get_by_role("link", name=re.compile("^Kort contact")))
    assert_accessible(page)
    screenshot(page, "quick-contact-tablet")
    taps.click(page.get_by_text("Positief", exact=True))
    page.get_by_label("Eén zin (mag leeg blijven)").fill("Vertelde over het logeerpartijtje bij opa.")
    taps.click(page.get_by_role("button", name="Opslaan"))

    assert taps.count <= 3
    expect(page.get_by_text("Contact met De Vries opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Mijn gezinnen", level=1)).to_be_visible()
    expect(card.get_by_text("Laatste contact: vandaag")).to_be_visible()
    assert_accessible(page)

    card.get_by_role("link", name="De Vries", exact=True).click()
    expect(page.get_by_text("Vertelde over het logeerpartijtje bij opa.")).to_be_visible()


def test_staff_logs_a_home_visit_with_checklist_follow_up_and_referral(demo, page_factory):
    page = page_factory("tablet")
    login(page, "staff")
    page.get_by_role("article").filter(has=page.get_by_role("heading", name="Hassan", exact=True)).get_by_role(
        "link", name=re.compile("^Ander contact")
    ).click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Huisbezoek")).click()

    page.get_by_label("Hodan Hassan").check()
    # The checklist is folded by theme (tests/browser/test_contact_forms_phone.py measures it on a phone).
    page.locator("details.checklist-theme summary", has_text="Ondersteuning").click()
    normalise = page.get_by_label("Ik heb het gedrag of de situatie van het kind genormaliseerd")
    expect(normalise).to_be_hidden()  # a prompt for a worried or tense parent only
    page.get_by_role("radio", name="Bezorgd", exact=True).check()
    expect(normalise).to_be_visible()
    normalise.check()
    page.get_by_label("Ik bood een luisterend oor").check()
    page.locator("#id_summary").fill("Thuis gesproken over slapen; moeder maakt zich zorgen over geld.")
    page.locator("#id_notes").fill("Moeder oogde moe.")
    page.locator("#follow-ups summary").click()
    page.locator("#id_fu-0-description").fill("Slaapritme-folder in het Somalisch zoeken")
    page.locator("#id_fu-0-due_on").fill((timezone.localdate() + datetime.timedelta(days=7)).isoformat())
    page.locator("#id_fu-0-promised_to_parents").check()
    assert_accessible(page)
    screenshot(page, "home-visit-form-tablet")
    page.get_by_role("button", name="Contact opslaan").click()

    expect(page.get_by_text("Het contact is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Ik bood een luisterend oor")).to_be_visible()
    page.get_by_role("link", name="Toevoegen een actie").click()
    page.locator("#id_description").fill("Samen met moeder de voedselbank bellen")
    page.locator("#id_due_on").fill((timezone.localdate() + datetime.timedelta(days=3)).isoformat())
    page.locator("#id_referral_to").select_option(label="Voedselbank")
    page.locator("#id_agreed_with_parents").check()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("doorverwijzing: Voedselbank")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "home-visit-detail-tablet")

    page.get_by_role("link", name="Hassan", exact=True).click()
    timeline = page.locator("#timeline")
    expect(timeline.get_by_text("Thuis gesproken over slapen")).to_be_visible()
    follow_ups = page.locator("#follow-ups")
    expect(follow_ups.get_by_text("Samen met moeder de voedselbank bellen", exact=True)).to_be_visible()
    expect(follow_ups.get_by_text("Slaapritme-folder in het Somalisch zoeken", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "family-timeline-tablet")

    navigate(page, "Mijn gezinnen")
    mine = page.locator("section", has=page.get_by_role("heading", name="Mijn acties"))
    expect(mine.get_by_text("Samen met moeder de voedselbank bellen", exact=True)).to_be_visible()
    mine.get_by_role("button", name=re.compile("^Gedaan.*voedselbank")).click()
    expect(page.get_by_text("Afgevinkt als gedaan.")).to_be_visible()
    expect(mine.get_by_text("Samen met moeder de voedselbank bellen", exact=True)).not_to_be_visible()


def test_coordinator_rewords_a_checklist_item_and_old_contacts_keep_theirs(demo, page_factory):
    from contacts.models import ChecklistTick

    tick = ChecklistTick.objects.select_related("contact__family").filter(contact__visibility="internal").first()
    old_prompt = tick.prompt
    page = page_factory("tablet")
    login(page, "coordinator")
    navigate(page, "Succesfactoren", menu="Inrichting")
    assert_accessible(page)
    screenshot(page, "checklist-catalogue-tablet")
    page.get_by_role("link", name=re.compile(f"^Herformuleren.*{re.escape(old_prompt)}$")).click()
    page.locator("#id_prompt").fill("Nieuwe woorden: " + old_prompt)
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("cell", name=re.compile("^Nieuwe woorden: " + re.escape(old_prompt)))).to_be_visible()

    page.goto(tick.contact.get_absolute_url())
    ticks = page.locator("section", has=page.get_by_role("heading", name="Succesfactoren toegepast"))
    expect(ticks.get_by_text(old_prompt, exact=True)).to_be_visible()
    expect(ticks.get_by_text("Nieuwe woorden")).not_to_be_visible()
    assert_accessible(page)

    navigate(page, "Gebruik checklist", menu="Cijfers")
    assert_accessible(page)
    screenshot(page, "checklist-use-coordinator-tablet")
