"""What a parent sees. Only fields meant for parents are loaded here; staff-only data never reaches a portal
template because it is never selected for one."""

from django.db.models import Prefetch

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
