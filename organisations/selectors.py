"""Which locations and groups a user works with."""

from django.db.models import Count, QuerySet

from accounts.models import Role
from families.models import Placement
from organisations.models import Group, Location


def locations_visible_to(user) -> QuerySet[Location]:
    if not user.is_authenticated or user.organisation_id is None:
        return Location.objects.none()
    locations = Location.objects.filter(organisation_id=user.organisation_id)
    if user.role == Role.ADMIN:
        return locations
    if user.role == Role.COORDINATOR:
        return locations.filter(assignments__user=user)
    if user.role == Role.STAFF:
        return locations.filter(groups__memberships__user=user).distinct()
    return Location.objects.none()


def groups_visible_to(user) -> QuerySet[Group]:
    if not user.is_authenticated or user.organisation_id is None:
        return Group.objects.none()
    groups = Group.objects.filter(location__organisation_id=user.organisation_id).select_related("location")
    if user.role == Role.ADMIN:
        return groups
    if user.role == Role.COORDINATOR:
        return groups.filter(location__assignments__user=user)
    if user.role == Role.STAFF:
        return groups.filter(memberships__user=user)
    return Group.objects.none()


def groups_with_counts(user) -> QuerySet[Group]:
    """The user's groups with the number of children placed today and the number of staff."""
    active = Placement.active_q("placements__")
    return groups_visible_to(user).annotate(
        children_count=Count("placements", filter=active, distinct=True),
        staff_count=Count("memberships", distinct=True),
    )
