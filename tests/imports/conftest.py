import pytest

from accounts.models import Role
from imports.sample import GROUPS
from tests import factories as f


@pytest.fixture
def new_organisation(db):
    """A new organisation as its admin sets it up: the four groups of the demo export at two locations, and a
    staff member in each of two groups."""
    organisation = f.OrganisationFactory(name="Kinderopvang Nieuw")
    locations = {}
    groups = {}
    for location_name, group_name, low, high in GROUPS:
        location = locations.get(location_name) or f.LocationFactory(organisation=organisation, name=location_name)
        locations[location_name] = location
        groups[group_name] = f.GroupFactory(location=location, name=group_name, age_from_months=low, age_to_months=high)
    admin = f.UserFactory(username="setup_admin", role=Role.ADMIN, organisation=organisation)
    return organisation, groups, admin
