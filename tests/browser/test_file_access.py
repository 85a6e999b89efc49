"""The organisation admin opens a family's file on a phone: the family list sends them to the reason form, which
refuses an empty explanation, then opens the file (docs/security.md, "Organisation admins and family files")."""

from playwright.sync_api import expect

from audit.models import AccessEvent
from families.models import Family
from tests.browser.conftest import assert_accessible, login, screenshot


def test_the_admin_states_a_reason_before_the_file_opens(demo, page_factory, live_server):
    family = Family.objects.get(organisation=demo, name="De Vries")
    page = page_factory("phone")
    login(page, "admin")
    page.goto(f"/families/{family.pk}/")
    page.wait_for_load_state()
    assert page.url.startswith(f"{live_server.url}/families/{family.pk}/open/")
    assert page.get_by_role("heading", level=1).inner_text() == "Waarom open je het dossier van De Vries?"
    assert_accessible(page)
    screenshot(page, "file-access-reason-phone")

    page.get_by_label("Een coördinator vroeg mij om ondersteuning").check()
    page.get_by_role("button", name="Dossier openen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Dit veld is verplicht.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "file-access-reason-error-phone")

    page.get_by_label("Toelichting").fill("De coördinator vroeg hulp bij het corrigeren van een plaatsing.")
    page.get_by_role("button", name="Dossier openen").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/families/{family.pk}/"
    expect(page.get_by_text("Het dossier is voor je open tot")).to_be_visible()
    reasons = AccessEvent.objects.filter(family=family, user__username="admin").values_list("reason", flat=True)
    assert reasons and all("corrigeren van een plaatsing" in reason for reason in reasons)
