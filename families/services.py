"""Writes to the family file. Each runs in one transaction; the database triggers of django-pghistory keep
the history of every change."""

import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from families.models import Child, Family, Placement


class StaleEdit(Exception):
    """Someone else saved this record after the user opened it."""

    message = _(
        "Someone else changed this family while you were editing. Your changes were not saved; "
        "below is the current version. Make your changes again."
    )


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
    """Optimistic locking: the update only applies to the version the user saw, else StaleEdit."""
    updated = Family.objects.filter(pk=family.pk, version=expected_version).update(version=F("version") + 1, **fields)
    if not updated:
        raise StaleEdit
    family.refresh_from_db()
    return family


@transaction.atomic
def child_create(*, family: Family, group, start_date: datetime.date, **fields) -> Child:
    child = Child.objects.create(family=family, **fields)
    Placement.objects.create(child=child, group=group, start_date=start_date)
    return child


def overlapping_placements(*, child: Child, group, start_date, end_date, exclude_pk=None):
    later = Q(end_date__isnull=True) | Q(end_date__gte=start_date)
    earlier = Q() if end_date is None else Q(start_date__lte=end_date)
    return Placement.objects.filter(later & earlier, child=child, group=group).exclude(pk=exclude_pk)


@transaction.atomic
def family_archive(*, family: Family, archived_on: datetime.date) -> Family:
    """The children have left: open placements end on that day and the family leaves the daily lists."""
    Placement.objects.filter(child__family=family).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=archived_on), start_date__lte=archived_on
    ).update(end_date=archived_on)
    Family.objects.filter(pk=family.pk).update(archived_on=archived_on, version=F("version") + 1)
    family.refresh_from_db()
    return family


@transaction.atomic
def family_unarchive(*, family: Family) -> Family:
    Family.objects.filter(pk=family.pk).update(archived_on=None, version=F("version") + 1)
    family.refresh_from_db()
    return family
