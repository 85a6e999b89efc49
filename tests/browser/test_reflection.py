"""Issue 17 part D in the browser: after a tense contact, the staff member writes a private reflection from the
contact's page and finds it under "My reflections"; the coordinator sees that one was written (a count) but gets
404 on the reflection itself, as does a colleague of the same group. A staff member answers the monthly pulse.
Every page passes axe, at phone and tablet width."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from contacts.choices import Kind, Tone
from families.models import Family
from reflection.models import Reflection
from tests import factories as f
from tests.browser.conftest import assert_accessible, login, logout, screenshot

SECRET = "Ik dacht dat vader boos op mij was, maar hij was moe."


@pytest.mark.parametrize("viewport", ["phone", "tablet"])
def test_a_private_reflection_is_read_by_its_author_only(demo, page_factory, viewport):
    family = Family.objects.get(name="De Vries")
    staff = User.objects.get(username="staff")
    contact = f.ContactMomentFactory(
        family=family, author=staff, tone=Tone.TENSE, kind=Kind.PARENT_CONVERSATION, summary="Gesprek over slapen."
    )
    page = page_factory(viewport)
    login(page, "staff")
    page.goto(contact.get_absolute_url())
    expect(page.get_by_role("heading", name="Even een moment voor jezelf?")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"reflection-offer-{viewport}")
    page.get_by_role("link", name="Schrijf een persoonlijke reflectie").click()
    expect(page.get_by_role("heading", name="Persoonlijke reflectie", level=1)).to_be_visible()
    page.get_by_label("Wat nam ik aan?").fill(SECRET)
    page.get_by_label("Wat raakte me?").fill("Zijn zorg om Noah.")
    assert_accessible(page)
    screenshot(page, f"reflection-write-{viewport}")
    page.get_by_role("button", name="Reflectie opslaan").click()
    expect(page.get_by_text("Je reflectie is opgeslagen. Alleen jij kunt hem lezen.")).to_be_visible()
    expect(page.get_by_text(SECRET)).to_be_visible()
    assert_accessible(page)
    reflection_url = Reflection.objects.get(contact=contact).get_absolute_url()

    page.goto("/")
    page.get_by_role("link", name="Mijn reflecties").click()
    expect(page.get_by_role("heading", name="Mijn reflecties", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("De Vries"))).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"reflection-mine-{viewport}")
    logout(page)

    login(page, "fatima")  # a colleague in the same group, who reads the contact itself
    page.goto(contact.get_absolute_url())
    expect(page.get_by_text("Gesprek over slapen.")).to_be_visible()
    expect(page.get_by_role("link", name="Lees je persoonlijke reflectie")).to_have_count(0)
    assert page.goto(reflection_url).status == 404
    logout(page)

    login(page, "coordinator")
    assert page.goto(reflection_url).status == 404
    page.goto(contact.get_absolute_url())
    expect(page.get_by_text("Gesprek over slapen.")).to_be_visible()
    expect(page.get_by_text(SECRET)).to_have_count(0)
    page.goto("/teams/reflection-and-pulse/")
    section = page.get_by_role("region", name="Kindcentrum De Boomhut")
    this_month = section.get_by_role("row").nth(1)
    expect(this_month.get_by_role("cell").first).to_have_text("1")
    expect(section.get_by_text("Te weinig antwoorden om te tonen").first).to_be_visible()
    expect(page.get_by_text(SECRET)).to_have_count(0)
    assert_accessible(page)
    screenshot(page, f"reflection-teams-{viewport}")


def test_staff_answer_the_monthly_pulse_anonymously(demo, page_factory):
    page = page_factory("phone")
    login(page, "staff")
    page.goto("/reflections/")
    page.get_by_role("link", name="Vul de pols van deze maand in").click()
    expect(page.get_by_role("heading", name="De teampols", level=1)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "pulse-phone")
    for group in ["verbonden", "bekwaam", "eigen manier"]:
        page.get_by_role("group", name=re.compile(group)).get_by_text("4", exact=True).click()
    page.get_by_role("button", name="Anoniem versturen").click()
    expect(page.get_by_text("Dank je wel. Je antwoord is opgeslagen zonder je naam.")).to_be_visible()
    expect(page.get_by_text("Je hebt de pols van deze maand ingevuld. Dank je wel!")).to_be_visible()
    assert_accessible(page)
