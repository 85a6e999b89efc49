"""What each user may see of families. Every view takes its queryset from here, so an object outside the
user's scope is simply not found (404), never shown."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Role
from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement


def families_visible_to(user) -> QuerySet[Family]:
    if not user.is_authenticated:
        return Family.objects.none()
    if user.role == Role.PARENT:
        return Family.objects.filter(caregivers__user=user)
    if user.organisation_id is None:
        return Family.objects.none()
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


def _children_with_active_placements():
    active = Placement.objects.filter(Placement.active_q()).select_related("group__location")
    return Child.objects.select_related("mentor").prefetch_related(
        Prefetch("placements", queryset=active, to_attr="active_placements")
    )


def family_list_for(user, *, q="", location=None, group=None, mentor=None, interpreter=False, archived=False):
    """Families in scope with what a list row shows, in a fixed number of queries."""
    families = families_visible_to(user)
    families = families if archived else families.filter(archived_on__isnull=True)
    if q:
        words = Q(name__icontains=q)
        words |= Exists(
            Caregiver.objects.filter(Q(first_name__icontains=q) | Q(last_name__icontains=q), family=OuterRef("pk"))
        )
        words |= Exists(
            Child.objects.filter(Q(first_name__icontains=q) | Q(last_name__icontains=q), family=OuterRef("pk"))
        )
        families = families.filter(words)
    placements = Placement.objects.filter(child__family=OuterRef("pk"))
    if not archived:
        placements = placements.filter(Placement.active_q())
    if location:
        families = families.filter(Exists(placements.filter(group__location=location)))
    if group:
        families = families.filter(Exists(placements.filter(group=group)))
    if mentor:
        families = families.filter(Exists(Child.objects.filter(family=OuterRef("pk"), mentor=mentor)))
    if interpreter:
        families = families.filter(interpreter_needed=True)
    return families.prefetch_related(
        Prefetch("children", queryset=_children_with_active_placements()), "caregivers"
    ).order_by("name", "pk")


def family_detail_for(user, pk: int) -> Family:
    """One family in the user's scope with its whole file, or 404. A fixed number of queries."""
    from intakes.selectors import latest_intake_prefetch

    placements = Placement.objects.select_related("group__location")
    children = Child.objects.select_related("mentor").prefetch_related(Prefetch("placements", queryset=placements))
    queryset = families_visible_to(user).prefetch_related(
        Prefetch("children", queryset=children),
        Prefetch("caregivers", queryset=Caregiver.objects.select_related("user")),
        Prefetch("network", queryset=NetworkMember.objects.all()),
        Prefetch("consents", queryset=Consent.objects.select_related("given_by")),
        latest_intake_prefetch(),
    )
    return get_object_or_404(queryset, pk=pk)


def family_for_edit(user, pk: int) -> Family:
    """A family the user may change: in scope and not archived."""
    return get_object_or_404(families_visible_to(user).filter(archived_on__isnull=True), pk=pk)
