"""Reference lists that coordinators keep in order (intake questions, checklist items): move an entry past
its neighbour, retire it or use it again. Shared so both lists behave the same."""

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def swap_with_neighbour(*, entry, siblings, up: bool) -> None:
    """Swap `position` with the nearest entry of `siblings` above (or below) it; at the end, do nothing."""
    siblings = siblings.select_for_update()
    neighbour = (
        siblings.filter(position__lt=entry.position).order_by("-position", "-pk").first()
        if up
        else siblings.filter(position__gt=entry.position).order_by("position", "pk").first()
    )
    if neighbour is None:
        return
    entry.position, neighbour.position = neighbour.position, entry.position
    type(entry).objects.bulk_update([entry, neighbour], ["position"])


@transaction.atomic
def toggle_retired(*, entry) -> None:
    """Retire an active entry, or bring a retired one back. Retired entries stay on what used them."""
    entry.retired_on = None if entry.retired_on else timezone.localdate()
    entry.save(update_fields=["retired_on"])
