"""Security headers on every response, and pages that work under the strict Content-Security-Policy: no inline
script, style or event handler anywhere, because the policy blocks them (and an injected one with them)."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse

from tests.access_matrix import MATRIX, ROLES
from tests.test_access_matrix import sign_in

pytestmark = pytest.mark.django_db

EXPECTED_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().partition(" ")[::2] for part in policy.split(";") if part.strip())


def assert_security_headers(response):
    assert directives(response) == EXPECTED_DIRECTIVES
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert "interest-cohort" not in permissions
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_a_signed_in_page_carries_the_security_headers(world, client_for):
    response = client_for("staff").get(reverse("families:detail", args=[world.family.pk]))
    assert response.status_code == 200
    assert_security_headers(response)


def test_the_login_page_carries_the_security_headers(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_page_not_found_carries_the_security_headers(world, client_for):
    response = client_for("staff").get("/families/999999999/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_the_health_check_carries_the_security_headers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert_security_headers(response)


@override_settings(DEBUG=True)
def test_the_policy_is_sent_with_debug_on_as_well(client):
    """`make run` shows the headers (DESIGN.md section 7)."""
    response = client.get(reverse("accounts:login"))
    assert_security_headers(response)


def test_a_refused_form_of_another_tab_carries_the_headers_and_a_page_without_inline_style(world):
    """Django's own CSRF failure page styles itself inline; the project's 403_csrf.html replaces it."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "staff", "password": "x"})
    assert response.status_code == 403
    assert_security_headers(response)
    assert inline_code(response.content.decode()) == []


# --- No inline code on any page --------------------------------------------------------------------------------


URL_ATTRIBUTES = ("href", "src", "action", "formaction")


class InlineCodeFinder(HTMLParser):
    """What the policy would block: a script with a body (a JSON data block is not run, so it may stay), a style
    element, a style attribute, an on...= handler and a javascript: URL."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if tag == "script":
            self._script = attributes
        for name, value in attrs:
            javascript_url = name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:")
            if name == "style" or name.startswith("on") or javascript_url:
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None and data.strip() and self._script.get("type") != "application/json":
            self.found.append(f"<script>{data.strip()[:60]}")


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def test_the_inline_code_finder_finds_what_the_policy_blocks():
    html = (
        '<script>alert(1)</script><script src="/static/a.js"></script><style>p{}</style><p style="color:red">'
        '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a>'
        '<script id="data" type="application/json">{"a": 1}</script><p>Uitleg: style="x" onclick=1</p>'
    )
    assert inline_code(html) == [
        "<script>alert(1)",
        "<style>",
        '<p style="color:red">',
        '<img onerror="alert(1)">',
        '<a href="javascript:alert(1)">',
    ]


def first_role_with_a_page(expected: dict) -> str | None:
    return next((role for role in ROLES if expected[role] == 200), None)


PAGES = sorted(name for name, (kwargs, expected) in MATRIX.items() if first_role_with_a_page(expected))


def test_every_page_of_the_matrix_is_checked():
    """A URL that answers no role with a page has no HTML to check (a redirect, a POST-only URL, a CSV)."""
    assert len(PAGES) > 50


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_inline_script_style_or_handler(name, world, client):
    kwargs, expected = MATRIX[name]
    role = first_role_with_a_page(expected)
    response = sign_in(client, world, role).get(reverse(name, kwargs=kwargs(world)))
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    if not response["Content-Type"].startswith("text/html"):
        return
    found = inline_code(response.content.decode())
    assert not found, f"{name} as {role}: {found}"


def admin_pages(world):
    """The Django admin's index and, for every registered model, its change list and a change form."""
    yield reverse("admin:index")
    objects = {
        type(obj): obj
        for obj in (world.family, world.child, world.caregiver, world.contact, world.agreement, world.intake)
    }
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        yield reverse("admin:{}_{}_changelist".format(*info))
        obj = objects.get(model) or model._default_manager.first()
        if obj is not None:
            try:
                yield reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            except NoReverseMatch:
                continue


def test_django_admin_pages_have_no_inline_script_style_or_handler(world, client):
    client.force_login(world.users["support"])
    wrong, checked = {}, 0
    for url in admin_pages(world):
        response = client.get(url)
        if response.status_code != 200:
            continue
        checked += 1
        assert "Content-Security-Policy" in response
        if found := inline_code(response.content.decode()):
            wrong[url] = found
    assert checked > 10
    assert not wrong
