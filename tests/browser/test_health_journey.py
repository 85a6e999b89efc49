"""Relationship health in the browser, as coordinator: the dashboard shows the demo families with a spread of
statuses; a family's page shows each signal's reason; logging a contact clears the contact signal; the CSV
holds the filtered rows. Every page passes axe."""

import csv
import io
import re

from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login, screenshot


def test_coordinator_reads_the_dashboard_acts_on_a_signal_and_exports(demo, page_factory):
    call_command("snapshot_health", stdout=io.StringIO())
    page = page_factory("tablet")
    login(page, "coordinator")
    page.goto("/health/")
    assert_accessible(page)
    screenshot(page, "health-dashboard-tablet")
    counts = {
        label: int(page.locator(".card", has=page.locator(f".badge:text-is('{label}')")).locator(".fs-4").inner_text())
        for label in ("Goed", "Aandacht", "Actie nodig")
    }
    assert all(counts.values()), counts  # a realistic spread: some of each

    page.get_by_label("Signaal").select_option(label="Contact met de ouders")
    page.get_by_role("button", name="Filteren").click()
    first = page.locator("ul.list-group > li").first
    name = first.locator("a.fw-semibold").inner_text()
    reason = first.get_by_text(re.compile(r"Laatste contact met een ouder \d+ dagen geleden")).first
    expect(reason).to_be_visible()
    first.locator("a.fw-semibold").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith(name)
    expect(page.get_by_text(re.compile(r"Laatste contact met een ouder \d+ dagen geleden"))).to_be_visible()
    expect(page.locator("svg.health-chart")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "health-family-tablet")

    page.get_by_role("link", name="Contact vastleggen").first.click()
    page.get_by_text("Positief", exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    page.goto(page.url.split("/contacts/")[0] if "/contacts/" in page.url else page.url)
    page.get_by_role("link", name="Relatie-gezondheid", exact=True).first.click()
    expect(page.get_by_text("Laatste contact met een ouder 0 dagen geleden.")).to_be_visible()

    page.goto("/health/?status=2")
    shown = page.locator("ul.list-group > li a.fw-semibold").all_inner_texts()
    response = page.request.get("/health/export.csv?status=2")
    assert response.status == 200 and "text/csv" in response.headers["content-type"]
    rows = list(csv.reader(io.StringIO(response.body().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Gezin", "Status"]
    assert [row[0] for row in rows[1:]] == shown
    assert all(row[1] == "Actie nodig" for row in rows[1:])

    page.goto("/reminders/")
    assert_accessible(page)
