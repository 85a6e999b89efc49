"""Which locations and groups a user works with."""

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import Role, User
from families.models import Child, Placement
from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership


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
        # A subquery, not a join on memberships: counting a group's memberships afterwards must see them all.
        return groups.filter(pk__in=StaffMembership.objects.filter(user=user).values("group"))
    return Group.objects.none()


def groups_with_counts(user) -> QuerySet[Group]:
    """The user's groups with the number of children placed today and the number of staff."""
    active = Placement.active_q("placements__")
    return groups_visible_to(user).annotate(
        children_count=Count("placements", filter=active, distinct=True),
        staff_count=Count("memberships", distinct=True),
    )


def mentors_for(groups) -> QuerySet[User]:
    """Who can be a child's mentor: active pedagogical staff of these groups."""
    return (
        User.objects.filter(role=Role.STAFF, is_active=True, memberships__group__in=groups)
        .distinct()
        .order_by("first_name", "last_name")
    )


def staff_of_groups(groups) -> QuerySet[User]:
    """The pedagogical staff working in these groups (a coordinator's team), active or not: their past
    contacts still count in the team's figures."""
    return (
        User.objects.filter(role=Role.STAFF, memberships__group__in=groups)
        .distinct()
        .order_by("first_name", "last_name")
    )


# --- The organisation admin's set-up pages ---------------------------------------------------------------------
# Only the admin of the organisation reaches these (accounts.permissions.admin_required); everything is looked up
# inside the admin's own organisation, so an id of another organisation is a 404.

STAFF_ROLES = (Role.STAFF, Role.COORDINATOR, Role.ADMIN)


def organisation_of(user) -> Organisation:
    if user.organisation_id is None:
        raise Http404
    return get_object_or_404(Organisation, pk=user.organisation_id)


def setup_locations(user) -> QuerySet[Location]:
    """The organisation's locations with how many groups and coordinators each has."""
    if user.role != Role.ADMIN or user.organisation_id is None:
        return Location.objects.none()
    return (
        Location.objects.filter(organisation_id=user.organisation_id)
        .annotate(group_count=Count("groups", distinct=True), coordinator_count=Count("assignments", distinct=True))
        .prefetch_related(Prefetch("assignments", queryset=CoordinatorAssignment.objects.select_related("user")))
        .order_by("name")
    )


def setup_location(user, pk: int) -> Location:
    return get_object_or_404(setup_locations(user), pk=pk)


def setup_groups(user) -> QuerySet[Group]:
    """The organisation's groups with the children placed today, the staff working there and whether any child
    was ever placed there (such a group cannot be removed: its placements are part of families' files)."""
    if user.role != Role.ADMIN or user.organisation_id is None:
        return Group.objects.none()
    active = Placement.active_q("placements__")
    return (
        Group.objects.filter(location__organisation_id=user.organisation_id)
        .select_related("location")
        .annotate(
            children_count=Count("placements", filter=active, distinct=True),
            placement_count=Count("placements", distinct=True),
            staff_count=Count("memberships", filter=Q(memberships__user__is_active=True), distinct=True),
        )
        .order_by("location__name", "name")
    )


def setup_group(user, pk: int) -> Group:
    return get_object_or_404(setup_groups(user), pk=pk)


def organisation_groups(user) -> QuerySet[Group]:
    """Every group of the admin's organisation, for choosing a staff member's groups."""
    if user.role != Role.ADMIN or user.organisation_id is None:
        return Group.objects.none()
    return Group.objects.filter(location__organisation_id=user.organisation_id).select_related("location")


def organisation_locations(user) -> QuerySet[Location]:
    if user.role != Role.ADMIN or user.organisation_id is None:
        return Location.objects.none()
    return Location.objects.filter(organisation_id=user.organisation_id)


def setup_staff(user, *, q: str = "") -> QuerySet[User]:
    """The organisation's people who work with families (not the parents), active first, with their groups and
    locations."""
    if user.role != Role.ADMIN or user.organisation_id is None:
        return User.objects.none()
    people = User.objects.filter(organisation_id=user.organisation_id, role__in=STAFF_ROLES)
    for word in q.split()[:4]:
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word))
    return people.prefetch_related(
        Prefetch("memberships", queryset=StaffMembership.objects.select_related("group__location")),
        Prefetch("assignments", queryset=CoordinatorAssignment.objects.select_related("location")),
    ).order_by("-is_active", "first_name", "last_name", "pk")


def setup_staff_member(user, pk: int) -> User:
    return get_object_or_404(setup_staff(user), pk=pk)


def mentee_count(member) -> int:
    """How many children placed today have this person as their mentor (told before deactivating them)."""
    return (
        Child.objects.filter(mentor=member)
        .filter(Exists(Placement.objects.filter(Placement.active_q(), child=OuterRef("pk"))))
        .count()
    )


def setup_progress(user) -> dict:
    """What the organisation has already set up, for the set-up page's steps."""
    organisation = organisation_of(user)
    staff = User.objects.filter(organisation=organisation, role__in=STAFF_ROLES, is_active=True)
    return {
        "organisation": organisation,
        "locations": Location.objects.filter(organisation=organisation).count(),
        "groups": Group.objects.filter(location__organisation=organisation).count(),
        "staff": staff.exclude(pk=user.pk).count(),
        "families": organisation.families.count(),
        "settings_done": bool(organisation.go_live and organisation.safeguarding_officer_name),
    }


def quiet_days_for(user) -> int:
    """After how many days without contact the staff home and the reminders mark a family: the organisation's
    own setting (Set-up, Settings), else the installation's default (CONTACT_QUIET_DAYS)."""
    if not user.is_authenticated or user.organisation_id is None:
        return settings.CONTACT_QUIET_DAYS
    own = Organisation.objects.filter(pk=user.organisation_id).values_list("contact_quiet_days", flat=True).first()
    return own or settings.CONTACT_QUIET_DAYS
