"""The reports page: who may open it, the filter (location within scope, period), the CSV of each figure, the
print view, the languages and the number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.figures import BUILDERS
from reports.selectors import add_months
from tests import factories as f
from tests.reports.conftest import M1, M2, THIS, at, contact, feedback, thread

pytestmark = pytest.mark.django_db
URL = reverse("reports:index")


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("parent", 403),
        ("other_parent", 403),
        ("staff", 403),
        ("other_staff", 403),
        ("coordinator", 200),
        ("admin", 200),
    ],
)
def test_only_coordinators_and_the_organisation_admin_see_reports(world, client_for, role, status):
    client = client_for(role)
    assert client.get(URL).status_code == status
    assert client.get(URL, {"figure": "contacts", "format": "csv"}).status_code == status


def test_anonymous_is_sent_to_the_login_page(world, client_for):
    response = client_for("anonymous").get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_post_is_refused(world, client_for):
    assert client_for("coordinator").post(URL).status_code == 405


def test_the_coordinator_sees_their_location_and_the_admin_every_location(world, client_for):
    coordinator = client_for("coordinator").get(URL).content.decode()
    assert world.location.name in coordinator and world.other_location.name not in coordinator
    admin = client_for("admin").get(URL).content.decode()
    assert world.location.name in admin and world.other_location.name in admin


def test_a_location_outside_the_coordinators_scope_is_refused_in_the_form(world, client_for):
    response = client_for("coordinator").get(URL, {"location": world.other_location.pk})
    assert response.status_code == 200
    content = response.content.decode()
    assert "is-invalid" in content
    assert f'data-location="{world.other_location.pk}"' not in content
    csv_response = client_for("coordinator").get(
        URL, {"location": world.other_location.pk, "figure": "contacts", "format": "csv"}
    )
    assert csv_response.status_code == 400


def test_the_admin_filters_on_one_location(world, client_for):
    content = client_for("admin").get(URL, {"location": world.other_location.pk}).content.decode()
    assert f'data-location="{world.other_location.pk}"' in content
    assert f'data-location="{world.location.pk}"' not in content


def test_the_period_defaults_to_the_last_twelve_months(world, client_for):
    rows = _rows(client_for("coordinator").get(URL, {"figure": "contacts", "format": "csv"}))
    months = [row[1] for row in rows[1:]]
    expected = [add_months(THIS, n).strftime("%Y-%m") for n in range(-11, 1)]
    assert months == expected


@pytest.mark.parametrize(
    "period",
    [
        {"first": "2026-13"},
        {"last": add_months(THIS, 1).strftime("%Y-%m")},  # no figures yet
        {"first": M2.strftime("%Y-%m"), "last": M1.strftime("%Y-%m")},  # backwards
        {"first": add_months(THIS, -40).strftime("%Y-%m")},  # too long
        {"first": "0001-01"},
    ],
)
def test_a_wrong_period_is_told_in_the_form_and_the_default_is_shown(world, client_for, period):
    response = client_for("coordinator").get(URL, period)
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert client_for("coordinator").get(URL, {**period, "figure": "contacts", "format": "csv"}).status_code == 400


def test_a_chosen_period_gives_its_months(world, client_for):
    rows = _rows(
        client_for("coordinator").get(
            URL, {"first": M1.strftime("%Y-%m"), "last": M2.strftime("%Y-%m"), "figure": "feedback", "format": "csv"}
        )
    )
    assert [row[1] for row in rows[1:]] == [M1.strftime("%Y-%m"), M2.strftime("%Y-%m")]


def test_each_figure_downloads_as_its_own_csv(world, client_for):
    feedback(world.family, world.caregiver, when=at(M2, 3), scores=(4, 3, 5))
    client = client_for("coordinator")
    period = {"first": M1.strftime("%Y-%m"), "last": THIS.strftime("%Y-%m")}
    for name in BUILDERS:
        response = client.get(URL, {**period, "figure": name, "format": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert f"{name}-{M1:%Y-%m}-{THIS:%Y-%m}.csv" in response["Content-Disposition"]
        rows = _rows(response)
        assert rows[0][:2] == ["Locatie", "Maand"]
        assert len(rows) > 1
    rows = _rows(client.get(URL, {**period, "figure": "feedback", "format": "csv"}))
    assert rows[0] == ["Locatie", "Maand", "Relatie", "Competentie", "Autonomie", "Antwoorden"]
    assert rows[2] == [world.location.name, M2.strftime("%Y-%m"), "4,0", "3,0", "5,0", "1"]


def test_an_unknown_figure_is_not_found(world, client_for):
    assert client_for("coordinator").get(URL, {"figure": "salaries", "format": "csv"}).status_code == 404


def test_the_csv_never_starts_a_cell_with_a_formula(world, client_for):
    world.location.name = '=HYPERLINK("http://example.com","klik")'
    world.location.save()
    rows = _rows(client_for("coordinator").get(URL, {"figure": "messages", "format": "csv"}))
    assert rows[1][0] == "'" + world.location.name


def test_every_chart_has_a_title_a_description_and_a_table_beside_it(world, client_for):
    contact(world.family, when=at(M2, 4), author=world.users["staff"])
    content = client_for("coordinator").get(URL).content.decode()
    assert content.count('role="img"') == len(BUILDERS)
    assert content.count("<title id=") == len(BUILDERS)
    assert content.count("<desc id=") == len(BUILDERS)
    assert content.count("<caption") == len(BUILDERS)
    assert 'scope="col"' in content and 'scope="row"' in content
    assert "style=" not in content and "<script>" not in content


def test_the_page_prints_without_the_navigation(world, client_for):
    content = client_for("coordinator").get(URL).content.decode()
    assert "data-print" in content and "js/print.js" in content
    assert "css/reports.css" in content
    assert world.organisation.name in content


def test_the_navigation_links_to_the_reports_for_leads_only(world, client_for):
    assert URL in client_for("coordinator").get(reverse("health:dashboard")).content.decode()
    assert URL not in client_for("staff").get(reverse("families:mine")).content.decode()


def test_the_page_speaks_dutch_by_default_and_english_when_chosen(world, client_for):
    client = client_for("coordinator")
    dutch = client.get(URL).content.decode()
    assert "Rapportages" in dutch and "Contacten per gezin" in dutch
    client.cookies["django_language"] = "en"
    english = client.get(URL).content.decode()
    assert "Reports" in english and "Contacts per family" in english


def _grow(world, families: int):
    """More locations, families, contacts, messages and feedback, to see that the queries do not grow along."""
    for index in range(families):
        location = f.LocationFactory(organisation=world.organisation)
        group = f.GroupFactory(location=location)
        f.CoordinatorAssignmentFactory(user=world.users["coordinator"], location=location)
        family = f.FamilyFactory(organisation=world.organisation)
        caregiver = f.CaregiverFactory(family=family)
        f.PlacementFactory(child=f.ChildFactory(family=family), group=group, start_date=add_months(M1, -1))
        contact(family, when=at(M1, 3 + index), author=world.users["staff"])
        feedback(family, caregiver, when=at(M2, 2), scores=(3, 4, 5))
        thread(family, when=at(M2, 5))


def test_the_page_takes_a_fixed_number_of_queries(world, client_for):
    client = client_for("coordinator")

    def count(params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        return len(queries.captured_queries)

    few = count({"first": M1.strftime("%Y-%m"), "last": M1.strftime("%Y-%m")})
    _grow(world, 4)
    many = count({})
    assert many == few
    assert many <= 20
