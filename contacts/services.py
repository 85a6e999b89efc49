"""Writes to contact moments. Each runs in one transaction and re-checks the rules the forms check, so no
caller can store a contact that breaks them; django-pghistory's triggers keep the history."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.choices import ReferralStatus, Visibility
from contacts.models import Addendum, ChecklistTick, ContactMoment, FollowUp
from notifications.models import Kind
from notifications.services import notify
from partnership.locking import save_if_current
from successfactors.models import ChecklistItem


@dataclass
class FollowUpData:
    description: str
    owner: object
    due_on: datetime.date
    promised_to_parents: bool = False
    referral_to: str = ""
    referral_other: str = ""
    agreed_with_parents: bool = False
    referral_status: str = ""


@dataclass
class ContactData:
    kind: str
    occurred_at: datetime.datetime
    tone: str
    caregivers: list = field(default_factory=list)
    children: list = field(default_factory=list)
    occasion: str = ""
    summary: str = ""
    notes: str = ""
    interpreter_used: bool = False
    visibility: str = Visibility.INTERNAL
    shared_summary: str = ""
    items: list = field(default_factory=list)


def _check(*, family, data: ContactData) -> None:
    errors = {}
    if data.occurred_at > timezone.now():
        errors["occurred_at"] = _("A contact cannot be in the future.")
    if any(caregiver.family_id != family.pk for caregiver in data.caregivers):
        errors["caregivers"] = _("Choose caregivers of this family.")
    if any(child.family_id != family.pk for child in data.children):
        errors["children"] = _("Choose children of this family.")
    if data.visibility == Visibility.SHARED and not data.shared_summary.strip():
        errors["shared_summary"] = _("Write the summary for the parents when the contact is shared.")
    # The family's organisation's catalogue only: an item of another organisation is not on this checklist.
    items = ChecklistItem.objects.for_organisation(family.organisation_id).for_kind(data.kind)
    allowed = set(items.values_list("pk", flat=True))
    if any(item.pk not in allowed for item in data.items):
        errors["items"] = _("An item is not (or no longer) on the checklist for this kind of contact.")
    if errors:
        raise ValidationError(errors)


def _check_follow_up(*, contact_date: datetime.date, follow_up: FollowUpData) -> None:
    if follow_up.due_on < contact_date:
        raise ValidationError({"due_on": _("The follow-up cannot be due before the contact.")})


def _fields(data: ContactData) -> dict:
    """What the staff member wrote, as stored: trimmed, and a shared summary only when the contact is shared."""
    return {
        "occasion": data.occasion,
        "occurred_at": data.occurred_at,
        "tone": data.tone,
        "summary": data.summary.strip(),
        "notes": data.notes.strip(),
        "interpreter_used": data.interpreter_used,
        "visibility": data.visibility,
        "shared_summary": data.shared_summary.strip() if data.visibility == Visibility.SHARED else "",
    }


def _tick(contact: ContactMoment, items) -> None:
    ChecklistTick.objects.bulk_create(
        ChecklistTick(contact=contact, item=item, theme=item.theme, prompt=item.prompt) for item in items
    )


def _add_follow_up(*, contact: ContactMoment, by, data: FollowUpData) -> FollowUp:
    status = (data.referral_status or ReferralStatus.PLANNED) if data.referral_to else ""
    return FollowUp.objects.create(
        family_id=contact.family_id,
        contact=contact,
        created_by=by,
        description=data.description,
        owner=data.owner,
        due_on=data.due_on,
        promised_to_parents=data.promised_to_parents,
        referral_to=data.referral_to,
        referral_other=data.referral_other if data.referral_to else "",
        agreed_with_parents=data.agreed_with_parents if data.referral_to else False,
        referral_status=status,
    )


@transaction.atomic
def contact_log(*, family, by, data: ContactData, follow_ups: list[FollowUpData] = (), intake=None) -> ContactMoment:
    if family.archived_on:
        raise ValidationError(_("This family is archived."))
    _check(family=family, data=data)
    contact_date = timezone.localdate(data.occurred_at)
    for follow_up in follow_ups:
        _check_follow_up(contact_date=contact_date, follow_up=follow_up)
    contact = ContactMoment.objects.create(family=family, author=by, intake=intake, kind=data.kind, **_fields(data))
    contact.caregivers.set(data.caregivers)
    contact.children.set(data.children)
    _tick(contact, data.items)
    for follow_up in follow_ups:
        _add_follow_up(contact=contact, by=by, data=follow_up)
    _tell_parents_of_shared_summary(contact)
    return contact


def _tell_parents_of_shared_summary(contact: ContactMoment) -> None:
    """A summary shared with the parents: each caregiver who reads summaries in the portal is told (once per
    contact, in this transaction; the e-mail holds no content)."""
    if contact.visibility != Visibility.SHARED:
        return
    for caregiver in contact.family.caregivers.select_related("user"):
        if caregiver.user_id and caregiver.reads_summaries:
            notify(
                recipient=caregiver.user,
                kind=Kind.SHARED_SUMMARY,
                event=f"contact-shared:{contact.pk}",
                link=reverse("portal:home"),
            )


@transaction.atomic
def contact_update(*, contact: ContactMoment, by, expected_version: int, data: ContactData) -> ContactMoment:
    """The author corrects a contact within the edit window; the version guards against a stale form."""
    if not contact.editable_by(by):
        raise PermissionDenied(_("Only the author can change a contact, within 24 hours. Add an addendum instead."))
    _check(family=contact.family, data=data)
    save_if_current(contact, expected=expected_version, **_fields(data))
    contact.caregivers.set(data.caregivers)
    contact.children.set(data.children)
    # Keep the ticks that stay (with the prompt as it was), add new ones, remove the unticked.
    wanted = {item.pk: item for item in data.items}
    contact.ticks.exclude(item_id__in=wanted).delete()
    kept = set(contact.ticks.values_list("item_id", flat=True))
    _tick(contact, [item for pk, item in wanted.items() if pk not in kept])
    contact.refresh_from_db()
    _tell_parents_of_shared_summary(contact)
    return contact


@transaction.atomic
def addendum_add(*, contact: ContactMoment, by, text: str) -> Addendum:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the addendum.")})
    return Addendum.objects.create(contact=contact, author=by, text=text)


@transaction.atomic
def follow_up_add(*, contact: ContactMoment, by, data: FollowUpData) -> FollowUp:
    _check_follow_up(contact_date=timezone.localdate(contact.occurred_at), follow_up=data)
    return _add_follow_up(contact=contact, by=by, data=data)


@transaction.atomic
def follow_up_complete(*, follow_up: FollowUp, by, done: bool = True) -> FollowUp:
    follow_up.done_on = timezone.localdate() if done else None
    follow_up.done_by = by if done else None
    follow_up.save(update_fields=["done_on", "done_by"])
    return follow_up


@transaction.atomic
def referral_set_status(*, follow_up: FollowUp, by, status: str, agreed_with_parents: bool) -> FollowUp:
    if not follow_up.is_referral:
        raise ValidationError(_("This follow-up is not a referral."))
    if status not in ReferralStatus.values:
        raise ValidationError({"referral_status": _("Choose a status.")})
    follow_up.referral_status = status
    follow_up.agreed_with_parents = agreed_with_parents
    fields = ["referral_status", "agreed_with_parents"]
    # A referral whose help started, or that will not be pursued, needs no more action.
    if status in (ReferralStatus.STARTED, ReferralStatus.NOT_PURSUED) and follow_up.done_on is None:
        follow_up.done_on, follow_up.done_by = timezone.localdate(), by
        fields += ["done_on", "done_by"]
    follow_up.save(update_fields=fields)
    return follow_up
