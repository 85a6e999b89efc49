"""Every page, as every role, on a phone (390 px) and a laptop (1280 px): nothing wider than the window, every
tap target at least 24 x 24 px (WCAG 2.2 target size, axe's rule) and no other axe violation.

The pages are the access matrix's (tests/access_matrix.py): each URL a role may open (200), in the test world
(tests/conftest.py), read with the test client first so only HTML pages go to the browser (not the CSV
downloads). A failing test lists every page that failed, with why."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.access_matrix import MATRIX
from tests.browser.conftest import AXE_OPTIONS

WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
ROLES = ("parent", "staff", "coordinator", "admin")


def _pages_for(role, world, client) -> list[tuple[str, str]]:
    client.force_login(world.users[role])
    pages = []
    for name, (kwargs, expected) in sorted(MATRIX.items()):
        if expected[role] != 200 or name.startswith("admin:"):
            continue
        url = reverse(name, kwargs=kwargs(world))
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages.append((name, url))
    return pages


def _problems(page) -> list[str]:
    problems = []
    width = page.evaluate("window.innerWidth")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        wide = page.evaluate(
            """(width) => Array.from(document.querySelectorAll('body *'))
                .filter((e) => e.getBoundingClientRect().right > width + 1 && e.getBoundingClientRect().width > 0)
                .slice(-3).map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""",
            width,
        )
        problems.append(f"{scroll_width} px wide in a {width} px window ({', '.join(wide)})")
    results = Axe().run(page, options=AXE_OPTIONS)
    for violation in results.response["violations"]:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        problems.append(f"axe {violation['id']}: {', '.join(targets)}")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_fits_the_window_and_passes_axe(role, width, world, browser, live_server):
    pages = _pages_for(role, world, Client())
    assert len(pages) >= 5, pages  # the walk found the role's pages
    client = Client()
    client.force_login(world.users[role])
    context = browser.new_context(
        viewport=WIDTHS[width], base_url=live_server.url, locale="nl-NL", reduced_motion="reduce"
    )
    context.set_default_timeout(15_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    failed = {}
    try:
        for name, url in pages:
            page.goto(url)
            page.wait_for_load_state()
            problems = _problems(page)
            if problems:
                failed[f"{name} {url}"] = problems
    finally:
        context.close()
    assert not failed, "\n".join(f"{page}: {'; '.join(problems)}" for page, problems in failed.items())
