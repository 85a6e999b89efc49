"""The reports in Chromium, as the demo coordinator: at a phone's width (390 px), a tablet's (820 px) and a laptop's
(1280 px) the page shows the demo's figures (each table as the selectors compute it, the contacts per family also
against the test's own query), nothing is wider than the window, axe finds nothing; the print view hides the
navigation; a figure downloads as CSV."""

import csv
import io
import re
from pathlib import Path

from django.db.models import Q
from django.utils.translation import override
from playwright.sync_api import expect

from accounts.models import User
from contacts.models import ContactMoment
from families.models import Placement
from reports.figures import report_figures
from reports.selectors import add_months, default_period, report_scope
from tests.browser.conftest import assert_accessible, login, screenshot

CELLS = """(part) => [...part.querySelectorAll("tbody tr")].map((row) => [...row.querySelectorAll("td")].map(
    (cell) => cell.querySelector("[aria-hidden]") ? null : cell.textContent.trim()))"""


def _no_overflow(page):
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"


def _expected():
    coordinator = User.objects.get(username="coordinator")
    with override("nl"):
        first, last = default_period()
        scope = report_scope(coordinator, first=first, last=last)
        return scope, {
            (figure.name, part.location.pk): [row["cells"] for row in part.rows]
            for figure in report_figures(scope)
            for part in figure.parts
        }


def _contacts_per_family(location, month) -> tuple[int, int]:
    """The demo's contacts and families of a location in a month, counted by the test itself."""
    end = add_months(month, 1)
    placed = Placement.objects.filter(group__location=location, start_date__lt=end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=month)
    )
    families = set(placed.values_list("child__family_id", flat=True))
    contacts = ContactMoment.objects.filter(
        family__in=families, occurred_at__date__gte=month, occurred_at__date__lt=end
    ).count()
    return contacts, len(families)


def _check_figures(page, scope, expected):
    assert len(expected) == 6 * len(scope.locations)
    for (name, location), cells in expected.items():
        part = page.locator(f'[data-figure="{name}"][data-location="{location}"]')
        expect(part.locator("svg[role=img]")).to_be_visible()
        assert part.evaluate(CELLS) == cells, name
    # The demo has figures to show, not just empty months.
    for name in ("contacts", "agreed", "feedback", "checklist", "messages"):
        assert any(cell for (figure, _), rows in expected.items() if figure == name for row in rows for cell in row)


def test_the_demo_coordinator_reads_the_reports_on_a_phone_a_tablet_and_a_laptop(
    demo, browser, live_server, page_factory
):
    scope, expected = _expected()
    last_month = add_months(scope.last, -1)
    for location in scope.locations:
        contacts, families = _contacts_per_family(location, last_month)
        row = expected[("contacts", location.pk)][-2]
        assert row[:2] == [str(contacts), str(families)] and contacts > 0

    phone = page_factory("phone")
    login(phone, "coordinator")
    phone.goto("/reports/")
    expect(phone.get_by_role("heading", name="Rapportages", level=1)).to_be_visible()
    _check_figures(phone, scope, expected)
    _no_overflow(phone)
    assert_accessible(phone)
    screenshot(phone, "reports-phone")

    tablet = page_factory("tablet")
    login(tablet, "coordinator")
    tablet.goto("/reports/")
    _no_overflow(tablet)
    screenshot(tablet, "reports-tablet")

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, locale="nl-NL", reduced_motion="reduce"
    )
    try:
        laptop = context.new_page()
        login(laptop, "coordinator")
        laptop.get_by_role("button", name="Cijfers").click()
        laptop.get_by_role("link", name="Rapportages").click()
        expect(laptop.get_by_role("heading", name="Rapportages", level=1)).to_be_visible()
        _check_figures(laptop, scope, expected)
        _no_overflow(laptop)
        assert_accessible(laptop)
        screenshot(laptop, "reports-laptop")

        one = scope.locations[0]
        laptop.get_by_label("Locatie", exact=True).select_option(label=one.name)
        laptop.get_by_role("button", name="Tonen").click()
        expect(laptop.locator(f'[data-location="{scope.locations[1].pk}"]')).to_have_count(0)
        expect(laptop.locator(f'[data-figure="contacts"][data-location="{one.pk}"]')).to_be_visible()

        with laptop.expect_download() as download:
            laptop.locator("#figure-contacts").get_by_role("link", name=re.compile("^CSV downloaden")).click()
        rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig")), delimiter=";"))
        assert rows[0] == ["Locatie", "Maand", "Contacten", "Gezinnen", "Per gezin"]
        assert {row[0] for row in rows[1:]} == {one.name} and len(rows) == 13

        laptop.emulate_media(media="print")
        expect(laptop.locator("header nav")).to_be_hidden()
        expect(laptop.get_by_role("button", name="Afdrukken")).to_be_hidden()
        expect(laptop.locator('[data-figure="feedback"] svg[role=img]').first).to_be_visible()
        screenshot(laptop, "reports-print")
    finally:
        context.close()
