"""The overview of locations and groups: the home of coordinators and admins."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from tests import factories as f

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("organisations:overview")


def overview_rows(response):
    return {
        row["location"].name: {group.name: (group.children_count, group.staff_count) for group in row["groups"]}
        for row in response.context["locations"]
    }


def test_coordinator_overview_shows_their_location_with_its_groups_and_counts(world, foreign, client_for):
    response = client_for("coordinator").get(OVERVIEW)
    assert response.status_code == 200
    assert overview_rows(response) == {"Locatie A": {"A1": (1, 1), "A2": (0, 1)}}
    assert response.context["totals"] == {"children": 1, "groups": 2, "locations": 1}
    content = response.content.decode()
    assert "Locatie A" in content and "Locatie B" not in content and "Locatie Elders" not in content


def test_admin_overview_shows_the_whole_organisation_and_nothing_of_another(world, foreign, client_for):
    response = client_for("admin").get(OVERVIEW)
    assert overview_rows(response) == {
        "Locatie A": {"A1": (1, 1), "A2": (0, 1)},
        "Locatie B": {"B1": (1, 1)},
    }
    assert response.context["totals"] == {"children": 2, "groups": 3, "locations": 2}
    assert "Locatie Elders" not in response.content.decode()


def test_coordinator_without_a_location_is_told_to_ask_the_admin(world, client_for):
    newcomer = f.UserFactory(role=Role.COORDINATOR, organisation=world.organisation)
    client = client_for("anonymous")
    client.force_login(newcomer)
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    assert response.context["locations"] == []
    assert response.context["totals"] == {"children": 0, "groups": 0, "locations": 0}
    assert "nog niet aan een locatie gekoppeld" in response.content.decode()


@pytest.mark.parametrize("role, status", [("staff", 403), ("parent", 403), ("anonymous", 302)])
def test_staff_and_parents_have_no_overview(world, client_for, role, status):
    assert client_for(role).get(OVERVIEW).status_code == status


def grow(world, locations=3, groups=3, children=2):
    """More locations, groups, staff and placed children in the world's organisation."""
    for number in range(locations):
        location = f.LocationFactory(organisation=world.organisation, address=f"Straat {number}")
        for _ in range(groups):
            group = f.GroupFactory(location=location)
            f.StaffMembershipFactory(group=group, user=f.UserFactory(organisation=world.organisation))
            for _ in range(children):
                f.PlacementFactory(child=f.ChildFactory(family=world.family), group=group)


def overview_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(OVERVIEW).status_code == 200
    return len(queries)


def test_the_overview_takes_the_same_number_of_queries_for_a_bigger_organisation(world, client_for):
    client = client_for("admin")
    small = overview_queries(client)
    grow(world)
    response = client.get(OVERVIEW)
    assert response.context["totals"] == {"children": 2 + 3 * 3 * 2, "groups": 3 + 3 * 3, "locations": 2 + 3}
    assert overview_queries(client) == small
