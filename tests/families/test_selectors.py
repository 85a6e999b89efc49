import datetime

import pytest
from django.utils import timezone

from accounts.models import Role
from families.selectors import families_listed_for, families_visible_to, family_of_parent
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_staff_sees_families_with_a_child_in_their_group(world):
    assert list(families_visible_to(world.users["staff"])) == [world.family]


def test_staff_of_another_group_does_not_see_the_family(world):
    assert list(families_visible_to(world.users["other_staff"])) == []


def test_staff_sees_the_families_of_children_they_mentor_in_another_group(world):
    child = f.ChildFactory(family=world.other_family, mentor=world.users["other_staff"])
    f.PlacementFactory(child=child, group=world.far_group)
    assert list(families_visible_to(world.users["other_staff"])) == [world.other_family]


def test_staff_no_longer_sees_a_family_whose_placement_ended(world):
    placement = world.family.children.get().placements.get()
    placement.end_date = timezone.localdate() - datetime.timedelta(days=1)
    placement.save()
    child = world.family.children.get()
    child.mentor = None
    child.save()
    assert list(families_visible_to(world.users["staff"])) == []


def test_staff_does_not_see_a_placement_that_starts_later(world):
    child = f.ChildFactory(family=world.other_family)
    f.PlacementFactory(
        child=child, group=world.other_group, start_date=timezone.localdate() + datetime.timedelta(days=30)
    )
    assert list(families_visible_to(world.users["other_staff"])) == []


def test_coordinator_sees_every_family_of_their_locations_only(world):
    assert list(families_visible_to(world.users["coordinator"])) == [world.family]


def test_coordinator_keeps_seeing_an_archived_family(world):
    world.family.archived_on = timezone.localdate()
    world.family.save()
    world.family.children.get().placements.update(end_date=timezone.localdate())
    assert list(families_visible_to(world.users["coordinator"])) == [world.family]


def test_admin_lists_all_families_of_the_organisation_but_reads_only_the_files_opened_with_a_reason(world):
    """docs/security.md, "Organisation admins and family files": the world's admin has opened world.family."""
    f.FamilyFactory()  # another organisation
    assert set(families_listed_for(world.users["admin"])) == {world.family, world.other_family}
    assert set(families_visible_to(world.users["admin"])) == {world.family}


def test_parent_sees_only_their_own_family(world):
    assert list(families_visible_to(world.users["parent"])) == [world.family]
    assert family_of_parent(world.users["other_parent"]) == world.other_family


def test_staff_of_another_organisation_sees_nothing_even_with_a_group_of_the_same_name(world):
    stranger = f.UserFactory(role=Role.STAFF)
    f.StaffMembershipFactory(user=stranger, group=f.GroupFactory(name=world.group.name))
    assert list(families_visible_to(stranger)) == []


def test_a_family_with_two_children_in_my_group_appears_once(world):
    second = f.ChildFactory(family=world.family)
    f.PlacementFactory(child=second, group=world.group)
    assert list(families_visible_to(world.users["staff"])) == [world.family]


def test_user_without_organisation_sees_nothing(db):
    user = f.UserFactory(role=Role.COORDINATOR, organisation=None)
    assert list(families_visible_to(user)) == []
