import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_staff_home_lists_my_families_with_children_and_mentor(world, client_for):
    content = client_for("staff").get(reverse("families:mine")).content.decode()
    assert world.family.name in content
    assert "Noor" in content
    assert world.other_family.name not in content


def test_other_familys_page_is_404_for_staff_of_another_group(world, client_for):
    response = client_for("other_staff").get(reverse("families:detail", args=[world.family.pk]))
    assert response.status_code == 404


def test_a_forged_family_id_is_404(world, client_for):
    response = client_for("coordinator").get(reverse("families:detail", args=[999_999_999]))
    assert response.status_code == 404


def _add_families(world, count):
    for _ in range(count):
        family = f.FamilyFactory(organisation=world.organisation)
        f.CaregiverFactory(family=family)
        f.CaregiverFactory(family=family)
        for _ in range(2):
            child = f.ChildFactory(family=family, mentor=world.users["staff"])
            f.PlacementFactory(child=child, group=world.group)


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["families:mine"])
def test_staff_home_runs_the_same_number_of_queries_for_3_and_30_families(url_name, world, client_for):
    client = client_for("staff")
    _add_families(world, 2)
    few = _count_queries(client, reverse(url_name))
    _add_families(world, 27)
    many = _count_queries(client, reverse(url_name))
    assert few == many
    assert many <= 13  # 13 since the links to the group pages about the children (one query for the groups)


def test_family_page_runs_the_same_number_of_queries_whatever_the_family_size(world, client_for):
    client = client_for("staff")
    url = reverse("families:detail", args=[world.family.pk])
    few = _count_queries(client, url)
    for _ in range(5):
        child = f.ChildFactory(family=world.family)
        f.PlacementFactory(child=child, group=world.group)
        f.CaregiverFactory(family=world.family)
    assert _count_queries(client, url) == few


def test_coordinator_overview_counts_children_per_group(world, client_for):
    content = client_for("coordinator").get(reverse("organisations:overview")).content.decode()
    assert "Locatie A" in content
    assert "Locatie B" not in content
