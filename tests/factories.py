import datetime

import factory
from django.utils import timezone

from accounts.models import Role, User
from contacts.choices import Kind, Tone
from contacts.models import ContactMoment, FollowUp
from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement
from intakes.models import Intake, IntakeAnswer, IntakeQuestion
from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership
from threads.models import Message, Thread, Topic

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


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMember

    family = factory.SubFactory(FamilyFactory)
    name = factory.Faker("name", locale="nl_NL")
    role = NetworkMember.Role.GRANDPARENT


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    family = factory.SubFactory(FamilyFactory)
    topic = Consent.Topic.PHOTOS_INTERNAL


class IntakeFactory(factory.django.DjangoModelFactory):
    """An intake with an answer to the first active question."""

    class Meta:
        model = Intake
        skip_postgeneration_save = True

    family = factory.SubFactory(FamilyFactory)
    conducted_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def answer(self, create, extracted, **kwargs):
        if create:
            question = IntakeQuestion.objects.for_organisation(self.family.organisation_id).active().first()
            IntakeAnswer.objects.create(
                intake=self, question=question, question_text=question.text, answer=extracted or "Rust en regelmaat."
            )


class ContactMomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMoment
        skip_postgeneration_save = True

    family = factory.SubFactory(FamilyFactory)
    author = factory.SubFactory(UserFactory)
    kind = Kind.INFORMAL
    tone = Tone.POSITIVE
    summary = "Kort gesproken bij het brengen."
    occurred_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=2))

    @factory.post_generation
    def caregivers(self, create, extracted, **kwargs):
        if create:
            self.caregivers.set(extracted if extracted is not None else self.family.caregivers.all()[:1])


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    contact = factory.SubFactory(ContactMomentFactory)
    family = factory.SelfAttribute("contact.family")
    description = "Informatie over zindelijkheid meegeven"
    owner = factory.SelfAttribute("contact.author")
    created_by = factory.SelfAttribute("contact.author")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


def agreement_content(**overrides) -> dict:
    content = {
        "goal": "Noor slaapt 's middags rustig.",
        "agreed_points": "Een vast ritueel helpt.",
        "parents_do": "Knuffel meegeven.",
        "staff_do": "Het ritueel van thuis volgen.",
        "evaluation_on": timezone.localdate() + datetime.timedelta(days=30),
    }
    content.update(overrides)
    return content


def proposed_agreement(*, family, by, child=None, title="Slapen op de groep", **content):
    """An agreement proposed to the parents (through the services, as the app makes them)."""
    from agreements import services

    agreement = services.agreement_create(
        family=family, by=by, title=title, child=child, content=agreement_content(**content)
    )
    services.agreement_propose(agreement=agreement, by=by, expected_version=agreement.lock_version)
    return agreement


class ThreadFactory(factory.django.DjangoModelFactory):
    """A parent's question waiting for an answer, with its first message (`text`), as threads.services makes it."""

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    family = factory.SubFactory(FamilyFactory)
    caregiver = factory.LazyAttribute(lambda thread: thread.family.caregivers.first())
    topic = Topic.QUESTION
    waiting_since = factory.LazyFunction(timezone.now)
    last_message_at = factory.SelfAttribute("waiting_since")
    created_at = factory.SelfAttribute("waiting_since")

    @factory.post_generation
    def text(self, create, extracted, **kwargs):
        if create:
            Message.objects.create(
                thread=self,
                author_id=self.caregiver.user_id if self.caregiver else None,
                from_parent=True,
                text=extracted or "Hoe slaapt Noor tussen de middag?",
                created_at=self.created_at,
            )


def feedback_answers(**scores) -> dict:
    """An answer (1 to 5) to every question of the portal's feedback form: by question name, or by dimension
    (relatie, competentie, autonomie) for all of its questions; 4 for the others."""
    from portal.models import QUESTIONS

    return {name: scores.get(name, scores.get(dimension, 4)) for name, dimension in QUESTIONS}
