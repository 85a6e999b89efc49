"""The strict Content-Security-Policy in a real browser: every role's main pages, and the Django admin, load and
work with no violation. The browser reports each blocked inline script, style or handler as a
`securitypolicyviolation` event and a "Refused to ..." console error; both are collected on every page.

Checked by hand once (see the task's report): an inline <script> added to base.html fails every test here."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Role
from agreements.models import Agreement, Status
from families.models import Family
from tests.browser.conftest import DEMO_PASSWORD, login

# Runs in every document before its own scripts, so that nothing blocked while the page loads is missed.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`
    + (event.sample ? ` (${event.sample})` : "")
  );
});
"""


class PolicyWatch:
    """Opens pages in one tab and keeps every policy violation and policy error the browser reported."""

    def __init__(self, page):
        self.page = page
        self.problems = []
        self.visited = 0
        page.context.add_init_script(COLLECT_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message):
        text = message.text
        blocked = message.type == "error" and ("Refused to" in text or "Content Security Policy" in text)
        # "Permissions-Policy" in a message: the header names a feature the browser does not know.
        if blocked or "Permissions-Policy" in text:
            self.problems.append(f"{self.page.url}: console: {text}")

    def collect(self):
        """The violations of the document now open (the list starts empty in every new document)."""
        self.page.wait_for_load_state("load")
        # The browser queues the violation events as tasks; one animation frame lets the last ones run.
        found = self.page.evaluate(
            "() => new Promise((done) => requestAnimationFrame(() => done(window.__cspViolations || [])))"
        )
        self.problems += [f"{self.page.url}: {violation}" for violation in found]

    def visit(self, path, *, expect_status=200):
        response = self.page.goto(path)
        assert response.status == expect_status, f"{path} answered {response.status}"
        self.visited += 1
        self.collect()

    def assert_clean(self, at_least):
        assert self.visited >= at_least
        assert not self.problems, "\n".join(self.problems)


@pytest.fixture
def demo_ids(demo):
    family = Family.objects.get(organisation=demo, name="De Vries")
    agreement = Agreement.objects.filter(family=family).exclude(status=Status.DRAFT).order_by("pk").first()
    assert agreement is not None, "the demo's De Vries family has an agreement that is not a draft"
    return {"family": family.pk, "agreement": agreement.pk}


def staff_pages(ids):
    family = {"pk": ids["family"]}
    return [
        reverse("families:mine"),
        reverse("families:list"),
        reverse("families:detail", kwargs=family),
        reverse("contacts:quick", kwargs=family),
        reverse("contacts:choose", kwargs=family),
        reverse("contacts:create", kwargs={**family, "kind": "home_visit"}),
        reverse("intakes:create", kwargs=family),
        reverse("agreements:create", kwargs=family),
        reverse("agreements:detail", kwargs={**family, "agreement_pk": ids["agreement"]}),
        reverse("agreements:print", kwargs={**family, "agreement_pk": ids["agreement"]}),
        reverse("health:family", kwargs=family),
        reverse("health:reminders"),
        reverse("contacts:coverage"),
        reverse("accounts:password_change"),
    ]


def test_staff_pages_work_under_the_policy(demo, demo_ids, page_factory):
    page = page_factory("phone")
    watch = PolicyWatch(page)
    login(page, "staff")
    watch.collect()
    for path in staff_pages(demo_ids):
        watch.visit(path)
    # Scripts at work: Bootstrap's menu on a phone, and the checklist that follows the chosen tone.
    page.get_by_role("button", name="Menu tonen").click()
    page.locator("#main-nav.show").wait_for()
    watch.visit(reverse("contacts:create", kwargs={"pk": demo_ids["family"], "kind": "home_visit"}))
    page.get_by_text("Gespannen", exact=True).click()
    watch.collect()
    watch.assert_clean(at_least=len(staff_pages(demo_ids)))


def test_coordinator_pages_work_under_the_policy(demo, demo_ids, page_factory):
    page = page_factory("tablet")
    watch = PolicyWatch(page)
    login(page, "coordinator")
    watch.collect()
    family = {"pk": demo_ids["family"]}
    paths = [
        reverse("health:dashboard"),
        reverse("health:family", kwargs=family),
        reverse("families:detail", kwargs=family),
        reverse("families:history", kwargs=family),
        reverse("successfactors:items"),
        reverse("successfactors:item_add"),
        reverse("intakes:questions"),
        reverse("intakes:question_add"),
        reverse("organisations:overview"),
        reverse("agreements:detail", kwargs={**family, "agreement_pk": demo_ids["agreement"]}),
    ]
    for path in paths:
        watch.visit(path)
    watch.assert_clean(at_least=len(paths))


def test_organisation_admin_pages_work_under_the_policy(demo, page_factory):
    page = page_factory("tablet")
    watch = PolicyWatch(page)
    login(page, "admin")
    watch.collect()
    for path in (reverse("organisations:overview"), reverse("families:list"), reverse("health:dashboard")):
        watch.visit(path)
    watch.assert_clean(at_least=3)


def test_parent_pages_work_under_the_policy(demo, demo_ids, page_factory):
    page = page_factory("phone")
    watch = PolicyWatch(page)
    login(page, "parent")
    watch.collect()
    paths = [
        reverse("portal:home"),
        reverse("portal:agreement", kwargs={"agreement_pk": demo_ids["agreement"]}),
        reverse("portal:feedback"),
        reverse("portal:ask"),
        reverse("portal:language"),
    ]
    for path in paths:
        watch.visit(path)
    watch.assert_clean(at_least=len(paths))


def test_pages_before_signing_in_work_under_the_policy(demo, page_factory):
    page = page_factory("phone")
    watch = PolicyWatch(page)
    for path in (reverse("accounts:login"), reverse("accounts:password_reset")):
        watch.visit(path)
    watch.visit("/portal/welcome/MQ/expired-token/", expect_status=410)
    # A wrong password shows the form again with its errors.
    login(page, "staff", password="not-the-password")
    watch.collect()
    watch.assert_clean(at_least=3)


def test_django_admin_works_under_the_policy(demo, demo_ids, page_factory):
    get_user_model().objects.create_superuser(
        username="support", email="support@example.org", password=DEMO_PASSWORD, role=Role.ADMIN, organisation=demo
    )
    page = page_factory("tablet")
    watch = PolicyWatch(page)
    login(page, "support")
    watch.collect()
    paths = [
        "/admin/",
        "/admin/families/family/",
        f"/admin/families/family/{demo_ids['family']}/change/",
        "/admin/accounts/user/",
        "/admin/agreements/agreement/",
        f"/admin/agreements/agreement/{demo_ids['agreement']}/change/",
    ]
    for path in paths:
        watch.visit(path)
    # The change list's search and the admin's own scripts (actions, theme toggle) at work.
    page.goto("/admin/families/family/")
    page.locator("#searchbar").fill("Vries")
    page.locator("#changelist-search input[type=submit]").click()
    watch.collect()
    watch.assert_clean(at_least=len(paths))
