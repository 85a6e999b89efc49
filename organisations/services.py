"""Writes of the organisation admin's set-up: locations, groups, staff accounts and the organisation's settings.
Every write runs in a transaction; the history of each change is written by pghistory's triggers (with the admin
and the page as context, from the request)."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.invitations import staff_invitation_send
from accounts.models import Role, User
from accounts.services import user_deactivate, user_reactivate
from health.rules import DEFAULTS
from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership
from organisations.thresholds import check_order, validate_health_thresholds

logger = logging.getLogger(__name__)


# --- Locations and groups --------------------------------------------------------------------------------------


def _saved(instance):
    """full_clean, then save: a name used twice in the same place is refused in plain words, and a second save
    that raced past the check is refused by the unique constraint."""
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise ValidationError({"name": _("This name is already used here.")}) from error
    return instance


@transaction.atomic
def location_save(*, organisation: Organisation, by: User, location: Location | None = None, **values) -> Location:
    location = location or Location(organisation=organisation)
    if location.organisation_id != organisation.pk:
        raise ValidationError(_("This location belongs to another organisation."))
    for name, value in values.items():
        setattr(location, name, value)
    return _saved(location)


@transaction.atomic
def location_delete(*, location: Location, by: User) -> None:
    """Only an empty location goes: its groups hold the placements of families' files."""
    if location.groups.exists():
        raise ValidationError(_("This location still has groups. Move or remove its groups first."))
    location.delete()


@transaction.atomic
def group_save(*, organisation: Organisation, by: User, group: Group | None = None, **values) -> Group:
    group = group or Group()
    for name, value in values.items():
        setattr(group, name, value)
    if group.location.organisation_id != organisation.pk:
        raise ValidationError({"location": _("Choose a location of your own organisation.")})
    return _saved(group)


@transaction.atomic
def group_delete(*, group: Group, by: User) -> None:
    """A group where a child was ever placed stays: the placement is part of that child's file."""
    if group.placements.exists():
        raise ValidationError(
            _("Children have been placed in this group, so it stays part of their files. You can rename it.")
        )
    group.delete()


# --- The organisation's settings -------------------------------------------------------------------------------


@transaction.atomic
def organisation_settings_update(*, organisation: Organisation, by: User, thresholds: dict, **values) -> Organisation:
    """Settings and health thresholds: each threshold within its bounds (organisations/thresholds.py) and, with
    the defaults of those left alone, attention before action needed."""
    validate_health_thresholds(thresholds)
    check_order(thresholds, DEFAULTS)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    for name, value in values.items():
        setattr(organisation, name, value)
    organisation.health_thresholds = thresholds
    organisation.full_clean()
    organisation.save()
    return organisation


# --- Staff accounts --------------------------------------------------------------------------------------------


def _check_places(*, organisation: Organisation, groups, locations) -> None:
    if any(group.location.organisation_id != organisation.pk for group in groups):
        raise ValidationError({"groups": _("Choose groups of your own organisation.")})
    if any(location.organisation_id != organisation.pk for location in locations):
        raise ValidationError({"locations": _("Choose locations of your own organisation.")})


def _place(*, user: User, groups, locations) -> None:
    """Make the user's memberships and assignments exactly these (removals are kept in the history). A role
    that does not use them has none: pedagogical staff work in groups, coordinators lead locations."""
    groups = list(groups) if user.role == Role.STAFF else []
    locations = list(locations) if user.role == Role.COORDINATOR else []
    StaffMembership.objects.filter(user=user).exclude(group__in=groups).delete()
    for group in groups:
        StaffMembership.objects.get_or_create(user=user, group=group)
    CoordinatorAssignment.objects.filter(user=user).exclude(location__in=locations).delete()
    for location in locations:
        CoordinatorAssignment.objects.get_or_create(user=user, location=location)


def _active_admins(organisation: Organisation):
    return User.objects.filter(organisation=organisation, role=Role.ADMIN, is_active=True)


@transaction.atomic
def staff_invite(
    *,
    organisation: Organisation,
    by: User,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    groups=(),
    locations=(),
    base_url: str,
) -> User:
    """A new account for someone who works with families, and an e-mail with a link to choose a password. The
    e-mail address is the username."""
    if role not in (Role.STAFF, Role.COORDINATOR, Role.ADMIN):
        raise ValidationError({"role": _("Choose a role for someone who works with families.")})
    _check_places(organisation=organisation, groups=groups, locations=locations)
    username = email.strip().lower()
    if User.objects.filter(username__iexact=username).exists() or User.objects.filter(email__iexact=username).exists():
        raise ValidationError({"email": _("This e-mail address is already used by another account.")})
    user = User(
        username=username,
        email=email.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=role,
        organisation=organisation,
    )
    user.set_unusable_password()
    user.save()
    _place(user=user, groups=groups, locations=locations)
    staff_invitation_send(user=user, organisation=organisation, base_url=base_url)
    logger.info("User %s invited by %s as %s", user.pk, by.pk, role)
    return user


@transaction.atomic
def staff_invitation_resend(*, organisation: Organisation, user: User, by: User, base_url: str) -> None:
    if not user.is_active:
        raise ValidationError(_("This account is deactivated. Reactivate it first."))
    if user.has_usable_password():
        raise ValidationError(_("%(name)s has already chosen a password.") % {"name": user.first_name})
    staff_invitation_send(user=user, organisation=organisation, base_url=base_url)


@transaction.atomic
def staff_update(
    *, organisation: Organisation, user: User, by: User, first_name: str, last_name: str, role: str, groups, locations
) -> User:
    if role not in (Role.STAFF, Role.COORDINATOR, Role.ADMIN):
        raise ValidationError({"role": _("Choose a role for someone who works with families.")})
    _check_places(organisation=organisation, groups=groups, locations=locations)
    # Hold the admins' rows: two admins demoting each other at once must not leave the organisation without one.
    list(_active_admins(organisation).select_for_update())
    if user.pk == by.pk and role != user.role:
        raise ValidationError({"role": _("You cannot change your own role. Ask another admin.")})
    if user.role == Role.ADMIN and role != Role.ADMIN and not _active_admins(organisation).exclude(pk=user.pk).exists():
        raise ValidationError({"role": _("The organisation needs at least one admin.")})
    user.first_name, user.last_name, user.role = first_name.strip(), last_name.strip(), role
    user.save(update_fields=["first_name", "last_name", "role"])
    _place(user=user, groups=groups, locations=locations)
    return user


@transaction.atomic
def staff_deactivate(*, organisation: Organisation, user: User, by: User) -> None:
    """The person can no longer sign in and every open session of theirs ends now; what they wrote, their
    memberships and their history stay (the team's figures still count their contacts)."""
    if user.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if user.role == Role.ADMIN and not _active_admins(organisation).exclude(pk=user.pk).exists():
        raise ValidationError(_("The organisation needs at least one admin."))
    user_deactivate(user=user, by=by)


@transaction.atomic
def staff_reactivate(*, organisation: Organisation, user: User, by: User) -> None:
    user_reactivate(user=user, by=by)
