import datetime

import factory
from django.utils import timezone

from accounts.models import Role, User
from families.models import Caregiver, Child, Family, Placement
from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership

PASSWORD = "test-password-123"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Kinderopvang {n}")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Locatie {n}")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    location = factory.SubFactory(LocationFactory)
    name = factory.Sequence(lambda n: f"Groep {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    role = Role.STAFF
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class StaffMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMembership

    user = factory.SubFactory(UserFactory)
    group = factory.SubFactory(GroupFactory)


class CoordinatorAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoordinatorAssignment

    user = factory.SubFactory(UserFactory, role=Role.COORDINATOR)
    location = factory.SubFactory(LocationFactory)


class FamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Family

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Faker("last_name", locale="nl_NL")


class CaregiverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Caregiver

    family = factory.SubFactory(FamilyFactory)
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.SelfAttribute("family.name")
    relation = "moeder"


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    family = factory.SubFactory(FamilyFactory)
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.SelfAttribute("family.name")
    date_of_birth = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=700))


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    child = factory.SubFactory(ChildFactory)
    group = factory.SubFactory(GroupFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
