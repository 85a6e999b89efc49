"""Which locations and groups each role works with (organisations/selectors.py), without HTTP.

The world: locations A (groups A1, A2) and B (group B1) of one organisation; staff works in A1, other_staff
in A2, the coordinator coordinates A. `foreign` adds another organisation with location "Locatie Elders"
and group E1."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import Role
from organisations.selectors import groups_visible_to, groups_with_counts, locations_visible_to
from tests import factories as f

pytestmark = pytest.mark.django_db


def names(queryset):
    return sorted(obj.name for obj in queryset)


def counts(user):
    return {group.name: (group.children_count, group.staff_count) for group in groups_with_counts(user)}


def test_admin_sees_every_location_and_group_of_the_organisation(world, foreign):
    admin = world.users["admin"]
    assert names(locations_visible_to(admin)) == ["Locatie A", "Locatie B"]
    assert names(groups_visible_to(admin)) == ["A1", "A2", "B1"]


def test_coordinator_sees_only_assigned_locations(world, foreign):
    coordinator = world.users["coordinator"]
    assert names(locations_visible_to(coordinator)) == ["Locatie A"]
    assert names(groups_visible_to(coordinator)) == ["A1", "A2"]


def test_coordinator_of_two_locations_sees_both(world):
    coordinator = world.users["coordinator"]
    f.CoordinatorAssignmentFactory(user=coordinator, location=world.other_location)
    assert names(locations_visible_to(coordinator)) == ["Locatie A", "Locatie B"]
    assert names(groups_visible_to(coordinator)) == ["A1", "A2", "B1"]


def test_coordinator_without_an_assignment_sees_nothing(world):
    newcomer = f.UserFactory(role=Role.COORDINATOR, organisation=world.organisation)
    assert not locations_visible_to(newcomer).exists()
    assert not groups_visible_to(newcomer).exists()


def test_staff_see_the_groups_they_work_in_and_their_locations(world):
    assert names(groups_visible_to(world.users["staff"])) == ["A1"]
    assert names(groups_visible_to(world.users["other_staff"])) == ["A2"]
    assert names(locations_visible_to(world.users["staff"])) == ["Locatie A"]


def test_staff_in_two_groups_of_one_location_see_that_location_once(world):
    staff = world.users["staff"]
    f.StaffMembershipFactory(user=staff, group=world.other_group)
    assert names(groups_visible_to(staff)) == ["A1", "A2"]
    assert names(locations_visible_to(staff)) == ["Locatie A"]


@pytest.mark.parametrize("role", ["parent", "other_parent"])
def test_parents_see_no_location_and_no_group(world, role):
    assert not locations_visible_to(world.users[role]).exists()
    assert not groups_visible_to(world.users[role]).exists()
    assert not groups_with_counts(world.users[role]).exists()


def test_signed_out_visitors_and_accounts_without_organisation_see_nothing(world):
    homeless_admin = f.UserFactory(role=Role.ADMIN, organisation=None)
    for user in (AnonymousUser(), homeless_admin):
        assert not locations_visible_to(user).exists()
        assert not groups_visible_to(user).exists()


def test_another_organisations_locations_and_groups_are_never_visible(world, foreign):
    """Not even through a (mistaken) assignment or membership there: the organisation is checked first."""
    elsewhere = foreign.group.location
    f.CoordinatorAssignmentFactory(user=world.users["coordinator"], location=elsewhere)
    f.StaffMembershipFactory(user=world.users["staff"], group=foreign.group)
    for role in ("staff", "other_staff", "coordinator", "admin"):
        user = world.users[role]
        assert elsewhere not in locations_visible_to(user), role
        assert foreign.group not in groups_visible_to(user), role
        assert foreign.group not in groups_with_counts(user), role


def test_groups_with_counts_counts_children_placed_today_and_staff(world):
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=400)
    last_day_today = f.ChildFactory(family=world.family, first_name="Laatste")
    f.PlacementFactory(child=last_day_today, group=world.group, start_date=long_ago, end_date=today)
    left_yesterday = f.ChildFactory(family=world.family, first_name="Weg")
    f.PlacementFactory(
        child=left_yesterday, group=world.group, start_date=long_ago, end_date=today - datetime.timedelta(days=1)
    )
    starts_tomorrow = f.ChildFactory(family=world.family, first_name="Nieuw")
    f.PlacementFactory(child=starts_tomorrow, group=world.other_group, start_date=today + datetime.timedelta(days=1))
    f.StaffMembershipFactory(group=world.group, user=f.UserFactory(organisation=world.organisation))

    assert counts(world.users["coordinator"]) == {"A1": (2, 2), "A2": (0, 1)}
    assert counts(world.users["admin"]) == {"A1": (2, 2), "A2": (0, 1), "B1": (1, 1)}


def test_staff_see_every_colleague_in_the_staff_count_of_their_group(world):
    f.StaffMembershipFactory(group=world.group, user=f.UserFactory(organisation=world.organisation))
    assert counts(world.users["staff"]) == {"A1": (1, 2)}
