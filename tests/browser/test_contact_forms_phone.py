"""The full contact forms and the checklist-use table on a phone (390 px) and a tablet (820 px): the checklist
folded by theme, only the prompts of this kind and tone, tap targets of at least 24 x 24 px (WCAG 2.2), nothing
wider than the screen, no box that scrolls inside the page, several follow-ups in one form, and a quick-contact
summary that is too long gets a clear message instead of being cut or dropped silently."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot

# What a home visit measured on a phone before the checklist was folded (issue 13).
OLD_HOME_VISIT_HEIGHT = 5756

# Every visible element a finger can hit. Elements narrower than 2 px are visually hidden (a skip link until it
# has focus, Bootstrap's .btn-check whose label is the target); `pointer-events: none` cannot be hit.
SMALL_TARGETS = """() => {
  const selector = [
    'a[href]', 'button', 'input:not([type=hidden])', 'select', 'textarea', 'summary',
    '[tabindex]:not([tabindex="-1"])',
  ].join(', ');
  return [...document.querySelectorAll(selector)].flatMap((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width < 2 || box.height < 2 || style.visibility === 'hidden' || style.pointerEvents === 'none') return [];
    if (box.width >= 23.5 && box.height >= 23.5) return [];
    const text = (el.innerText || el.value || '').slice(0, 30);
    return [`${el.tagName}#${el.id}.${el.className} "${text}" ${Math.round(box.width)}x${Math.round(box.height)}`];
  });
}"""

TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
  const where = wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 80));
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: where};
}"""

SCROLL_BOXES = """() => [...document.querySelectorAll('main *')].filter((el) => {
  const style = getComputedStyle(el);
  return ['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
}).map((el) => el.outerHTML.slice(0, 80))"""


def _family(name):
    from families.models import Family

    return Family.objects.get(name=name)


def _home_visit_url(family):
    return reverse("contacts:create", args=[family.pk, "home_visit"])


def _assert_fits(page, width):
    wide = page.evaluate(TOO_WIDE)
    assert wide["scrollWidth"] <= width and not wide["wide"], wide
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.evaluate(SCROLL_BOXES) == []


def _theme(page, name):
    return page.locator("details.checklist-theme").filter(has=page.locator("summary", has_text=name))


def test_the_home_visit_form_fits_a_phone_with_its_checklist_folded_by_theme(demo, page_factory):
    page = page_factory("phone")
    login(page, "staff")
    page.goto(_home_visit_url(_family("Hassan")))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Huisbezoek")

    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 3000, f"{height} px high (was {OLD_HOME_VISIT_HEIGHT})"
    _assert_fits(page, 390)
    themes = page.locator("details.checklist-theme")
    assert themes.count() >= 8
    expect(themes.first).not_to_have_attribute("open", "")
    assert_accessible(page)
    screenshot(page, "home-visit-form-phone")

    # Ticking items counts them in the theme's summary.
    trust = _theme(page, "Vertrouwen kost tijd")
    expect(trust.locator("summary")).to_contain_text("0 van")
    trust.locator("summary").click()
    boxes = trust.get_by_role("checkbox")
    boxes.nth(0).check()
    boxes.nth(1).check()
    expect(trust.locator("summary")).to_contain_text("2 van")
    _assert_fits(page, 390)
    assert_accessible(page)
    screenshot(page, "home-visit-form-phone-theme-open")


def test_prompts_for_a_worried_parent_show_only_when_that_tone_is_chosen(demo, page_factory):
    page = page_factory("phone")
    login(page, "staff")
    page.goto(_home_visit_url(_family("Hassan")))
    support = _theme(page, "Ondersteuning")
    support.locator("summary").click()
    normalise = page.get_by_label("Ik heb het gedrag of de situatie van het kind genormaliseerd")
    listening = page.get_by_label("Ik bood een luisterend oor")
    expect(listening).to_be_visible()
    expect(normalise).to_be_hidden()
    summary = support.locator("summary")
    before = summary.inner_text()

    page.get_by_role("radio", name="Bezorgd", exact=True).check()
    expect(normalise).to_be_visible()
    expect(summary).not_to_have_text(before)  # one prompt more in the count
    normalise.check()
    page.get_by_role("radio", name="Positief", exact=True).check()
    expect(normalise).to_be_visible()  # ticked items never disappear
    normalise.uncheck()
    expect(normalise).to_be_visible()  # not from under the finger either
    page.get_by_role("radio", name="Neutraal", exact=True).check()
    expect(normalise).to_be_hidden()
    expect(summary).to_have_text(before)


