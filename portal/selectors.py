"""What a parent sees. Only fields meant for parents are loaded here; staff-only data never reaches a portal
template because it is never selected for one."""

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from accounts.models import Role, User
from contacts.models import ContactMoment
from contacts.selectors import contacts_visible_to, with_next_mentor_conversation
from families.models import Caregiver, Child, Family, Placement
from families.selectors import families_visible_to
from partnership.languages import is_parent_language


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


def invited_parent(uidb64: str) -> User | None:
    """The parent account an invitation link names (its signed token is checked by the caller)."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    return User.objects.filter(pk=pk, role=Role.PARENT).first()


def suggested_language(caregiver) -> str:
    """The language to offer for a caregiver's portal: their preferred language when the portal speaks it and it
    is not simply the default, else the first home language of the family that the portal speaks, else the
    caregiver's portal language as it is."""
    if caregiver.preferred_language != settings.LANGUAGE_CODE and is_parent_language(caregiver.preferred_language):
        return caregiver.preferred_language
    home = next((code for code in caregiver.family.home_languages if is_parent_language(code)), None)
    return home or caregiver.portal_language


def coordinators_for(family) -> list[User]:
    """The coordinators of the locations where the family's children are placed today, by name: who parents can
    ask besides the mentor."""
    placed = Placement.objects.filter(Placement.active_q(), child__family=family)
    return list(
        User.objects.filter(
            is_active=True,
            role=Role.COORDINATOR,
            assignments__location__groups__placements__in=placed,
        )
        .distinct()
        .only("first_name", "last_name")
        .order_by("first_name", "last_name")
    )
