"""Parents in their own language, in the browser (issue 15): a parent on a phone in Arabic logs in, reads an
agreement, gives akkoord, reacts, gives feedback and asks for a conversation, right to left and accessible; the
read-aloud buttons hand the browser's speech synthesis (replaced here by a recorder) the block's text in its
language, and hide where the browser has no voice for it."""

import re

from django.conf import settings
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot

# The browser's speech synthesis replaced by a recorder: it keeps what it was asked to say, in which language.
RECORDER = """
(() => {
  const listeners = [];
  window.__spoken = [];
  window.__voices = %s;
  const synthesis = {
    getVoices: () => window.__voices,
    speak: (utterance) => window.__spoken.push({text: utterance.text, lang: utterance.lang}),
    cancel: () => { window.__cancelled = (window.__cancelled || 0) + 1; },
    addEventListener: (type, listener) => { if (type === "voiceschanged") listeners.push(listener); },
  };
  window.__setVoices = (voices) => { window.__voices = voices; listeners.forEach((listener) => listener()); };
  Object.defineProperty(window, "speechSynthesis", {value: synthesis, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; this.voice = null; };
})();
"""
ARABIC_AND_DUTCH = '[{"lang": "ar-SA", "name": "Arabic"}, {"lang": "nl-NL", "name": "Dutch"}]'


def _parent_in(demo, language):
    from families.models import Caregiver

    caregiver = Caregiver.objects.select_related("family").get(user__username="parent")
    caregiver.preferred_language = language
    caregiver.save(update_fields=["preferred_language"])
    return caregiver


def _agreement_waiting_for(caregiver):
    """A new agreement for the demo parent's family, proposed by the child's mentor."""
    from tests import factories as f

    child = caregiver.family.children.first()
    return f.proposed_agreement(
        family=caregiver.family,
        by=child.mentor,
        child=child,
        title="Fruit in de ochtend",
        goal="Noah eet 's ochtends een stuk fruit mee.",
        parents_do="Een bakje fruit meegeven.",
    )


def _spoken(page):
    return page.evaluate("window.__spoken")


def _text_of(page, selector):
    return " ".join(page.locator(selector).inner_text().split())


def test_a_parent_in_arabic_reads_agrees_reacts_gives_feedback_and_asks_for_a_conversation(demo, page_factory):
    caregiver = _parent_in(demo, "ar")
    agreement = _agreement_waiting_for(caregiver)
    from portal.models import PartnershipFeedback

    PartnershipFeedback.objects.filter(caregiver=caregiver).delete()
    page = page_factory("phone")
    login(page, "parent")  # the login page is in the browser's language; the portal in the parent's own
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.locator('link[href$="bootstrap.rtl.min.css"]').count() == 1
    assert_accessible(page)
    screenshot(page, "portal-home-ar-phone")

    page.locator(f'a[href="/portal/agreements/{agreement.pk}/"]').first.click()
    expect(page.get_by_text("Noah eet 's ochtends een stuk fruit mee.")).to_be_visible()
    # The agreement's text keeps the language staff wrote it in; the page says so and offers an interpreter.
    expect(page.locator('dd[lang="nl"]').first).to_be_visible()
    expect(page.locator('a[href="/portal/ask-for-a-conversation/?interpreter=1"]').first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "portal-agreement-ar-phone")
    page.locator("#id_text").fill("فكرة جيدة! يحب التفاح.")
    page.locator(f'form[action="/portal/agreements/{agreement.pk}/react/"] button[type="submit"]').click()
    expect(page.locator(".alert-success")).to_be_visible()
    page.locator(f'form[action="/portal/agreements/{agreement.pk}/agree/"] button[type="submit"]').click()
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.get_by_text("فكرة جيدة! يحب التفاح.")).to_be_visible()
    assert_accessible(page)

    page.goto("/portal/how-it-goes/")
    for label in page.locator('.feedback-question label[for$="_3"]').all():  # the 4th face: "mostly"
        label.click()
    page.locator("#id_remark").fill("شكرا")
    assert_accessible(page)
    screenshot(page, "portal-feedback-ar-phone")
    page.locator('form.feedback button[type="submit"]').click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert PartnershipFeedback.objects.get(caregiver=caregiver).competentie == 4

    page.goto("/portal/ask-for-a-conversation/?interpreter=1")
    expect(page.locator("#id_interpreter_wanted")).to_be_checked()
    page.locator("#id_text").fill("أريد أن أتحدث عن النوم.")
    assert_accessible(page)
    page.locator('main form button[type="submit"]').click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert_accessible(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{width} px wide on a 390 px phone"


def test_the_portal_in_arabic_passes_axe_on_a_phone_and_a_tablet(demo, page_factory):
    _parent_in(demo, "ar")
    for device in ("phone", "tablet"):
        page = page_factory(device)
        login(page, "parent")
        for url in ("/portal/", "/portal/messages/", "/portal/messages/new/", "/portal/language/", "/accounts/me/"):
            page.goto(url)
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
            assert_accessible(page)
            assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], url
        screenshot(page, f"portal-language-ar-{device}")


