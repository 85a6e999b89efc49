"""The parent as expert (issue 17): a parent on a phone fills in the page about their child in Turkish, with the
portal in Turkish, and adds the mentor's suggestion; the mentor reads it on the family page (marked as Turkish,
nothing translated) and at the group, on a tablet. axe finds nothing on any of these pages."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot

TURKISH = "Annesinin şarkısını söyleyin: Dandini dandini dastana. Sarılmayı çok sever."


def test_a_parent_writes_about_their_child_in_turkish_and_the_mentor_reads_it(demo, page_factory):
    from childpages.models import ChildPage, Suggestion, SuggestionStatus
    from families.models import Caregiver

    caregiver = Caregiver.objects.select_related("family").get(user__username="parent")
    caregiver.preferred_language = "tr"
    caregiver.save()
    child = caregiver.family.children.order_by("date_of_birth", "pk").first()

    parent = page_factory("phone")
    login(parent, "parent")
    expect(parent.locator("html")).to_have_attribute("lang", "tr")
    parent.locator(f'a[href="/portal/children/{child.pk}/"]').first.click()
    parent.wait_for_load_state()
    assert_accessible(parent)
    parent.locator("#id_language").select_option("tr")
    parent.locator('textarea[name="comfort"]').fill(TURKISH)
    parent.locator("form.child-page-form button[type=submit]").click()
    parent.wait_for_load_state()
    expect(parent.locator('textarea[name="comfort"]')).to_have_value(TURKISH)
    # The mentor's suggestion, waiting from the demo: the parent adds it to the page.
    parent.locator('button[name="decision"][value="accept"]').click()
    parent.wait_for_load_state()
    assert_accessible(parent)
    screenshot(parent, "child-page-parent-phone-tr")
    page = ChildPage.objects.get(child=child)
    assert page.comfort == TURKISH and page.language == "tr" and page.updated_by == caregiver
    assert Suggestion.objects.get(child=child).status == SuggestionStatus.ACCEPTED

    parent.goto("/portal/how-it-works-here/")
    assert_accessible(parent)
    screenshot(parent, "how-it-works-phone-tr")

    mentor = page_factory("tablet")
    login(mentor, child.mentor.username)
    mentor.goto(f"/families/{child.family_id}/#child-pages")
    section = mentor.locator("#child-pages")
    expect(section.locator('[lang="tr"]', has_text="Dandini")).to_be_visible()
    expect(section.get_by_text("Turks").first).to_be_visible()
    expect(section.get_by_text("niets automatisch vertaald")).to_be_visible()
    assert_accessible(mentor)
    group = child.placements.first().group
    mentor.goto(f"/groups/{group.pk}/children/")
    expect(mentor.get_by_text("Dandini").first).to_be_visible()
    assert_accessible(mentor)
    screenshot(mentor, "child-pages-group-tablet")
    mentor.goto(f"/families/{child.family_id}/children/{child.pk}/suggest/")
    assert_accessible(mentor)

    phone = page_factory("phone")
    login(phone, child.mentor.username)
    phone.goto(f"/groups/{group.pk}/children/")
    assert_accessible(phone)
    screenshot(phone, "child-pages-group-phone")


def test_the_how_it_works_page_in_arabic_reads_right_to_left(demo, page_factory):
    from families.models import Caregiver

    Caregiver.objects.filter(user__username="parent").update(preferred_language="ar")
    parent = page_factory("phone")
    login(parent, "parent")
    parent.goto("/portal/how-it-works-here/")
    expect(parent.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(parent)
    screenshot(parent, "how-it-works-phone-ar")
    parent.goto("/portal/")
    child_link = parent.locator('a[href^="/portal/children/"]').first
    child_link.click()
    parent.wait_for_load_state()
    assert_accessible(parent)
    screenshot(parent, "child-page-parent-phone-ar")
