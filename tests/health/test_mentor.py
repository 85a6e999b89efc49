"""The mentor rule (issue 13): every placed child has a mentor. The child forms refuse a placed child without
one when the child's group has staff; the coordinator's list of children without a mentor shows their own
locations only, the organisation admin's the whole organisation, and nobody else's."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from families.models import Child, Family
from health.selectors import children_without_mentor
from tests import factories as f

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
REFUSED = "Kies een mentor"


def _child_body(world, **changes):
    body = {
        "first_name": "Nieuw",
        "last_name": "Kind",
        "date_of_birth": "2024-05-01",
        "group": world.group.pk,
        "start_date": TODAY.isoformat(),
        "mentor": "",
    }
    return body | changes


def test_a_new_child_in_a_group_with_staff_needs_a_mentor(world, client_for):
    client = client_for("staff")
    url = reverse("families:child_add", args=[world.family.pk])
    response = client.post(url, _child_body(world))
    assert response.status_code == 200 and REFUSED in response.content.decode()
    assert not Child.objects.filter(first_name="Nieuw").exists()
    response = client.post(url, _child_body(world, mentor=world.users["staff"].pk))
    assert response.status_code == 302
    assert Child.objects.get(first_name="Nieuw").mentor == world.users["staff"]


def test_a_group_without_staff_cannot_give_a_mentor_so_the_child_is_saved(world, client_for):
    empty = f.GroupFactory(location=world.location, name="A3 (nieuw)")
    response = client_for("coordinator").post(
        reverse("families:child_add", args=[world.family.pk]), _child_body(world, group=empty.pk)
    )
    assert response.status_code == 302
    assert Child.objects.get(first_name="Nieuw").mentor is None


def test_editing_a_placed_child_cannot_take_away_the_mentor(world, client_for):
    body = {"first_name": world.child.first_name, "last_name": "X", "date_of_birth": "2024-05-01", "mentor": ""}
    url = reverse("families:child_edit", args=[world.family.pk, world.child.pk])
    response = client_for("staff").post(url, body)
    assert response.status_code == 200 and REFUSED in response.content.decode()
    world.child.refresh_from_db()
    assert world.child.mentor == world.users["staff"]


def test_a_child_who_left_may_be_saved_without_a_mentor(world, client_for):
    world.placement.start_date = TODAY - datetime.timedelta(days=300)
    world.placement.end_date = TODAY - datetime.timedelta(days=1)
    world.placement.save()
    body = {"first_name": world.child.first_name, "last_name": "X", "date_of_birth": "2024-05-01", "mentor": ""}
    response = client_for("staff").post(reverse("families:child_edit", args=[world.family.pk, world.child.pk]), body)
    assert response.status_code == 302
    world.child.refresh_from_db()
    assert world.child.mentor is None


def test_a_new_family_placed_in_a_group_with_staff_needs_a_mentor(world, client_for):
    body = {
        "family_name": "Bos",
        "child_first_name": "Lotte",
        "child_last_name": "Bos",
        "date_of_birth": "2025-01-10",
        "group": world.group.pk,
        "start_date": TODAY.isoformat(),
    }
    response = client_for("staff").post(reverse("families:create"), body)
    assert response.status_code == 200 and REFUSED in response.content.decode()
    assert not Family.objects.filter(name="Bos").exists()


# The coordinator's list.


@pytest.fixture
def without_mentor(world):
    """A child without a mentor at each location: Bram in the world's family (location A), Fenna in the other
    family (location B), and a child who left (not listed)."""
    bram = f.ChildFactory(family=world.family, first_name="Bram")
    f.PlacementFactory(child=bram, group=world.other_group)
    fenna = f.ChildFactory(family=world.other_family, first_name="Fenna")
    f.PlacementFactory(child=fenna, group=world.far_group)
    gone = f.ChildFactory(family=world.family, first_name="Gijs")
    f.PlacementFactory(
        child=gone, group=world.group, start_date=TODAY - datetime.timedelta(days=200),
        end_date=TODAY - datetime.timedelta(days=2),
    )  # fmt: skip
    return bram, fenna


def _list(client):
    return client.get(reverse("health:without_mentor"))


def test_the_coordinator_sees_the_children_without_a_mentor_of_their_own_locations(world, client_for, without_mentor):
    response = _list(client_for("coordinator"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bram" in page and world.family.name in page and "A2" in page
    assert "Fenna" not in page and "Gijs" not in page
    assert reverse("families:child_edit", args=[world.family.pk, without_mentor[0].pk]) in page


def test_the_organisation_admin_sees_the_whole_organisation(world, client_for, without_mentor):
    page = _list(client_for("admin")).content.decode()
    assert "Bram" in page and "Fenna" in page and "Gijs" not in page


def test_another_organisations_children_never_show(world, foreign, client_for, without_mentor):
    foreign.child.mentor = None
    foreign.child.save()
    page = _list(client_for("admin")).content.decode()
    assert foreign.child.first_name not in page
    assert [p.child for p in children_without_mentor(world.users["admin"])] == [without_mentor[0], without_mentor[1]]


@pytest.mark.parametrize("role, status", [("staff", 403), ("other_staff", 403), ("parent", 403), ("other_parent", 403)])
def test_staff_and_parents_may_not_open_the_list(world, client_for, without_mentor, role, status):
    response = _list(client_for(role))
    assert response.status_code == status and b"Bram" not in response.content


def test_anonymous_is_sent_to_the_login(world, client_for):
    response = _list(client_for("anonymous"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_dashboard_links_to_the_list(world, client_for):
    assert (
        reverse("health:without_mentor") in client_for("coordinator").get(reverse("health:dashboard")).content.decode()
    )


def test_the_list_says_when_every_child_has_a_mentor(world, client_for):
    assert "Elk kind in jouw groepen heeft een mentor." in _list(client_for("coordinator")).content.decode()
