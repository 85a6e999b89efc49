"""Builds the demo organisation. Deterministic: the same data on every machine."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from demo import data
from demo.agreements import seed_agreements
from demo.childpages import seed_child_pages
from demo.contacts import seed_contacts
from demo.family_file import seed_family_file
from demo.health import seed_health_history
from demo.lifeevents import seed_life_events
from demo.moments import seed_moments
from families.models import Caregiver, Child, Family, Placement
from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership
from partnership.catalogue import catalogue_seed


class NotADemoDatabase(Exception):
    pass


def database_has_real_data() -> bool:
    from demo.large import ORGANISATION as LARGE

    fictional = [data.ORGANISATION, LARGE]
    return Organisation.objects.exclude(name__in=fictional).exists() or User.objects.filter(is_demo=False).exists()


def demo_present() -> bool:
    return Organisation.objects.filter(name=data.ORGANISATION).exists()


def ensure_reference_data() -> None:
    """Every organisation has its catalogues (intake questions, success factors), copied from the reference
    sets if it lacks one. A new organisation gets them when it is created; this repairs a database where they
    went missing."""
    for organisation in Organisation.objects.all():
        catalogue_seed(organisation=organisation)


@transaction.atomic
def seed_demo(*, password: str, today: datetime.date | None = None) -> Organisation:
    today = today or timezone.localdate()
    ensure_reference_data()
    organisation = Organisation.objects.create(
        name=data.ORGANISATION, go_live=today - datetime.timedelta(days=data.GO_LIVE_DAYS_AGO)
    )
    groups = {}
    locations = {}
    for spec in data.LOCATIONS:
        location = Location.objects.create(organisation=organisation, name=spec["name"], address=spec["address"])
        locations[location.name] = location
        for name, kind in spec["groups"]:
            groups[name] = Group.objects.create(location=location, name=name, kind=kind)

    users = {}
    for username, first, last, role, scope in data.STAFF:
        user = _demo_user(username, first, last, role, organisation, password)
        users[username] = user
        if role == Role.STAFF:
            StaffMembership.objects.bulk_create(StaffMembership(user=user, group=groups[g]) for g in scope)
        elif role == Role.COORDINATOR:
            CoordinatorAssignment.objects.bulk_create(
                CoordinatorAssignment(user=user, location=locations[name]) for name in scope
            )

    # Each child's mentor works in the child's group: the first staff member of that group, and Sanne
    # ("staff") mentors the children of Rupsen so the demo staff login has mentees.
    mentors = {}
    for username, _first, _last, role, scope in data.STAFF:
        if role == Role.STAFF:
            for group_name in scope:
                mentors.setdefault(group_name, users[username])

    created = []
    genders = {}  # child's pk: "m" or "f", for the pronouns of the demo's texts
    parent_families = {family: (login, first) for login, (family, first) in data.PARENT_LOGINS.items()}
    for name, languages, interpreter, caregivers, children in data.FAMILIES:
        family = Family.objects.create(
            organisation=organisation,
            name=name,
            home_languages=languages,
            interpreter_needed=interpreter,
            interpreter_notes="Tolk via de tolkentelefoon; nooit het kind laten vertalen." if interpreter else "",
        )
        created.append(family)
        for first, last, relation, authority in caregivers:
            caregiver = Caregiver(
                family=family,
                first_name=first,
                last_name=last,
                relation=relation,
                has_parental_authority=authority,
                email=f"{first.lower()}.{family.pk}@example.nl",
                phone=f"06-{family.pk:04d}{len(first):04d}",
            )
            login = parent_families.get(name)
            if login and login[1] == first:
                caregiver.user = _demo_user(login[0], first, last, Role.PARENT, organisation, password)
            caregiver.save()
        for first, months, group_name, gender in children:
            child = Child.objects.create(
                family=family,
                first_name=first,
                last_name=caregivers[0][1],
                date_of_birth=today - datetime.timedelta(days=int(months * 30.4)),
                mentor=None if name == data.NEW_FAMILY else mentors[group_name],
            )
            genders[child.pk] = gender
            Placement.objects.create(
                child=child,
                group=groups[group_name],
                start_date=today - datetime.timedelta(days=min(int(months * 30.4) - 60, 700) if months > 4 else 20),
            )
    seed_family_file(created, mentors, today, random.Random(2026), genders=genders)
    seed_contacts(created, today, random.Random(2027), genders=genders)
    seed_agreements(created, today, random.Random(2028))
    seed_child_pages(created)
    seed_moments(created, today, random.Random(2030))
    seed_life_events(created, today)
    seed_health_history(today, random.Random(2029))
    return organisation


def _demo_user(username, first, last, role, organisation, password) -> User:
    user = User(
        username=username,
        first_name=first,
        last_name=last,
        role=role,
        organisation=organisation,
        email=f"{username}@example.nl",
        is_demo=True,
    )
    user.set_password(password)
    user.save()
    return user


def demo_logins() -> list[tuple[str, str]]:
    users = {u.username: u for u in User.objects.filter(is_demo=True, username__in=_LOGIN_ORDER)}
    return [
        (name, f"{users[name].get_role_display()}: {users[name].get_full_name()}")
        for name in _LOGIN_ORDER
        if name in users
    ]


_LOGIN_ORDER = ["coordinator", "staff", "parent", "parent2", "admin"]
