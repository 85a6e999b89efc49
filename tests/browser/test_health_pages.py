"""The calm health pages on a phone and a tablet, as the demo coordinator: the dashboard with its legend, a
family's health page (chart with dates and legend, feedback per caregiver, marking a signal as seen and undoing
it), and the children without a mentor, from the list to a chosen mentor. No page is wider than the screen,
every page passes axe."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot


def _fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


@pytest.mark.parametrize("viewport", ["phone", "tablet"])
def test_coordinator_reads_the_calm_dashboard_and_a_familys_health(demo, page_factory, viewport):
    call_command("snapshot_health", stdout=io.StringIO())
    page = page_factory(viewport)
    login(page, "coordinator")
    page.goto("/health/")
    expect(page.get_by_role("heading", name="Hoe de status tot stand komt")).to_be_visible()
    expect(page.get_by_text("Het zwaarste signaal beslist.")).to_be_visible()
    assert page.get_by_text("Zorg", exact=True).count() == 0
    _fits(page)
    assert_accessible(page)
    screenshot(page, f"health-dashboard-calm-{viewport}")

    page.get_by_role("link", name="Rodríguez", exact=True).click()
    header = page.get_by_role("heading", level=1)
    expect(header).to_contain_text("Actie nodig")
    expect(page.get_by_text(re.compile(r"Lage scores in de laatste feedback van de ouders"))).to_be_visible()
    chart = page.locator("svg.health-chart")
    expect(chart).to_be_visible()
    assert chart.locator("text").count() == 7  # a date every two weeks
    assert "bar-2" in chart.locator("rect").last.get_attribute("class")
    expect(page.get_by_label("Legenda").get_by_text("Actie nodig")).to_be_visible()
    _fits(page)
    assert_accessible(page)
    screenshot(page, f"health-family-calm-{viewport}")


def test_a_coordinator_marks_a_signal_as_seen_and_undoes_it(demo, page_factory):
    page = page_factory("phone")
    login(page, "coordinator")
    page.goto("/health/?signal=contact")
    page.locator("ul.list-group > li a.fw-semibold").first.click()
    page.get_by_label("Gezien: waarom nu geen actie nodig is").first.fill("Vader is twee weken op reis; mentor belt.")
    page.get_by_role("button", name=re.compile("Markeren als gezien")).first.click()
    seen = page.locator(
        "section", has=page.get_by_role("heading", name="Gemarkeerd als gezien en tijd gegeven (afgelopen 90 dagen)")
    )
    expect(seen.get_by_text("Vader is twee weken op reis; mentor belt.")).to_be_visible()
    expect(seen.get_by_text("Marieke van den Berg")).to_be_visible()
    _fits(page)
    assert_accessible(page)
    screenshot(page, "health-family-acknowledged-phone")
    seen.get_by_role("button", name=re.compile("Ongedaan maken")).click()
    expect(page.get_by_text("Ongedaan gemaakt: het signaal telt weer mee.")).to_be_visible()
    expect(seen.get_by_text(re.compile("Ongedaan gemaakt door Marieke van den Berg"))).to_be_visible()
    expect(seen.get_by_text("Vader is twee weken op reis; mentor belt.")).to_be_visible()


def test_a_coordinator_gives_the_new_child_a_mentor_from_the_list(demo, page_factory):
    page = page_factory("phone")
    login(page, "coordinator")
    page.goto("/health/")
    page.get_by_role("link", name="Kinderen zonder mentor").click()
    expect(page.get_by_text("Sara Benali", exact=True)).to_be_visible()
    _fits(page)
    assert_accessible(page)
    screenshot(page, "health-without-mentor-phone")
    page.get_by_role("link", name=re.compile("Kies een mentor")).click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(re.compile("Kies een mentor: elk geplaatst kind heeft er een"))).to_be_visible()
    page.get_by_label("Mentor").select_option(label="Sanne de Boer")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    page.goto("/health/without-mentor/")
    expect(page.get_by_text("Elk kind in jouw groepen heeft een mentor.")).to_be_visible()
