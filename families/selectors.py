"""What each user may see of families. Every view takes its queryset from here, so an object outside the
user's scope is simply not found (404), never shown."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Role
from families.models import Child, Family, Placement


def families_visible_to(user) -> QuerySet[Family]:
    if not user.is_authenticated or (user.organisation_id is None and user.role != Role.PARENT):
        return Family.objects.none()
    if user.role == Role.PARENT:
        return Family.objects.filter(caregivers__user=user)
    families = Family.objects.filter(organisation_id=user.organisation_id)
    if user.role == Role.ADMIN:
        return families
    if user.role == Role.COORDINATOR:
        # Coordinators keep reading archived families of their locations, so past placements count too.
        placed = Placement.objects.filter(child__family=OuterRef("pk"), group__location__assignments__user=user)
        return families.filter(Exists(placed))
    if user.role == Role.STAFF:
        placed = Placement.objects.filter(
            Placement.active_q(), child__family=OuterRef("pk"), group__memberships__user=user
        )
        mentored = Child.objects.filter(family=OuterRef("pk"), mentor=user)
        return families.filter(archived_on__isnull=True).filter(Exists(placed) | Exists(mentored))
    return Family.objects.none()


def family_of_parent(user) -> Family | None:
    """The one family a parent account belongs to (None for anyone else)."""
    if not user.is_authenticated or user.role != Role.PARENT:
        return None
    return families_visible_to(user).first()


def family_list_for(user) -> QuerySet[Family]:
    """Families in scope with what a list row shows, in a fixed number of queries."""
    active_placements = Placement.objects.filter(Placement.active_q()).select_related("group__location")
    children = Child.objects.select_related("mentor").prefetch_related(
        Prefetch("placements", queryset=active_placements, to_attr="active_placements")
    )
    return families_visible_to(user).prefetch_related(Prefetch("children", queryset=children), "caregivers")


def family_detail_for(user, pk: int) -> Family:
    """One family in the user's scope, or 404."""
    placements = Placement.objects.select_related("group__location")
    children = Child.objects.select_related("mentor").prefetch_related(Prefetch("placements", queryset=placements))
    queryset = families_visible_to(user).prefetch_related(Prefetch("children", queryset=children), "caregivers")
    return get_object_or_404(queryset, pk=pk)
