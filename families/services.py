"""Writes to the family file. Each runs in one transaction; the database triggers of django-pghistory keep
the history of every change."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement
from moments.services import photos_follow_consent
from partnership.locking import save_if_current


@transaction.atomic
def family_create(
    *,
    organisation,
    family_name: str,
    home_languages: list[str],
    interpreter_needed: bool,
    child_first_name: str,
    child_last_name: str,
    date_of_birth: datetime.date,
    group,
    start_date: datetime.date,
    mentor=None,
) -> Family:
    family = Family.objects.create(
        organisation=organisation,
        name=family_name,
        home_languages=home_languages,
        interpreter_needed=interpreter_needed,
    )
    child = Child.objects.create(
        family=family,
        first_name=child_first_name,
        last_name=child_last_name,
        date_of_birth=date_of_birth,
        mentor=mentor,
    )
    Placement.objects.create(child=child, group=group, start_date=start_date)
    return family


@transaction.atomic
def family_update(*, family: Family, expected_version: int, **fields) -> Family:
    """The update only applies to the version the user saw, else StaleEdit (partnership.locking)."""
    save_if_current(family, expected=expected_version, **fields)
    return family


@transaction.atomic
def child_create(*, family: Family, group, start_date: datetime.date, **fields) -> Child:
    child = Child.objects.create(family=family, **fields)
    Placement.objects.create(child=child, group=group, start_date=start_date)
    return child


@transaction.atomic
def family_archive(*, family: Family, archived_on: datetime.date) -> Family:
    """The children have left: open placements end on that day and the family leaves the daily lists."""
    Placement.objects.filter(child__family=family).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=archived_on), start_date__lte=archived_on
    ).update(end_date=archived_on)
    save_if_current(family, expected=None, archived_on=archived_on)
    return family


@transaction.atomic
def family_unarchive(*, family: Family) -> Family:
    save_if_current(family, expected=None, archived_on=None)
    return family


def _save(instance, fields: dict):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()
    return instance


@transaction.atomic
def caregiver_save(*, family: Family, caregiver: Caregiver | None = None, **fields) -> Caregiver:
    return _save(caregiver or Caregiver(family=family), fields)


@transaction.atomic
def child_update(*, child: Child, **fields) -> Child:
    return _save(child, fields)


@transaction.atomic
def placement_save(*, child: Child, placement: Placement | None = None, **fields) -> Placement:
    placement = placement or Placement(child=child)
    if placement.child_id != child.pk:
        raise ValidationError(_("This placement belongs to another child."))
    return _save(placement, fields)


@transaction.atomic
def network_member_save(*, family: Family, member: NetworkMember | None = None, **fields) -> NetworkMember:
    return _save(member or NetworkMember(family=family), fields)


@transaction.atomic
def network_member_remove(*, member: NetworkMember) -> None:
    member.delete()


@transaction.atomic
def consent_record(*, family: Family, by, given_by: Caregiver | None = None, **fields) -> Consent:
    if given_by is not None and given_by.family_id != family.pk:
        raise ValidationError({"given_by": _("Choose a caregiver of this family.")})
    consent = _save(Consent(family=family, recorded_by=by), {"given_by": given_by, **fields})
    if consent.topic == Consent.Topic.PHOTOS_INTERNAL:
        photos_follow_consent(family=family)
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent) -> Consent:
    """A withdrawn consent stays on file with the day it ended (never before the day it was recorded)."""
    if consent.withdrawn_on is None:
        consent.withdrawn_on = max(timezone.localdate(), consent.recorded_on)
        consent.save(update_fields=["withdrawn_on"])
    # Photos shared with positive moments go when the consent for them ends; the moments' texts stay.
    if consent.topic == Consent.Topic.PHOTOS_INTERNAL:
        photos_follow_consent(family=consent.family)
    return consent
