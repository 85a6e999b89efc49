"""What a parent sees. Only fields meant for parents are loaded here; staff-only data never reaches a portal
template because it is never selected for one."""

from django.db.models import Prefetch, QuerySet

from contacts.models import ContactMoment, FollowUp
from contacts.selectors import contacts_visible_to, with_next_mentor_conversation
from families.models import Caregiver, Child, Family, Placement
from families.selectors import families_visible_to


def portal_family_for(user) -> Family | None:
    placements = Placement.objects.filter(Placement.active_q()).select_related("group__location")
    children = (
        Child.objects.select_related("mentor")
        .only("first_name", "family_id", "mentor__first_name", "mentor__last_name")
        .prefetch_related(Prefetch("placements", queryset=placements, to_attr="active_placements"))
    )
    caregivers = Caregiver.objects.only("first_name", "last_name", "family_id")
    return (
        families_visible_to(user)
        .only("name")
        .prefetch_related(Prefetch("children", queryset=children), Prefetch("caregivers", queryset=caregivers))
        .first()
    )


def portal_caregiver_for(user) -> Caregiver | None:
    return Caregiver.objects.filter(user=user).select_related("family").first() if user.is_authenticated else None


def children_with_mentor(family) -> list[Child]:
    """The children with their mentor and when the next mentor conversation is (about)."""
    placements = Placement.objects.filter(Placement.active_q()).select_related("group__location")
    children = (
        Child.objects.filter(family=family)
        .select_related("mentor")
        .only("first_name", "family_id", "mentor__first_name", "mentor__last_name")
        .prefetch_related(Prefetch("placements", queryset=placements, to_attr="active_placements"))
    )
    return with_next_mentor_conversation(children)


def shared_summaries_for(user, caregiver) -> QuerySet[ContactMoment]:
    """Contacts shared with the parents, only their parent-facing summary. A caregiver without parental
    authority reads them only when staff allowed it."""
    if caregiver is None or not caregiver.reads_summaries:
        return ContactMoment.objects.none()
    return (
        contacts_visible_to(user)
        .select_related("author")
        .only("occurred_at", "kind", "shared_summary", "family_id", "author__first_name")
        .order_by("-occurred_at")
    )


def my_conversation_requests(caregiver) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.filter(family_id=caregiver.family_id, requested_by__isnull=False)
        .select_related("owner", "requested_by")
        .only("description", "created_at", "done_on", "owner__first_name", "requested_by__first_name", "family_id")
        .order_by("-created_at")
    )
