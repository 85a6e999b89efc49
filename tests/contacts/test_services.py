"""The rules of contact moments, checked on the services (no HTTP)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from pghistory.models import Events

from contacts import services
from contacts.choices import Kind, ReferralStatus, ReferralTo, Tone, Visibility
from contacts.models import ContactMoment, FollowUp
from contacts.services import ContactData, FollowUpData
from partnership.locking import StaleEdit
from successfactors.models import ChecklistItem
from tests import factories as f

pytestmark = pytest.mark.django_db


def _data(world, **overrides) -> ContactData:
    values = {
        "kind": Kind.HOME_VISIT,
        "occurred_at": timezone.now() - datetime.timedelta(hours=1),
        "tone": Tone.WORRIED,
        "caregivers": [world.caregiver],
        "children": [world.child],
        "summary": "Thuis gekeken hoe het gaat met slapen.",
        "items": list(ChecklistItem.objects.for_organisation(world.organisation).for_kind(Kind.HOME_VISIT)[:3]),
    }
    values.update(overrides)
    return ContactData(**values)


def _log(world, **overrides):
    return services.contact_log(family=world.family, by=world.users["staff"], data=_data(world, **overrides))


def test_logging_a_contact_stores_the_ticked_success_factors_as_they_were_worded(world):
    contact = _log(world)
    ticks = list(contact.ticks.select_related("item"))
    assert len(ticks) == 3
    assert all(tick.prompt == tick.item.prompt and tick.theme == tick.item.theme for tick in ticks)
    assert list(contact.caregivers.all()) == [world.caregiver]


def test_rewording_an_item_later_does_not_change_what_an_old_contact_recorded(world):
    contact = _log(world)
    tick = contact.ticks.first()
    old_prompt = tick.prompt
    ChecklistItem.objects.for_organisation(world.organisation).filter(pk=tick.item_id).update(
        prompt="Nieuwe formulering"
    )
    tick.refresh_from_db()
    assert tick.prompt == old_prompt


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"occurred_at": timezone.now() + datetime.timedelta(days=1)}, "occurred_at"),
        ({"visibility": Visibility.SHARED, "shared_summary": "  "}, "shared_summary"),
    ],
)
def test_a_contact_breaking_a_rule_is_refused_and_nothing_is_saved(world, overrides, field):
    before = ContactMoment.objects.count()
    with pytest.raises(ValidationError) as error:
        _log(world, **overrides)
    assert field in error.value.message_dict
    assert ContactMoment.objects.count() == before


def test_a_caregiver_or_child_of_another_family_is_refused(world):
    stranger = f.CaregiverFactory(family=world.other_family)
    other_child = world.other_family.children.first()
    with pytest.raises(ValidationError) as error:
        _log(world, caregivers=[stranger], children=[other_child])
    assert {"caregivers", "children"} <= set(error.value.message_dict)


def test_an_item_not_on_the_kinds_checklist_or_retired_is_refused(world):
    not_for_home_visits = (
        ChecklistItem.objects.for_organisation(world.organisation).exclude(kinds__contains=[Kind.HOME_VISIT]).first()
    )
    with pytest.raises(ValidationError):
        _log(world, items=[not_for_home_visits])
    retired = ChecklistItem.objects.for_organisation(world.organisation).for_kind(Kind.HOME_VISIT).first()
    retired.retired_on = timezone.localdate()
    retired.save()
    with pytest.raises(ValidationError):
        _log(world, items=[retired])


def test_a_follow_up_due_before_the_contact_is_refused_and_the_contact_not_saved(world):
    before = ContactMoment.objects.count()
    follow_up = FollowUpData(
        description="Bellen", owner=world.users["staff"], due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    with pytest.raises(ValidationError):
        services.contact_log(family=world.family, by=world.users["staff"], data=_data(world), follow_ups=[follow_up])
    assert ContactMoment.objects.count() == before


def test_a_referral_gets_a_status_and_starting_help_closes_it(world):
    referral = FollowUpData(
        description="Samen het wijkteam bellen",
        owner=world.users["staff"],
        due_on=timezone.localdate() + datetime.timedelta(days=7),
        referral_to=ReferralTo.WIJKTEAM,
        agreed_with_parents=True,
    )
    contact = services.contact_log(
        family=world.family, by=world.users["staff"], data=_data(world), follow_ups=[referral]
    )
    stored = contact.follow_ups.get()
    assert stored.referral_status == ReferralStatus.PLANNED and stored.agreed_with_parents
    services.referral_set_status(
        follow_up=stored, by=world.users["staff"], status=ReferralStatus.STARTED, agreed_with_parents=True
    )
    stored.refresh_from_db()
    assert stored.done_on == timezone.localdate()


def test_the_database_refuses_a_shared_contact_without_a_parent_summary(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        f.ContactMomentFactory(family=world.family, author=world.users["staff"], visibility=Visibility.SHARED)


def test_the_database_refuses_a_referral_without_a_status(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowUp.objects.create(
            family=world.family,
            contact=world.contact,
            description="x",
            owner=world.users["staff"],
            created_by=world.users["staff"],
            due_on=timezone.localdate(),
            referral_to=ReferralTo.JGZ,
        )


def test_only_the_author_corrects_a_contact_and_only_within_24_hours(world):
    contact = _log(world)
    new = _data(world, summary="Aangevuld")
    with pytest.raises(PermissionDenied):
        services.contact_update(contact=contact, by=world.users["coordinator"], expected_version=1, data=new)
    ContactMoment.objects.filter(pk=contact.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    contact.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.contact_update(contact=contact, by=world.users["staff"], expected_version=1, data=new)


def test_a_correction_from_a_stale_form_is_refused(world):
    contact = _log(world)
    services.contact_update(
        contact=contact, by=world.users["staff"], expected_version=1, data=_data(world, summary="Eerste correctie")
    )
    with pytest.raises(StaleEdit):
        services.contact_update(
            contact=contact, by=world.users["staff"], expected_version=1, data=_data(world, summary="Tweede")
        )
    contact.refresh_from_db()
    assert contact.summary == "Eerste correctie" and contact.version == 2


def test_a_correction_keeps_the_wording_of_items_that_stay_ticked(world):
    contact = _log(world)
    kept = contact.ticks.first()
    ChecklistItem.objects.for_organisation(world.organisation).filter(pk=kept.item_id).update(prompt="Herschreven")
    items = list(ChecklistItem.objects.for_organisation(world.organisation).filter(pk=kept.item_id)) + list(
        ChecklistItem.objects.for_organisation(world.organisation)
        .for_kind(Kind.HOME_VISIT)
        .exclude(pk__in=contact.ticks.values("item"))[:1]
    )
    new = _data(world, items=items)
    services.contact_update(contact=contact, by=world.users["staff"], expected_version=1, data=new)
    prompts = set(contact.ticks.values_list("prompt", flat=True))
    assert kept.prompt in prompts and "Herschreven" not in prompts and len(prompts) == 2


def test_contacts_cannot_be_logged_for_an_archived_family(world):
    world.family.archived_on = timezone.localdate()
    world.family.save()
    with pytest.raises(ValidationError):
        _log(world)


def test_every_change_to_a_contact_is_kept_in_the_history(world):
    contact = _log(world)
    services.addendum_add(contact=contact, by=world.users["coordinator"], text="Later gebeld: gaat beter.")
    services.contact_update(contact=contact, by=world.users["staff"], expected_version=1, data=_data(world))
    labels = list(
        Events.objects.references(contact)
        .filter(pgh_obj_model="contacts.ContactMoment")
        .values_list("pgh_label", flat=True)
    )
    assert labels.count("insert") == 1 and labels.count("update") >= 1


def test_an_empty_addendum_is_refused(world):
    with pytest.raises(ValidationError):
        services.addendum_add(contact=world.contact, by=world.users["staff"], text="   ")
