"""Parental authority (gezag) on the services, without HTTP: only a caregiver with gezag agrees, the agreement is
agreed once every one of them agreed to the current version (or one, when staff chose so for an everyday matter),
and proposing a version tells every caregiver who uses the portal."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from agreements import gezag, services
from agreements.models import Agreement, Confirmation, Status
from contacts.choices import Kind
from notifications.models import Kind as NotificationKind
from notifications.models import Notification
from tests import factories as f

pytestmark = pytest.mark.django_db


def _caregiver(world, first_name, *, authority=True, portal=True, relation="vader"):
    user = None
    if portal:
        user = f.UserFactory(
            username=first_name.lower(),
            first_name=first_name,
            role=Role.PARENT,
            organisation=world.organisation,
            email=f"{first_name.lower()}@example.org",
        )
    return f.CaregiverFactory(
        family=world.family, first_name=first_name, relation=relation, has_parental_authority=authority, user=user
    )


def _conversation(world):
    return f.ContactMomentFactory(
        family=world.family,
        author=world.users["staff"],
        kind=Kind.PARENT_CONVERSATION,
        occurred_at=timezone.now() - datetime.timedelta(hours=1),
    )


def _fresh(agreement):
    return Agreement.objects.get(pk=agreement.pk)


def _new_version(world, agreement, **content):
    agreement = _fresh(agreement)
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=agreement.lock_version,
        title=agreement.title,
        content=f.agreement_content(**content),
        one_akkoord_enough=agreement.one_akkoord_enough,
    )
    return _fresh(agreement)


def test_with_two_parents_with_gezag_it_is_agreed_only_after_both_agreed(world):
    thomas = _caregiver(world, "Thomas")
    agreement = world.agreement
    services.agreement_confirm(agreement=agreement, version=agreement.current, by=world.users["parent"])
    assert _fresh(agreement).status == Status.PROPOSED
    services.agreement_confirm(agreement=agreement, version=agreement.current, by=thomas.user)
    agreement = _fresh(agreement)
    assert agreement.status == Status.AGREED and agreement.agreed_at is not None


def test_a_parent_in_the_portal_and_one_recorded_by_staff_together_agree(world):
    thomas = _caregiver(world, "Thomas", portal=False)
    agreement = world.agreement
    services.agreement_confirm(agreement=agreement, version=agreement.current, by=world.users["parent"])
    conversation = _conversation(world)
    services.agreement_record_agreed(
        agreement=agreement, by=world.users["staff"], caregivers=[thomas], contact=conversation
    )
    agreement = _fresh(agreement)
    assert agreement.status == Status.AGREED
    recorded = Confirmation.objects.get(caregiver=thomas)
    assert recorded.contact == conversation and not recorded.in_portal


def test_one_akkoord_is_enough_only_when_staff_chose_so_for_this_agreement(world):
    _caregiver(world, "Thomas")
    agreement = services.agreement_create(
        family=world.family,
        by=world.users["staff"],
        title="Fruit mee",
        content=f.agreement_content(),
        one_akkoord_enough=True,
    )
    assert agreement.one_akkoord_enough
    services.agreement_propose(agreement=agreement, by=world.users["staff"], expected_version=agreement.lock_version)
    services.agreement_confirm(agreement=agreement, version=agreement.current, by=world.users["parent"])
    assert _fresh(agreement).status == Status.AGREED
    # The default is every caregiver with gezag, and the choice is kept in the agreement's history.
    assert not world.agreement.one_akkoord_enough
    assert agreement.events.filter(one_akkoord_enough=True).exists()


def test_a_caregiver_without_gezag_cannot_agree_and_nothing_changes(world):
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    before = _fresh(world.agreement)
    with pytest.raises(PermissionDenied):
        services.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=opa.user)
    after = _fresh(world.agreement)
    assert not Confirmation.objects.exists()
    assert after.status == Status.PROPOSED and after.lock_version == before.lock_version


def test_staff_cannot_record_an_akkoord_for_a_caregiver_without_gezag(world):
    opa = _caregiver(world, "Henk", authority=False, portal=False, relation="opa")
    with pytest.raises(ValidationError) as refused:
        services.agreement_record_agreed(
            agreement=world.agreement, by=world.users["staff"], caregivers=[world.caregiver, opa], contact=world.contact
        )
    assert "met ouderlijk gezag" in str(refused.value)
    assert not Confirmation.objects.exists() and _fresh(world.agreement).status == Status.PROPOSED


def test_recording_an_akkoord_that_was_already_given_is_refused(world):
    _caregiver(world, "Thomas")
    services.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=world.users["parent"])
    with pytest.raises(ValidationError) as refused:
        services.agreement_record_agreed(
            agreement=world.agreement, by=world.users["staff"], caregivers=[world.caregiver], contact=world.contact
        )
    assert "al akkoord" in str(refused.value)
    assert Confirmation.objects.count() == 1 and _fresh(world.agreement).status == Status.PROPOSED


def test_an_akkoord_on_a_version_that_was_replaced_is_refused_with_a_clear_message(world):
    old = world.agreement.current
    agreement = _new_version(world, world.agreement, goal="Noor slaapt in haar eigen bedje.")
    with pytest.raises(ValidationError) as refused:
        services.agreement_confirm(agreement=agreement, version=old, by=world.users["parent"])
    assert "nieuwere versie" in str(refused.value)
    with pytest.raises(ValidationError):
        services.agreement_record_agreed(
            agreement=agreement,
            by=world.users["staff"],
            caregivers=[world.caregiver],
            contact=world.contact,
            version=old,
        )
    assert not Confirmation.objects.exists() and _fresh(agreement).status == Status.PROPOSED


def test_without_any_caregiver_with_gezag_on_file_nobody_can_agree(world):
    world.caregiver.has_parental_authority = False
    world.caregiver.save()
    with pytest.raises(PermissionDenied):
        services.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=world.users["parent"])
    akkoord = gezag.overview(
        agreement=world.agreement,
        version=world.agreement.current,
        caregivers=gezag.with_portal_use(world.family.caregivers.all()),
    )
    assert akkoord.holders == [] and akkoord.without_authority == [world.caregiver]


def test_the_overview_says_per_caregiver_with_gezag_agreed_not_yet_or_not_invited(world):
    thomas = _caregiver(world, "Thomas")
    _caregiver(world, "Anna", portal=False, relation="pleegmoeder")
    invited = _caregiver(world, "Kees", relation="stiefvader")
    invited.user.set_unusable_password()  # invited, but has not chosen a password yet
    invited.user.save()
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    services.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=world.users["parent"])
    agreement = _fresh(world.agreement)
    akkoord = gezag.overview(
        agreement=agreement,
        version=agreement.current,
        caregivers=gezag.with_portal_use(world.family.caregivers.all()),
    )
    states = {item.caregiver.first_name: item.state for item in akkoord.holders}
    assert states == {
        "Eva": gezag.AGREED,
        "Thomas": gezag.WAITING,
        "Anna": gezag.NOT_INVITED,
        "Kees": gezag.NOT_INVITED,
    }
    assert [c.pk for c in akkoord.without_authority] == [opa.pk]
    assert akkoord.agreed_count == 1 and not akkoord.nobody_in_portal
    assert next(i for i in akkoord.holders if i.agreed).confirmation.in_portal
    assert thomas.pk in {i.caregiver.pk for i in akkoord.waiting}


def test_proposing_tells_every_caregiver_who_uses_the_portal_once_per_version(world):
    thomas = _caregiver(world, "Thomas")
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    _caregiver(world, "Anna", portal=False)
    revoked = _caregiver(world, "Kees")
    revoked.user.is_active = False
    revoked.user.save()
    agreement = services.agreement_create(
        family=world.family, by=world.users["staff"], title="Fruit mee", content=f.agreement_content()
    )
    assert not Notification.objects.exists()  # a draft tells nobody
    services.agreement_propose(agreement=agreement, by=world.users["staff"], expected_version=agreement.lock_version)
    agreement = _fresh(agreement)
    told = Notification.objects.filter(event=f"agreement-version:{agreement.current_id}")
    # The world's parent has no e-mail address: the outbox cannot reach her (notifications.services.notify).
    assert {n.recipient_id for n in told} == {thomas.user_id, opa.user_id}
    assert {n.kind for n in told} == {NotificationKind.AGREEMENT_PROPOSED}
    assert {n.link for n in told} == {reverse("portal:agreement", args=[agreement.pk])}

    agreement = _new_version(world, agreement, goal="Een ander doel.")
    assert Notification.objects.filter(event=f"agreement-version:{agreement.current_id}").count() == 2
    assert Notification.objects.count() == 4


def test_a_notification_never_holds_the_agreement_text(world):
    _caregiver(world, "Thomas")
    agreement = _new_version(world, world.agreement, goal="Geheim doel 7731")
    for notification in Notification.objects.all():
        assert "7731" not in f"{notification.event} {notification.link}"
    assert agreement.status == Status.PROPOSED


def test_an_agreement_agreed_under_the_earlier_rule_stays_agreed(world):
    """Before gezag counted, one akkoord of any caregiver made an agreement agreed; the migration and the
    services leave such an agreement as it is (nothing recomputes a stored status)."""
    opa = _caregiver(world, "Henk", authority=False, portal=False, relation="opa")
    agreement = world.agreement
    Confirmation.objects.create(version=agreement.current, caregiver=opa, recorded_by=world.users["staff"])
    Agreement.objects.filter(pk=agreement.pk).update(status=Status.AGREED, agreed_at=timezone.now())
    _caregiver(world, "Thomas")
    agreement = _fresh(agreement)
    assert agreement.status == Status.AGREED and not agreement.one_akkoord_enough
    akkoord = gezag.overview(
        agreement=agreement, version=agreement.current, caregivers=gezag.with_portal_use(world.family.caregivers.all())
    )
    assert akkoord.agreed_count == 0 and len(akkoord.holders) == 2
