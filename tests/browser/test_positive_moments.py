"""Issue 17 part C in the browser: a staff member shares a positive moment from the staff home in two taps (the
child's button, a sentence, "Share"), and the parent reads it on a phone in the portal; the parent's agreement
shows its plan in pictures; the staff pick the pictures in the agreement form. Every page passes axe."""

import pytest
from playwright.sync_api import expect

from agreements.models import Agreement
from families.models import Family
from moments.models import Moment
from tests.browser.conftest import assert_accessible, login, logout, screenshot

MOMENT = "Noah heeft vandaag de hele kring een liedje voorgezongen."


@pytest.mark.parametrize("viewport", ["phone", "tablet"])
def test_staff_share_a_moment_in_two_taps_and_the_parent_reads_it_on_a_phone(demo, page_factory, viewport):
    staff = page_factory(viewport)
    login(staff, "staff")
    # The staff home, the tablet at the door: each child of a family card has its button.
    expect(staff.get_by_role("heading", name="Mijn gezinnen")).to_be_visible()
    screenshot(staff, f"moments-staff-home-{viewport}")
    staff.get_by_role("link", name="Positief moment: Noah").click()  # tap 1
    expect(staff.get_by_role("heading", name="Een positief moment van Noah")).to_be_visible()
    staff.get_by_label("Wat ging er goed?").fill(MOMENT)
    assert_accessible(staff)
    screenshot(staff, f"moments-share-{viewport}")
    staff.get_by_role("button", name="Delen met de ouders").click()  # tap 2
    expect(staff.get_by_text("Gedeeld met de ouders van Noah.")).to_be_visible()
    expect(staff.get_by_role("heading", name="Mijn gezinnen")).to_be_visible()
    moment = Moment.objects.get(text=MOMENT, family__name="De Vries")
    # The family's page of moments, for the team: what was shared, and a button per child to share another.
    staff.goto(f"/families/{moment.family_id}/moments/")
    expect(staff.get_by_text(MOMENT)).to_be_visible()
    expect(staff.get_by_role("link", name="Deel een moment van Noah")).to_be_visible()
    assert_accessible(staff)
    screenshot(staff, f"moments-family-{viewport}")
    logout(staff)

    parent = page_factory("phone")
    login(parent, "parent")
    moments = parent.get_by_role("region", name="Positieve momenten")
    expect(moments.get_by_text(MOMENT)).to_be_visible()
    assert_accessible(parent)
    screenshot(parent, f"moments-portal-home-{viewport}")
    parent.get_by_role("link", name="Alle positieve momenten").click()
    expect(parent.get_by_role("heading", name="Positieve momenten", level=1)).to_be_visible()
    expect(parent.get_by_text(MOMENT)).to_be_visible()
    # Nothing wider than the phone's screen.
    assert parent.evaluate("document.documentElement.scrollWidth") <= 390
    for image in parent.locator("img.moment-photo").all():
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert_accessible(parent)
    screenshot(parent, f"moments-portal-list-{viewport}")


def test_the_parent_sees_the_agreement_in_pictures_on_a_phone(demo, page_factory):
    family = Family.objects.get(name="De Vries")
    agreement = Agreement.objects.filter(family=family).order_by("pk").first()
    assert agreement.current.parents_pictograms, "the demo gives the parent's first agreement pictograms"
    page = page_factory("phone")
    login(page, "parent")
    page.goto(f"/portal/agreements/{agreement.pk}/")
    expect(page.get_by_role("img", name="Brengen en halen").first).to_be_visible()
    expect(page.get_by_text("Dit doen de ouders").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    screenshot(page, "pictograms-portal-agreement-phone")


def test_staff_pick_pictograms_in_the_agreement_form_on_a_phone(demo, page_factory):
    family = Family.objects.get(name="De Vries")
    agreement = Agreement.objects.filter(family=family).order_by("pk").first()
    page = page_factory("phone")
    login(page, "staff")
    page.goto(f"/families/{family.pk}/agreements/{agreement.pk}/edit/")
    group = page.get_by_role("group", name="In plaatjes: dit doet het kind")
    group.get_by_text("Rustig hoekje").click()
    expect(group.get_by_role("checkbox", name="Rustig hoekje")).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    screenshot(page, "pictograms-agreement-form-phone")


def test_the_coordinator_sees_the_balance_of_positive_moments_on_the_health_page(demo, page_factory):
    # A family that went quiet heard nothing positive from the group for over a month: attention, never more.
    family = Family.objects.get(name="Tesfay")
    page = page_factory("phone")
    login(page, "coordinator")
    page.goto(f"/families/{family.pk}/health/")
    signal = page.get_by_role("listitem").filter(has=page.locator("strong", has_text="Positieve momenten"))
    expect(signal).to_be_visible()
    expect(signal.get_by_text("Er is nog geen positief moment met de ouders gedeeld.")).to_be_visible()
    expect(signal.get_by_role("link", name="Deel een positief moment")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "moments-health-signal-phone")