def test_a_home_visit_with_two_follow_ups_is_saved_on_a_phone(demo, page_factory):
    from contacts.models import ContactMoment

    page = page_factory("phone")
    login(page, "staff")
    page.goto(_home_visit_url(_family("Hassan")))
    page.get_by_label("Hodan Hassan").check()
    page.get_by_role("radio", name="Neutraal", exact=True).check()
    page.locator("#id_summary").fill("Thuis gesproken over de overgang naar de peutergroep.")
    _theme(page, "Basishouding").locator("summary").click()
    page.get_by_label("Ik heb verteld wat ik doe en waarom").check()

    follow_ups = page.locator("#follow-ups")
    follow_ups.locator("summary").click()
    expect(follow_ups.locator("fieldset.follow-up")).to_have_count(1)
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    page.locator("#id_fu-0-description").fill("Wenschema voor de peutergroep meegeven")
    page.locator("#id_fu-0-due_on").fill(due)
    page.get_by_role("button", name="Nog een actie toevoegen").click()
    expect(follow_ups.locator("fieldset.follow-up")).to_have_count(2)
    page.locator("#id_fu-1-description").fill("Samen het consultatiebureau bellen")
    page.locator("#id_fu-1-due_on").fill(due)
    page.locator("#id_fu-1-referral_to").select_option(label="Jeugdgezondheidszorg (JGZ / consultatiebureau)")
    _assert_fits(page, 390)
    assert_accessible(page)
    screenshot(page, "home-visit-two-follow-ups-phone")
    page.get_by_role("button", name="Contact opslaan").click()

    expect(page.get_by_text("Het contact is opgeslagen.")).to_be_visible()
    section = page.locator("section", has=page.get_by_role("heading", name="Acties en doorverwijzingen"))
    expect(section.get_by_text("Wenschema voor de peutergroep meegeven", exact=True)).to_be_visible()
    expect(section.get_by_text("Samen het consultatiebureau bellen", exact=True)).to_be_visible()
    contact = ContactMoment.objects.latest("pk")
    assert contact.kind == "home_visit" and contact.follow_ups.count() == 2
    assert [tick.prompt for tick in contact.ticks.all()] == ["Ik heb verteld wat ik doe en waarom"]
    assert_accessible(page)


def test_the_follow_ups_cannot_grow_past_five_in_the_browser(demo, page_factory):
    page = page_factory("tablet")
    login(page, "staff")
    page.goto(_home_visit_url(_family("Hassan")))
    page.locator("#follow-ups summary").click()
    add = page.get_by_role("button", name="Nog een actie toevoegen")
    for count in range(2, 6):
        add.click()
        expect(page.locator("fieldset.follow-up")).to_have_count(count)
    expect(add).to_be_hidden()
    assert page.locator("#id_fu-TOTAL_FORMS").input_value() == "5"


def test_the_conversation_form_on_a_tablet_has_no_scrolling_box_and_no_small_targets(demo, page_factory):
    page = page_factory("tablet")
    login(page, "staff")
    page.goto(reverse("contacts:create", args=[_family("De Vries").pk, "parent_conversation"]))
    for summary in page.locator("details.checklist-theme summary").all():
        summary.click()
    _assert_fits(page, 820)
    assert_accessible(page)
    screenshot(page, "parent-conversation-form-tablet-open")
    page.goto(_home_visit_url(_family("Hassan")))
    _assert_fits(page, 820)
    screenshot(page, "home-visit-form-tablet-folded")


def test_a_quick_contact_summary_over_500_characters_gets_a_clear_message(demo, page_factory):
    from contacts.models import ContactMoment

    before = ContactMoment.objects.count()
    page = page_factory("phone")
    login(page, "staff")
    page.goto(reverse("contacts:quick", args=[_family("De Vries").pk]))
    text = ("Vertelde uitgebreid over het weekend bij opa en oma in Zeeland. " * 9)[:520]
    summary = page.get_by_label("Eén zin (mag leeg blijven)")
    summary.fill(text)
    expect(summary).to_have_value(text)  # nothing is cut off silently
    expect(page.locator("#id_summary-count")).to_contain_text("20 tekens te veel")
    page.get_by_text("Positief", exact=True).click()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text(re.compile("niet meer dan 500 tekens"))).to_be_visible()
    expect(page.get_by_label("Eén zin (mag leeg blijven)")).to_have_value(text)
    assert ContactMoment.objects.count() == before
    _assert_fits(page, 390)
    assert_accessible(page)
    screenshot(page, "quick-contact-too-long-phone")


def test_the_checklist_use_table_fits_a_phone_and_a_tablet(demo, page_factory):
    for viewport, width in (("phone", 390), ("tablet", 820)):
        page = page_factory(viewport)
        login(page, "coordinator")
        page.goto(reverse("contacts:coverage"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Gebruik van de succesfactoren")
        first = page.locator(".coverage-member").first
        # All ten themes of a staff member are on the screen, none cut off.
        expect(first.locator(".coverage-theme")).to_have_count(10)
        for theme in first.locator(".coverage-theme").all():
            box = theme.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
        _assert_fits(page, width)
        assert_accessible(page)
        screenshot(page, f"checklist-use-{viewport}")

    # A laptop still has the cards, three in a row; a wide screen all staff in one table, every theme a column.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".coverage-member").first).to_be_visible()
    _assert_fits(page, 1280)
    screenshot(page, "checklist-use-laptop")
    page.set_viewport_size({"width": 1440, "height": 900})
    table = page.locator("table.coverage-team")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_count(12)
    _assert_fits(page, 1440)
    assert_accessible(page)
    screenshot(page, "checklist-use-wide")