def test_read_aloud_gives_a_question_to_the_speech_synthesis_in_the_pages_language(demo, page_factory):
    _parent_in(demo, "ar")
    page = page_factory("phone")
    page.add_init_script(RECORDER % ARABIC_AND_DUTCH)
    login(page, "parent")
    page.goto("/portal/how-it-goes/")
    button = page.locator('[data-read-aloud-for="relatie-question"]')
    expect(button).to_be_visible()
    button.click()
    assert _spoken(page) == [{"text": _text_of(page, "#relatie-question"), "lang": "ar"}]
    assert _spoken(page)[0]["text"]


def test_read_aloud_reads_text_staff_wrote_with_a_dutch_voice_and_the_labels_in_the_pages_language(demo, page_factory):
    caregiver = _parent_in(demo, "ar")
    agreement = _agreement_waiting_for(caregiver)
    page = page_factory("phone")
    page.add_init_script(RECORDER % ARABIC_AND_DUTCH)
    login(page, "parent")
    page.goto(f"/portal/agreements/{agreement.pk}/")
    page.locator('[data-read-aloud-for="agreement-text"]').click()
    spoken = _spoken(page)
    assert {"text": "Noah eet 's ochtends een stuk fruit mee.", "lang": "nl"} in spoken
    assert {"text": "Een bakje fruit meegeven.", "lang": "nl"} in spoken
    labels = [item for item in spoken if item["lang"] == "ar"]
    assert labels and all(item["text"] not in agreement.current.goal for item in labels)
    # In reading order: the first label, then the goal.
    assert spoken.index({"text": "Noah eet 's ochtends een stuk fruit mee.", "lang": "nl"}) == 1


def test_read_aloud_is_hidden_without_a_voice_for_the_language_and_appears_when_one_arrives(demo, page_factory):
    _parent_in(demo, settings.LANGUAGE_CODE)
    page = page_factory("phone")
    page.add_init_script(RECORDER % '[{"lang": "en-US", "name": "English"}]')
    login(page, "parent")
    button = page.locator('[data-read-aloud-for="portal-intro"]')
    expect(button).to_be_hidden()
    page.evaluate('window.__setVoices([{"lang": "nl-NL", "name": "Dutch"}])')  # the voiceschanged event
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_text(re.compile("Stop met voorlezen"))
    assert _spoken(page) == [{"text": _text_of(page, "#portal-intro"), "lang": "nl"}]
    button.click()  # a second tap stops
    expect(button).to_have_text(re.compile("Voorlezen"))
    assert page.evaluate("window.__cancelled") >= 2


def test_read_aloud_stays_hidden_in_a_browser_without_speech_synthesis(demo, page_factory):
    _parent_in(demo, settings.LANGUAGE_CODE)
    page = page_factory("phone")
    page.add_init_script('Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});')
    login(page, "parent")
    expect(page.locator('[data-read-aloud-for="portal-intro"]')).to_be_hidden()
    assert_accessible(page)


def test_the_feedback_scale_has_tap_targets_of_44_px_and_fits_a_phone(demo, page_factory):
    _parent_in(demo, settings.LANGUAGE_CODE)
    from portal.models import PartnershipFeedback

    PartnershipFeedback.objects.all().delete()
    page = page_factory("phone")
    login(page, "parent")
    page.goto("/portal/how-it-goes/")
    options = page.locator(".feedback-question .scale-option")
    expect(options).to_have_count(25)
    for box in (options.nth(n).bounding_box() for n in range(25)):
        assert box["width"] >= 44 and box["height"] >= 44, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator('label[for="id_relatie_4"]').click()
    expect(page.locator("#id_relatie_4")).to_be_checked()
    assert_accessible(page)
    screenshot(page, "portal-feedback-nl-phone")


def test_staff_see_the_parents_languages_beside_what_they_write_for_them(demo, page_factory):
    from families.models import Family

    caregiver = _parent_in(demo, "ar")
    Family.objects.filter(pk=caregiver.family_id).update(interpreter_needed=True)
    page = page_factory("tablet")
    login(page, "staff")
    page.goto(f"/families/{caregiver.family_id}/agreements/new/")
    aside = page.locator("aside.parent-languages")
    expect(aside).to_contain_text("De ouders lezen dit in het ouderportaal")
    expect(aside).to_contain_text("Eva: Arabisch")
    expect(aside).to_contain_text("tolk nodig")
    assert_accessible(page)
    screenshot(page, "staff-agreement-form-languages-tablet")
