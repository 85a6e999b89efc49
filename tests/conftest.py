import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone
from django.utils.functional import cached_property

from accounts.models import Role
from audit.models import FileAccess, FileReason
from moments.models import Moment
from successfactors.models import ChecklistItem
from tests import factories as f


@dataclass
class FamilyFile:
    """One family with one object of every kind in its file, and the group and staff member it belongs to."""

    family: object
    group: object
    staff: object
    caregiver: object
    child: object
    placement: object
    network_member: object
    consent: object
    intake: object
    contact: object
    follow_up: object
    agreement: object
    # The catalogue entries the family's organisation uses (one catalogue is shared by every organisation until
    # the catalogues are per organisation).
    question: object = None
    item: object = None


def family_file(*, family, group, staff, parent_user, child_name, caregiver_name) -> FamilyFile:
    """Fill `family` with one of everything: a child placed in `group` with `staff` as mentor, a caregiver with
    a portal account, a network member, a consent, an intake, a contact with a follow-up and a proposed
    agreement."""
    child = f.ChildFactory(family=family, first_name=child_name, mentor=staff)
    placement = f.PlacementFactory(child=child, group=group)
    caregiver = f.CaregiverFactory(
        family=family, first_name=caregiver_name, user=parent_user, email=f"{parent_user.username}@example.org"
    )
    intake = f.IntakeFactory(family=family, conducted_by=staff)
    contact = f.ContactMomentFactory(family=family, author=staff)
    return FamilyFile(
        family=family,
        group=group,
        staff=staff,
        caregiver=caregiver,
        child=child,
        placement=placement,
        network_member=f.NetworkMemberFactory(family=family),
        consent=f.ConsentFactory(family=family, given_by=caregiver),
        intake=intake,
        contact=contact,
        follow_up=f.FollowUpFactory(contact=contact, owner=staff),
        agreement=f.proposed_agreement(family=family, by=staff, child=child),
        question=intake.answers.first().question,
        item=ChecklistItem.objects.for_organisation(family.organisation_id).active().first(),
    )


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
    foreign: FamilyFile = None  # set by the `foreign` fixture

    @cached_property
    def own(self) -> FamilyFile:
        """`family`'s file: in scope for staff, the coordinator and the admin; out of scope for other_staff."""
        return FamilyFile(
            family=self.family,
            group=self.group,
            staff=self.users["staff"],
            caregiver=self.caregiver,
            child=self.child,
            placement=self.placement,
            network_member=self.network_member,
            consent=self.consent,
            intake=self.intake,
            contact=self.contact,
            follow_up=self.follow_up,
            agreement=self.agreement,
            question=self.question,
            item=self.item,
        )


@pytest.fixture(autouse=True)
def empty_cache():
    """The throttle's counters (password resets, accounts/throttle.py) live in the cache: every test starts
    without them, as if it were the first request of the hour."""
    from django.core.cache import cache

    cache.clear()


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
    # The organisation admin is not a Django superuser (DESIGN.md section 7); "support" is, for Django's admin.
    admin = f.UserFactory(username="admin", role=Role.ADMIN, organisation=organisation)
    support = f.UserFactory(username="support", role=Role.ADMIN, organisation=None, is_staff=True, is_superuser=True)

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
    # A positive moment shared last week (made directly: the outbox starts empty).
    Moment.objects.create(
        family=family,
        child=child,
        author=staff,
        text="Noor zong vandaag een liedje in de kring.",
        created_at=timezone.now() - datetime.timedelta(days=7),
    )

    other_family = f.FamilyFactory(organisation=organisation, name="Familie Twee")
    other_child = f.ChildFactory(family=other_family, first_name="Daantje-Twee", mentor=far_staff)
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
        "support": support,
    }
    # The admin has opened the family's file with a reason, so the access matrix shows what an open file gives
    # them (other_family stays closed to them). Made directly, so that the access log starts empty.
    FileAccess.objects.create(
        user=admin,
        family=family,
        reason=FileReason.SUPPORT,
        explanation="Gevraagd door de coördinator.",
        until=timezone.now() + datetime.timedelta(days=1),
    )
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
        item=ChecklistItem.objects.for_organisation(organisation).active().first(),
        agreement=agreement,
    )


@pytest.fixture
def foreign(world) -> FamilyFile:
    """A family of ANOTHER organisation, with its own location, group and staff: out of scope for every role of
    the world, the organisation admin included. Also at `world.foreign`."""
    organisation = f.OrganisationFactory(name="Kinderopvang Elders")
    location = f.LocationFactory(organisation=organisation, name="Locatie Elders")
    group = f.GroupFactory(location=location, name="E1")
    staff = f.UserFactory(username="foreign_staff", role=Role.STAFF, organisation=organisation)
    f.StaffMembershipFactory(user=staff, group=group)
    parent_user = f.UserFactory(username="foreign_parent", role=Role.PARENT, organisation=organisation)
    family = f.FamilyFactory(organisation=organisation, name="Familie Elders")
    world.foreign = family_file(
        family=family, group=group, staff=staff, parent_user=parent_user, child_name="Jip", caregiver_name="Sanne"
    )
    return world.foreign


@pytest.fixture
def client_for(client, world):
    """A test client signed in as one of the world's roles ("anonymous" stays signed out)."""

    def make(role):
        client.logout()
        if role != "anonymous":
            client.force_login(world.users[role])
        return client

    return make
