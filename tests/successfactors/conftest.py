from types import SimpleNamespace

import pytest

from accounts.models import Role
from tests import factories as f


@pytest.fixture
def elsewhere(world):
    """Another organisation, with its own coordinator, staff member and a family: its catalogues are not the
    world's."""
    organisation = f.OrganisationFactory(name="Kinderopvang Elders")
    location = f.LocationFactory(organisation=organisation, name="Locatie Elders")
    group = f.GroupFactory(location=location, name="E1")
    coordinator = f.UserFactory(username="coordinator_elders", role=Role.COORDINATOR, organisation=organisation)
    f.CoordinatorAssignmentFactory(user=coordinator, location=location)
    staff = f.UserFactory(username="staff_elders", role=Role.STAFF, organisation=organisation)
    f.StaffMembershipFactory(user=staff, group=group)
    family = f.FamilyFactory(organisation=organisation, name="Familie Elders")
    caregiver = f.CaregiverFactory(family=family)
    return SimpleNamespace(
        organisation=organisation, coordinator=coordinator, staff=staff, family=family, caregiver=caregiver
    )
