"""An organisation goes live in an afternoon (issue 14): a new organisation's admin creates two locations and four
groups, invites a coordinator and two staff, imports the demo planning export (a dry run first, then for real,
then again: nothing changes), and the staff invited see their families. Every page passes axe and is
photographed at tablet and phone width; a large file shows a progress bar; the Meldcode signpost of a family's
page leads to the safeguarding officer."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role, User
from families.models import Child, Family, Placement
from families.selectors import families_visible_to
from imports import services
from imports.models import ImportRun
from imports.sample import GROUPS
from organisations.models import Organisation
from tests.browser.conftest import DEMO_PASSWORD, assert_accessible, login, screenshot

DEMO_EXPORT = Path(__file__).resolve().parents[2] / "demo" / "planning_export.csv"
ADMIN = "beheer@hetbegin.example.nl"
PASSWORD = "een-nieuw-begin-2026"
LOCATIONS = {"De Boomgaard": "Appelweg 3, Utrecht", "Het Vlot": "Havenkade 12, Utrecht"}
# (first name, last name, e-mail, role, groups or locations)
PEOPLE = [
    ("Marieke", "Jansen", "marieke@hetbegin.example.nl", "Coördinator", ["De Boomgaard", "Het Vlot"]),
    ("Sanne", "Bos", "sanne@hetbegin.example.nl", "Pedagogisch medewerker", ["Appeltjes (De Boomgaard)"]),
    ("Omar", "Haddou", "omar@hetbegin.example.nl", "Pedagogisch medewerker", ["Kapiteins (Het Vlot)"]),
]


def _new_organisation() -> User:
    organisation = Organisation.objects.create(name="Kinderopvang Het Begin", go_live=timezone.localdate())
    return User.objects.create_user(
        username=ADMIN,
        email=ADMIN,
        password=PASSWORD,
        first_name="Ria",
        last_name="Koster",
        role=Role.ADMIN,
        organisation=organisation,
    )


def _fits_the_screen(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "wider than the screen"


def _save(page, name="Opslaan"):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def _upload_and_dry_run(page, *, save_as=""):
    page.goto("/organisation/import/")
    page.get_by_label("Export uit het planningssysteem").set_input_files(str(DEMO_EXPORT))
    page.get_by_role("button", name="Uploaden en kolommen kiezen").click()
    expect(page.get_by_role("heading", name="Kies de kolommen")).to_be_visible()
    if save_as:
        page.get_by_label("Deze kolommen bewaren als").fill(save_as)
    page.get_by_role("button", name="Proefimport").click()


def test_a_new_organisations_admin_sets_up_imports_and_the_staff_see_their_families(
    transactional_db, page_factory, live_server
):
    admin = _new_organisation()
    page = page_factory("tablet")
    login(page, ADMIN, PASSWORD)
    # The set-up is in the "Inrichting" menu (the navigation is folded at tablet width).
    page.get_by_role("button", name="Menu tonen").click()
    page.get_by_role("button", name="Inrichting").click()
    page.get_by_role("link", name="Organisatie inrichten", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kinderopvang Het Begin inrichten")
    assert_accessible(page)
    screenshot(page, "setup-start-tablet")

    for name, address in LOCATIONS.items():
        page.goto("/organisation/setup/locations/")
        page.get_by_role("link", name="Nieuwe locatie").click()
        page.get_by_label("Naam").fill(name)
        page.get_by_label("Adres").fill(address)
        _save(page)
        expect(page.get_by_text(f"Locatie {name} is bewaard.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "setup-locations-tablet")

    for location, group, low, high in GROUPS:
        page.goto("/organisation/setup/groups/new/")
        page.get_by_label("Locatie").select_option(label=location)
        page.get_by_label("Naam").fill(group)
        kind = "Buitenschoolse opvang (BSO)" if low >= 48 else "Kinderdagverblijf"
        page.get_by_label("Soort opvang").select_option(label=kind)
        page.get_by_label("Vanaf leeftijd (maanden)").fill(str(low))
        page.get_by_label("Tot leeftijd (maanden)").fill(str(high))
        page.get_by_label("Kindplaatsen").fill("16")
        if group == "Appeltjes":
            assert_accessible(page)
            screenshot(page, "setup-group-form-tablet")
        _save(page)
        expect(page.get_by_text(f"Groep {group} is bewaard.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "setup-groups-tablet")

    for first, last, email, role, places in PEOPLE:
        page.goto("/organisation/setup/staff/invite/")
        page.get_by_label("Voornaam").fill(first)
        page.get_by_label("Achternaam").fill(last)
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Rol").select_option(label=role)
        for place in places:
            page.get_by_label(place, exact=True).check()
        if first == "Sanne":
            assert_accessible(page)
            screenshot(page, "setup-staff-invite-tablet")
        _save(page, "Uitnodiging versturen")
        expect(page.get_by_text(f"{first} {last} is uitgenodigd")).to_be_visible()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(email for _f, _l, email, _r, _p in PEOPLE)
    assert_accessible(page)
    screenshot(page, "setup-staff-tablet")

    # The import: a dry run first, then for real.
    _upload_and_dry_run(page, save_as="Kindplanner")
    expect(page.get_by_role("heading", name="Wat de import zal doen")).to_be_visible()
    assert not Child.objects.filter(family__organisation=admin.organisation).exists()
    assert_accessible(page)
    screenshot(page, "setup-import-dry-run-tablet")
    children = ImportRun.objects.get().report["counts"]["child"]["created"]
    assert children >= 200
    page.get_by_role("button", name=re.compile(r"^\d+ rijen importeren$")).click()
    expect(page.get_by_role("heading", name="Wat er is geïmporteerd")).to_be_visible()
    assert Child.objects.filter(family__organisation=admin.organisation).count() == children
    screenshot(page, "setup-import-done-tablet")

    # The same file again: the saved columns are chosen by themselves, and nothing changes.
    families_before = list(Family.objects.filter(organisation=admin.organisation).values_list("pk", "version"))
    _upload_and_dry_run(page)
    expect(page.get_by_text("Niets nieuws of gewijzigd")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^\d+ rijen importeren$")).click()
    expect(page.get_by_role("heading", name="Wat er is geïmporteerd")).to_be_visible()
    assert list(Family.objects.filter(organisation=admin.organisation).values_list("pk", "version")) == families_before
    assert Child.objects.filter(family__organisation=admin.organisation).count() == children

    # Sanne chooses her password with the link in her e-mail and sees the families of her group.
    [invitation] = [message for message in mail.outbox if message.to == ["sanne@hetbegin.example.nl"]]
    link = re.search(r"https?://[^/\s]+(/accounts/welcome/\S+/)", invitation.body).group(1)
    phone = page_factory("phone")
    phone.goto(link)
    expect(phone.get_by_role("heading", name="Welkom, Sanne")).to_be_visible()
    assert_accessible(phone)
    screenshot(phone, "setup-staff-welcome-phone")
    phone.locator("#id_new_password1").fill("sanne-kiest-een-wachtwoord")
    phone.locator("#id_new_password2").fill("sanne-kiest-een-wachtwoord")
    phone.get_by_role("button", name="Wachtwoord opslaan").click()
    login(phone, "sanne@hetbegin.example.nl", "sanne-kiest-een-wachtwoord")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mijn gezinnen")
    # Staff see the families with a child placed in their group today (a placement may start next month).
    placed = Placement.objects.filter(
        Placement.active_q(), group__name="Appeltjes", group__location__organisation=admin.organisation
    )
    appeltjes = Family.objects.filter(children__placements__in=placed).distinct()
    sanne = User.objects.get(username="sanne@hetbegin.example.nl")
    assert set(families_visible_to(sanne)) == set(appeltjes)
    others = set(Family.objects.filter(organisation=admin.organisation).values_list("name", flat=True)) - set(
        appeltjes.values_list("name", flat=True)
    )
    expect(phone.get_by_text(appeltjes.order_by("name").first().name, exact=True).first).to_be_visible()
    shown = phone.locator("main").inner_text()
    assert others and not [name for name in others if re.search(rf"\b{re.escape(name)}\b", shown)]
    screenshot(phone, "setup-staff-home-phone")


@pytest.mark.parametrize("viewport", ["phone", "tablet"])
def test_the_set_up_pages_fit_a_phone_and_a_tablet(viewport, transactional_db, page_factory):
    admin = _new_organisation()
    organisation = admin.organisation
    from tests import factories as f

    location = f.LocationFactory(organisation=organisation, name="De Boomgaard", address="Appelweg 3, Utrecht")
    f.GroupFactory(location=location, name="Appeltjes", age_from_months=0, age_to_months=24, capacity=12)
    staff = f.UserFactory(username="sanne", role=Role.STAFF, organisation=organisation, email="sanne@example.nl")
    f.UserFactory(username="omar", role=Role.STAFF, organisation=organisation, is_active=False)
    page = page_factory(viewport)
    login(page, ADMIN, PASSWORD)
    pages = {
        "start": "/organisation/setup/",
        "locations": "/organisation/setup/locations/",
        "groups": "/organisation/setup/groups/",
        "group-form": "/organisation/setup/groups/new/",
        "staff": "/organisation/setup/staff/",
        "staff-form": f"/organisation/setup/staff/{staff.pk}/",
        "staff-deactivate": f"/organisation/setup/staff/{staff.pk}/deactivate/",
        "settings": "/organisation/setup/settings/",
        "import": "/organisation/import/",
    }
    for name, path in pages.items():
        page.goto(path)
        screenshot(page, f"setup-{name}-{viewport}")
        assert_accessible(page)
        _fits_the_screen(page)
    page.goto("/organisation/import/")
    page.get_by_label("Export uit het planningssysteem").set_input_files(str(DEMO_EXPORT))
    page.get_by_role("button", name="Uploaden en kolommen kiezen").click()
    expect(page.get_by_role("heading", name="Kies de kolommen")).to_be_visible()
    screenshot(page, f"setup-import-columns-{viewport}")
    assert_accessible(page)
    _fits_the_screen(page)
    page.get_by_role("button", name="Proefimport").click()
    # Groups Peertjes, Zeesterren and Kapiteins are missing here: their rows are skipped, each with its reason.
    expect(page.get_by_role("heading", name=re.compile("overgeslagen door een fout"))).to_be_visible()
    expect(page.get_by_text("Er is geen groep “Kapiteins” op locatie “Het Vlot” in de app").first).to_be_visible()
    screenshot(page, f"setup-import-errors-{viewport}")
    assert_accessible(page)
    _fits_the_screen(page)


def test_a_large_file_shows_a_progress_bar_that_moves_to_the_result(transactional_db, page_factory, settings):
    settings.IMPORT_INLINE_ROWS = 50  # the demo export's 230 rows go to the background worker
    admin = _new_organisation()
    from tests import factories as f

    locations = {}
    for location_name, group, low, high in GROUPS:
        if location_name not in locations:
            locations[location_name] = f.LocationFactory(organisation=admin.organisation, name=location_name)
        f.GroupFactory(location=locations[location_name], name=group, age_from_months=low, age_to_months=high)
    page = page_factory("tablet")
    login(page, ADMIN, PASSWORD)
    _upload_and_dry_run(page)
    progress = page.locator("progress#import-progress")
    expect(progress).to_be_visible()
    expect(page.locator("#import-progress-text")).to_contain_text("Proefimport wacht op start")
    assert_accessible(page)
    screenshot(page, "setup-import-progress-tablet")
    # The worker (manage.py run_imports) takes the run; the page notices by itself and shows the result.
    assert services.process_next().status == ImportRun.Status.CHECKED
    expect(page.get_by_role("heading", name="Wat de import zal doen")).to_be_visible(timeout=10_000)


@pytest.mark.parametrize("viewport", ["phone", "tablet"])
def test_the_meldcode_signpost_leads_to_the_safeguarding_officer_with_a_confidential_note(viewport, demo, page_factory):
    Organisation.objects.update(safeguarding_officer_name="Petra Smits", safeguarding_officer_phone="030-7654321")
    page = page_factory(viewport)
    login(page, "staff", DEMO_PASSWORD)
    family = Family.objects.get(name="De Vries")
    page.goto(f"/families/{family.pk}/")
    page.get_by_role("link", name="Zorgen over de veiligheid van een kind?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorgen over de veiligheid van een kind?")
    expect(page.get_by_text("Petra Smits")).to_be_visible()
    expect(page.get_by_role("heading", name="De vijf stappen van de Meldcode")).to_be_visible()
    expect(page.get_by_text("Deze app is niet het Meldcode-dossier")).to_be_visible()
    note = "Blauwe plek op de arm gezien, met Petra besproken."
    page.get_by_role("textbox", name=re.compile("^Vertrouwelijke notitie")).fill(note)
    page.get_by_role("button", name="Notitie bewaren").click()
    expect(page.get_by_text(note)).to_be_visible()
    screenshot(page, f"meldcode-signpost-{viewport}")
    assert_accessible(page)
    _fits_the_screen(page)
