"""Writes to agreements. Each runs in one transaction; django-pghistory's triggers keep every change."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements import pictograms
from agreements.gezag import is_agreed, uses_portal_q
from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation, Outcome, Status
from contacts.choices import Kind
from contacts.services import ContactData, contact_log
from families.models import Caregiver
from notifications.models import Kind as NotificationKind
from notifications.services import notify
from partnership.locking import lock_if_current, save_if_current


def _content(data: dict) -> dict:
    content = {name: data.get(name, "") for name in AgreementVersion.CONTENT_FIELDS}
    for name in AgreementVersion.PICTOGRAM_FIELDS:
        chosen = list(data.get(name) or [])
        if any(key not in pictograms.KEYS for key in chosen):
            raise ValidationError({name: _("Choose pictograms from the list.")})
        # In the set's order and each once: the version reads the same however the form sent them.
        content[name] = [key for key in pictograms.KEYS if key in chosen]
    return content


def _check_content(content: dict) -> None:
    if not str(content.get("goal", "")).strip():
        raise ValidationError({"goal": _("Write the joint goal.")})
    if not content.get("evaluation_on"):
        raise ValidationError({"evaluation_on": _("Choose when you will evaluate together.")})


@transaction.atomic
def agreement_create(
    *, family, by, title: str, child=None, content: dict, one_akkoord_enough: bool = False
) -> Agreement:
    if family.archived_on:
        raise ValidationError(_("This family is archived."))
    if child is not None and child.family_id != family.pk:
        raise ValidationError({"child": _("Choose a child of this family.")})
    content = _content(content)
    _check_content(content)
    agreement = Agreement.objects.create(
        family=family,
        child=child,
        title=title,
        created_by=by,
        evaluation_on=content["evaluation_on"],
        one_akkoord_enough=one_akkoord_enough,
    )
    version = AgreementVersion.objects.create(agreement=agreement, number=1, created_by=by, **content)
    agreement.current = version
    agreement.save(update_fields=["current"])
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    by,
    expected_version: int,
    title: str,
    child=None,
    content: dict,
    one_akkoord_enough: bool = False,
):
    """A draft is changed in place. After it was proposed, a change is a new version that goes to the parents
    again (they are told): what they agreed to before stays as it was."""
    if agreement.status == Status.CLOSED:
        raise ValidationError(_("A closed agreement cannot be changed."))
    if child is not None and child.family_id != agreement.family_id:
        raise ValidationError({"child": _("Choose a child of this family.")})
    content = _content(content)
    _check_content(content)
    current = agreement.current
    if agreement.status == Status.DRAFT:
        save_if_current(
            agreement,
            expected=expected_version,
            title=title,
            child=child,
            evaluation_on=content["evaluation_on"],
            one_akkoord_enough=one_akkoord_enough,
        )
        AgreementVersion.objects.filter(pk=current.pk).update(**content)
        return agreement
    # Of two simultaneous saves, the second waits here and is refused before it numbers a version.
    lock_if_current(agreement, expected=expected_version)
    now = timezone.now()
    version = AgreementVersion.objects.create(
        agreement=agreement, number=current.number + 1, created_by=by, proposed_at=now, **content
    )
    save_if_current(
        agreement,
        expected=expected_version,
        title=title,
        child=child,
        current=version,
        status=Status.PROPOSED,
        proposed_at=now,
        evaluation_on=content["evaluation_on"],
        one_akkoord_enough=one_akkoord_enough,
    )
    _tell_the_parents(agreement, version)
    return agreement


@transaction.atomic
def agreement_propose(*, agreement: Agreement, by, expected_version: int) -> Agreement:
    if agreement.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be proposed."))
    now = timezone.now()
    AgreementVersion.objects.filter(pk=agreement.current_id).update(proposed_at=now)
    save_if_current(agreement, expected=expected_version, status=Status.PROPOSED, proposed_at=now)
    _tell_the_parents(agreement, agreement.current)
    return agreement


def _tell_the_parents(agreement: Agreement, version: AgreementVersion) -> None:
    """Every caregiver who uses the portal hears that a version awaits them (once per version, in this
    transaction: the outbox); the health signal counts the parents' waiting time from then."""
    link = reverse("portal:agreement", args=[agreement.pk])
    caregivers = Caregiver.objects.filter(uses_portal_q(), family_id=agreement.family_id).select_related("user")
    for caregiver in caregivers:
        notify(
            recipient=caregiver.user,
            kind=NotificationKind.AGREEMENT_PROPOSED,
            event=f"agreement-version:{version.pk}",
            link=link,
        )


