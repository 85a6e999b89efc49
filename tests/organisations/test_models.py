"""The rules of organisations/models.py that the database keeps."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from organisations.models import Group, Location, StaffMembership
from tests import factories as f

pytestmark = pytest.mark.django_db


def refused(make):
    """True when the database refuses what `make` creates."""
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


def test_an_organisation_name_is_unique():
    f.OrganisationFactory(name="Kinderopvang Zon")
    assert refused(lambda: f.OrganisationFactory(name="Kinderopvang Zon"))


def test_a_location_name_is_unique_within_its_organisation_only():
    location = f.LocationFactory(name="De Linde")
    assert refused(lambda: f.LocationFactory(organisation=location.organisation, name="De Linde"))
    assert not refused(lambda: f.LocationFactory(name="De Linde"))  # another organisation


def test_a_group_name_is_unique_within_its_location_only():
    group = f.GroupFactory(name="Dolfijnen")
    assert refused(lambda: f.GroupFactory(location=group.location, name="Dolfijnen"))
    assert not refused(lambda: f.GroupFactory(location=f.LocationFactory(organisation=group.location.organisation)))


def test_a_staff_member_is_in_a_group_once_and_a_coordinator_assigned_to_a_location_once():
    membership = f.StaffMembershipFactory()
    assignment = f.CoordinatorAssignmentFactory()
    assert refused(lambda: f.StaffMembershipFactory(user=membership.user, group=membership.group))
    assert refused(lambda: f.CoordinatorAssignmentFactory(user=assignment.user, location=assignment.location))


def test_an_organisation_with_locations_and_a_location_with_groups_cannot_be_deleted():
    group = f.GroupFactory()
    with pytest.raises(ProtectedError), transaction.atomic():
        group.location.organisation.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        group.location.delete()
    assert Location.objects.filter(pk=group.location.pk).exists()


def test_a_group_with_placements_cannot_be_deleted_but_without_them_it_takes_its_memberships_along(world):
    with pytest.raises(ProtectedError), transaction.atomic():
        world.group.delete()  # Noor is placed there
    world.other_group.delete()
    assert not StaffMembership.objects.filter(user=world.users["other_staff"]).exists()


def test_names_read_as_people_say_them(world):
    assert str(world.organisation) == "Kinderopvang Test"
    assert str(world.location) == "Locatie A"
    assert str(world.group) == "A1 (Locatie A)"
    staff = world.users["staff"]
    assert str(staff.memberships.get()) == f"{staff.get_full_name()} – A1 (Locatie A)"


def test_locations_and_groups_are_listed_by_name(world):
    f.LocationFactory(organisation=world.organisation, name="Aardvark")
    f.GroupFactory(location=world.location, name="A0")
    assert [location.name for location in Location.objects.filter(organisation=world.organisation)] == [
        "Aardvark",
        "Locatie A",
        "Locatie B",
    ]
    assert [group.name for group in Group.objects.filter(location__organisation=world.organisation)] == [
        "A0",
        "A1",
        "A2",
        "B1",
    ]
