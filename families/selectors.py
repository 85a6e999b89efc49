"""What each user may see of families. Every view takes its queryset from here, so an object outside the
user's scope is simply not found (404), never shown."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import Role
from audit.selectors import opened_by
from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement
from intakes.models import Intake, IntakeAnswer


def families_visible_to(user) -> QuerySet[Family]:
    if not user.is_authenticated:
        return Family.objects.none()
    if user.role == Role.PARENT:
        return Family.objects.filter(caregivers__user=user)
    if user.organisation_id is None:
        return Family.objects.none()
    families = Family.objects.filter(organisation_id=user.organisation_id)
    if user.role == Role.ADMIN:
        # The organisation admin runs the organisation without reading files: a family's file is theirs to read
        # only while they have it open with a recorded reason (docs/security.md; audit.services.file_access_open).
        return families.filter(opened_by(user))
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


def families_listed_for(user) -> QuerySet[Family]:
    """The families whose names, groups and health status the user sees in lists, the dashboard and the
    overview: those in scope, and for the organisation admin every family of the organisation (opening one
    needs a reason)."""
    if user.is_authenticated and user.role == Role.ADMIN and user.organisation_id is not None:
        return Family.objects.filter(organisation_id=user.organisation_id)
    return families_visible_to(user)


def family_to_open(user, pk: int) -> Family:
    """A family of the organisation admin's organisation, to state the reason for opening its file; or 404."""
    if not user.is_authenticated or user.role != Role.ADMIN:
        raise Http404
    return get_object_or_404(families_listed_for(user), pk=pk)


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


# More words than any name has: the rest of a pasted sentence does not make the query longer.
MAX_SEARCH_WORDS = 6


def search_words(q: str) -> list[str]:
    """The words of a search, each once ("hassan abdi" → ["hassan", "abdi"]); each is matched case-insensitively."""
    return list(dict.fromkeys(q.split()))[:MAX_SEARCH_WORDS]


def _name_matches(word: str) -> Q:
    """The family's name, or a first or last name of one of its caregivers or children, contains the word."""
    person = Q(first_name__icontains=word) | Q(last_name__icontains=word)
    return (
        Q(name__icontains=word)
        | Exists(Caregiver.objects.filter(person, family=OuterRef("pk")))
        | Exists(Child.objects.filter(person, family=OuterRef("pk")))
    )


def family_list_for(user, *, q="", location=None, group=None, mentor=None, interpreter=False, archived=False):
    """Families in the user's lists with what a list row shows, in a fixed number of queries. Every word of `q`
    is in the family's name or in a first or last name of one of its caregivers or children."""
    families = families_listed_for(user)
    families = families if archived else families.filter(archived_on__isnull=True)
    for word in search_words(q):
        families = families.filter(_name_matches(word))
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


def _intakes_with_answers() -> Prefetch:
    """All intakes of a family, newest first, with answers: the family page shows the latest answers."""
    answers = IntakeAnswer.objects.select_related("question")
    return Prefetch(
        "intakes",
        queryset=Intake.objects.select_related("conducted_by").prefetch_related(Prefetch("answers", queryset=answers)),
    )


def family_detail_for(user, pk: int) -> Family:
    """One family in the user's scope with its whole file, or 404. A fixed number of queries."""
    placements = Placement.objects.select_related("group__location")
    children = Child.objects.select_related("mentor").prefetch_related(Prefetch("placements", queryset=placements))
    queryset = families_visible_to(user).prefetch_related(
        Prefetch("children", queryset=children),
        Prefetch("caregivers", queryset=Caregiver.objects.select_related("user", "access_revoked_by")),
        Prefetch("network", queryset=NetworkMember.objects.all()),
        Prefetch("consents", queryset=Consent.objects.select_related("given_by")),
        _intakes_with_answers(),
    )
    return get_object_or_404(queryset, pk=pk)


def family_in_scope(user, pk: int) -> Family:
    """One family in the user's scope (archived or not), or 404."""
    return get_object_or_404(families_visible_to(user), pk=pk)


def family_for_edit(user, pk: int) -> Family:
    """A family the user may change: in scope and not archived."""
    return get_object_or_404(families_visible_to(user).filter(archived_on__isnull=True), pk=pk)


def overlapping_placements(*, child: Child, group, start_date, end_date, exclude_pk=None) -> QuerySet[Placement]:
    """Placements of the child in the group that share a day with the given period."""
    later = Q(end_date__isnull=True) | Q(end_date__gte=start_date)
    earlier = Q() if end_date is None else Q(start_date__lte=end_date)
    return Placement.objects.filter(later & earlier, child=child, group=group).exclude(pk=exclude_pk)


# The records inside a family file that the user may change: looked up through `family_for_edit`, so another
# family's record (or an archived family's) is a 404.


def caregiver_for_edit(user, pk: int, caregiver_pk: int) -> Caregiver:
    return get_object_or_404(
        Caregiver.objects.select_related("family"), family=family_for_edit(user, pk), pk=caregiver_pk
    )


def child_for_edit(user, pk: int, child_pk: int) -> Child:
    return get_object_or_404(Child.objects.select_related("family"), family=family_for_edit(user, pk), pk=child_pk)


def placement_for_edit(user, pk: int, child_pk: int, placement_pk: int) -> Placement:
    child = child_for_edit(user, pk, child_pk)
    return get_object_or_404(Placement.objects.select_related("child"), child=child, pk=placement_pk)


def network_member_for_edit(user, pk: int, member_pk: int) -> NetworkMember:
    return get_object_or_404(
        NetworkMember.objects.select_related("family"), family=family_for_edit(user, pk), pk=member_pk
    )


def consent_for_edit(user, pk: int, consent_pk: int) -> Consent:
    """A consent still in force (a withdrawn one is history)."""
    return get_object_or_404(
        Consent.objects.select_related("family"), family=family_for_edit(user, pk), pk=consent_pk, withdrawn_on=None
    )