def _check_waiting(agreement: Agreement, version: AgreementVersion) -> None:
    superseded = version.agreement_id == agreement.pk and version.pk != agreement.current_id
    if agreement.status == Status.PROPOSED and superseded:
        raise ValidationError(
            _(
                "There is a newer version of this agreement than the one you read. Nothing was saved: read the "
                "new version first."
            )
        )
    if agreement.status != Status.PROPOSED or version.pk != agreement.current_id:
        raise ValidationError(_("This version is not (or no longer) waiting for your agreement."))


def _settle(agreement: Agreement, version: AgreementVersion) -> None:
    """Agreed once every caregiver with gezag agreed to this version (or one of them, when staff decided that
    is enough for this agreement); until then it stays proposed."""
    holder_ids = set(
        Caregiver.objects.filter(family_id=agreement.family_id, has_parental_authority=True).values_list(
            "pk", flat=True
        )
    )
    agreed_ids = set(Confirmation.objects.filter(version=version).values_list("caregiver_id", flat=True))
    if is_agreed(one_enough=agreement.one_akkoord_enough, holder_ids=holder_ids, agreed_ids=agreed_ids):
        save_if_current(agreement, expected=None, status=Status.AGREED, agreed_at=timezone.now())


@transaction.atomic
def agreement_confirm(*, agreement: Agreement, version: AgreementVersion, by) -> Confirmation:
    """A parent with gezag says "akkoord" in the portal, to the version they read. A caregiver without gezag
    may read and react, but this is refused (403), whatever the request says."""
    caregiver = getattr(by, "caregiver", None)
    if caregiver is None or caregiver.family_id != agreement.family_id:
        raise PermissionDenied
    # The caregiver's gezag as it is now, not as the request's user object remembered it.
    if not Caregiver.objects.filter(pk=caregiver.pk, has_parental_authority=True).exists():
        raise PermissionDenied
    # Of two parents agreeing at once, the second waits here and then counts the first's akkoord.
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    _check_waiting(agreement, version)
    if Confirmation.objects.filter(version=version, caregiver=caregiver).exists():
        raise ValidationError(_("You already agreed to this version."))
    confirmation = Confirmation.objects.create(version=version, caregiver=caregiver, recorded_by=by)
    _settle(agreement, version)
    return confirmation


@transaction.atomic
def agreement_record_agreed(
    *, agreement: Agreement, by, caregivers, contact, version: AgreementVersion | None = None
) -> list[Confirmation]:
    """Staff record that caregivers with gezag agreed in a conversation (for parents who do not use the portal),
    to `version`: the one the staff member read (the current one when not given)."""
    if contact.family_id != agreement.family_id:
        raise ValidationError({"contact": _("Choose a conversation with this family.")})
    if any(caregiver.family_id != agreement.family_id for caregiver in caregivers):
        raise ValidationError({"caregivers": _("Choose caregivers of this family.")})
    if not caregivers:
        raise ValidationError({"caregivers": _("Choose who agreed.")})
    holders = Caregiver.objects.filter(pk__in=[c.pk for c in caregivers], has_parental_authority=True)
    if holders.count() != len({c.pk for c in caregivers}):
        raise ValidationError(
            {"caregivers": _("Only a caregiver with parental authority can agree. Nothing was recorded.")}
        )
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    version = version if version is not None else agreement.current
    _check_waiting(agreement, version)
    already = set(Confirmation.objects.filter(version=version).values_list("caregiver_id", flat=True))
    new = [caregiver for caregiver in caregivers if caregiver.pk not in already]
    if not new:
        raise ValidationError({"caregivers": _("They already agreed to this version.")})
    confirmations = Confirmation.objects.bulk_create(
        Confirmation(version=version, caregiver=caregiver, recorded_by=by, contact=contact) for caregiver in new
    )
    _settle(agreement, version)
    return confirmations


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
    save_if_current(agreement, expected=None, **fields)
    return evaluation
