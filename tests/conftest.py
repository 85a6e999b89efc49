from dataclasses import dataclass

import pytest

from accounts.models import Role
from successfactors.models import ChecklistItem
from tests import factories as f


@dataclass
class World:
    """Two locations of one organisation; one family in group A1 and one at the other location.

    staff works in A1 (the family's group), other_staff in A2 (same location, other group), the coordinator
    coordinates location A, parent belongs to `family`, other_parent to `other_family`.
    """

    organisation: object
    location: object
    other_location: object
    group: object
    other_group: object
    far_group: object
    family: object
    other_family: object
    users: dict
    caregiver: object = None
    child: object = None
    placement: object = None
    network_member: object = None
    consent: object = None
    intake: object = None
    question: object = None
    contact: object = None
    follow_up: object = None
    item: object = None
    agreement: object = None


ROLES = ["anonymous", "parent", "other_parent", "staff", "other_staff", "coordinator", "admin"]


@pytest.fixture
def world(db) -> World:
    organisation = f.OrganisationFactory(name="Kinderopvang Test")
    location = f.LocationFactory(organisation=organisation, name="Locatie A")
    other_location = f.LocationFactory(organisation=organisation, name="Locatie B")
    group = f.GroupFactory(location=location, name="A1")
    other_group = f.GroupFactory(location=location, name="A2")
    far_group = f.GroupFactory(location=other_location, name="B1")

    staff = f.UserFactory(username="staff", role=Role.STAFF, organisation=organisation)
    other_staff = f.UserFactory(username="other_staff", role=Role.STAFF, organisation=organisation)
    far_staff = f.UserFactory(username="far_staff", role=Role.STAFF, organisation=organisation)
    f.StaffMembershipFactory(user=staff, group=group)
    f.StaffMembershipFactory(user=other_staff, group=other_group)
    f.StaffMembershipFactory(user=far_staff, group=far_group)
    coordinator = f.UserFactory(username="coordinator", role=Role.COORDINATOR, organisation=organisation)
    f.CoordinatorAssignmentFactory(user=coordinator, location=location)
    admin = f.UserFactory(
        username="admin", role=Role.ADMIN, organisation=organisation, is_staff=True, is_superuser=True
    )

    family = f.FamilyFactory(organisation=organisation, name="Familie Eén")
    child = f.ChildFactory(family=family, first_name="Noor", mentor=staff)
    placement = f.PlacementFactory(child=child, group=group)
    parent_user = f.UserFactory(username="parent", role=Role.PARENT, organisation=organisation)
    caregiver = f.CaregiverFactory(family=family, first_name="Eva", user=parent_user)
    network_member = f.NetworkMemberFactory(family=family)
    consent = f.ConsentFactory(family=family, given_by=caregiver)
    intake = f.IntakeFactory(family=family, conducted_by=staff)
    contact = f.ContactMomentFactory(family=family, author=staff)
    follow_up = f.FollowUpFactory(contact=contact, owner=staff)
    agreement = f.proposed_agreement(family=family, by=staff, child=child)

    other_family = f.FamilyFactory(organisation=organisation, name="Familie Twee")
    other_child = f.ChildFactory(family=other_family, first_name="Daan", mentor=far_staff)
    f.PlacementFactory(child=other_child, group=far_group)
    other_parent_user = f.UserFactory(username="other_parent", role=Role.PARENT, organisation=organisation)
    f.CaregiverFactory(family=other_family, first_name="Ayşe", user=other_parent_user)

    users = {
        "parent": parent_user,
        "other_parent": other_parent_user,
        "staff": staff,
        "other_staff": other_staff,
        "far_staff": far_staff,
        "coordinator": coordinator,
        "admin": admin,
    }
    return World(
        organisation,
        location,
        other_location,
        group,
        other_group,
        far_group,
        family,
        other_family,
        users,
        caregiver=caregiver,
        child=child,
        placement=placement,
        network_member=network_member,
        consent=consent,
        intake=intake,
        question=intake.answers.first().question,
        contact=contact,
        follow_up=follow_up,
        item=ChecklistItem.objects.active().first(),
        agreement=agreement,
    )


@pytest.fixture
def client_for(client, world):
    """A test client signed in as one of the world's roles ("anonymous" stays signed out)."""

    def make(role):
        client.logout()
        if role != "anonymous":
            client.force_login(world.users[role])
        return client

    return make
