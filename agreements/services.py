"""Writes to agreements. Each runs in one transaction; django-pghistory's triggers keep every change."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation, Outcome, Reaction, Status
from contacts.choices import Kind
from contacts.services import ContactData, contact_log

MARKUP = re.compile(r"<[^>]+>")


class StaleEdit(Exception):
    message = _(
        "Someone else changed this agreement while you were editing. Your changes were not saved; below is the "
        "current version. Make your changes again."
    )


def _content(data: dict) -> dict:
    return {name: data.get(name, "") for name in AgreementVersion.CONTENT_FIELDS}


def _check_content(content: dict) -> None:
    if not str(content.get("goal", "")).strip():
        raise ValidationError({"goal": _("Write the joint goal.")})
    if not content.get("evaluation_on"):
        raise ValidationError({"evaluation_on": _("Choose when you will evaluate together.")})


def _bump(agreement: Agreement, expected: int, **fields) -> None:
    updated = Agreement.objects.filter(pk=agreement.pk, lock_version=expected).update(
        lock_version=F("lock_version") + 1, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise StaleEdit
    agreement.refresh_from_db()


@transaction.atomic
def agreement_create(*, family, by, title: str, child=None, content: dict) -> Agreement:
    if family.archived_on:
        raise ValidationError(_("This family is archived."))
    if child is not None and child.family_id != family.pk:
        raise ValidationError({"child": _("Choose a child of this family.")})
    content = _content(content)
    _check_content(content)
    agreement = Agreement.objects.create(
        family=family, child=child, title=title, created_by=by, evaluation_on=content["evaluation_on"]
    )
    version = AgreementVersion.objects.create(agreement=agreement, number=1, created_by=by, **content)
    agreement.current = version
    agreement.save(update_fields=["current"])
    return agreement


@transaction.atomic
def agreement_update(*, agreement: Agreement, by, expected_version: int, title: str, child=None, content: dict):
    """A draft is changed in place. After it was proposed, a change is a new version that goes to the parents
    again: what they agreed to before stays as it was."""
    if agreement.status == Status.CLOSED:
        raise ValidationError(_("A closed agreement cannot be changed."))
    if child is not None and child.family_id != agreement.family_id:
        raise ValidationError({"child": _("Choose a child of this family.")})
    content = _content(content)
    _check_content(content)
    current = agreement.current
    if agreement.status == Status.DRAFT:
        _bump(agreement, expected_version, title=title, child=child, evaluation_on=content["evaluation_on"])
        AgreementVersion.objects.filter(pk=current.pk).update(**content)
        return agreement
    now = timezone.now()
    version = AgreementVersion.objects.create(
        agreement=agreement, number=current.number + 1, created_by=by, proposed_at=now, **content
    )
    _bump(
        agreement,
        expected_version,
        title=title,
        child=child,
        current=version,
        status=Status.PROPOSED,
        proposed_at=now,
        evaluation_on=content["evaluation_on"],
    )
    return agreement


@transaction.atomic
def agreement_propose(*, agreement: Agreement, by, expected_version: int) -> Agreement:
    if agreement.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be proposed."))
    now = timezone.now()
    AgreementVersion.objects.filter(pk=agreement.current_id).update(proposed_at=now)
    _bump(agreement, expected_version, status=Status.PROPOSED, proposed_at=now)
    return agreement


def _confirm(*, agreement: Agreement, version: AgreementVersion, caregiver, by, contact=None) -> Confirmation:
    if agreement.status != Status.PROPOSED or version.pk != agreement.current_id:
        raise ValidationError(_("This version is not (or no longer) waiting for your agreement."))
    if Confirmation.objects.filter(version=version, caregiver=caregiver).exists():
        raise ValidationError(_("You already agreed to this version."))
    confirmation = Confirmation.objects.create(version=version, caregiver=caregiver, recorded_by=by, contact=contact)
    Agreement.objects.filter(pk=agreement.pk).update(
        status=Status.AGREED, agreed_at=timezone.now(), lock_version=F("lock_version") + 1
    )
    agreement.refresh_from_db()
    return confirmation


@transaction.atomic
def agreement_confirm(*, agreement: Agreement, version: AgreementVersion, by) -> Confirmation:
    """A parent says "akkoord" in the portal, to the version they read."""
    caregiver = getattr(by, "caregiver", None)
    if caregiver is None or caregiver.family_id != agreement.family_id:
        raise PermissionDenied
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    return _confirm(agreement=agreement, version=version, caregiver=caregiver, by=by)


@transaction.atomic
def agreement_record_agreed(*, agreement: Agreement, by, caregivers, contact) -> list[Confirmation]:
    """Staff record that the parents agreed in a conversation (for parents without a portal login)."""
    if contact.family_id != agreement.family_id:
        raise ValidationError({"contact": _("Choose a conversation with this family.")})
    if any(caregiver.family_id != agreement.family_id for caregiver in caregivers):
        raise ValidationError({"caregivers": _("Choose caregivers of this family.")})
    if not caregivers:
        raise ValidationError({"caregivers": _("Choose who agreed.")})
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    first, *others = caregivers
    confirmations = [_confirm(agreement=agreement, version=agreement.current, caregiver=first, by=by, contact=contact)]
    for caregiver in others:
        confirmations.append(
            Confirmation.objects.get_or_create(
                version=agreement.current, caregiver=caregiver, defaults={"recorded_by": by, "contact": contact}
            )[0]
        )
    return confirmations


@transaction.atomic
def agreement_react(*, agreement: Agreement, by, text: str) -> Reaction:
    caregiver = getattr(by, "caregiver", None)
    if caregiver is None or caregiver.family_id != agreement.family_id:
        raise PermissionDenied
    if agreement.status == Status.DRAFT:
        raise ValidationError(_("This agreement is not shared with you yet."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write your reaction.")})
    if len(text) > Reaction.MAX_LENGTH:
        raise ValidationError({"text": _("Your reaction is too long.")})
    return Reaction.objects.create(agreement=agreement, version=agreement.current, caregiver=caregiver, text=text)


def contains_markup(text: str) -> bool:
    return bool(MARKUP.search(text))


@transaction.atomic
def agreement_evaluate(
    *,
    agreement: Agreement,
    by,
    contact_data: ContactData,
    outcome: str,
    next_evaluation_on: datetime.date | None,
) -> Evaluation:
    """Looking back together: logs the conversation as a contact of kind evaluation and moves the agreement
    on (continue with a new date, adjust in a new version, or close)."""
    if agreement.status in (Status.DRAFT, Status.CLOSED):
        raise ValidationError(_("Only an agreement that was proposed or agreed can be evaluated."))
    if outcome == Outcome.CONTINUE and not next_evaluation_on:
        raise ValidationError({"next_evaluation_on": _("Choose when you will evaluate again.")})
    contact_data.kind = Kind.EVALUATION
    contact = contact_log(family=agreement.family, by=by, data=contact_data)
    evaluation = Evaluation.objects.create(
        agreement=agreement,
        version=agreement.current,
        contact=contact,
        outcome=outcome,
        next_evaluation_on=next_evaluation_on if outcome != Outcome.CLOSE else None,
    )
    fields = {"status": Status.EVALUATED}
    if outcome == Outcome.CLOSE:
        fields = {"status": Status.CLOSED, "closed_on": timezone.localdate(), "evaluation_on": None}
    elif next_evaluation_on:
        fields["evaluation_on"] = next_evaluation_on
    Agreement.objects.filter(pk=agreement.pk).update(lock_version=F("lock_version") + 1, **fields)
    agreement.refresh_from_db()
    return evaluation
