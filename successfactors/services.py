"""Maintaining the success-factor catalogue. Items are never deleted once used: retiring keeps them on old
contacts, and a tick stores the prompt as it was."""

from django.db import transaction
from django.db.models import Max

from partnership.ordering import swap_with_neighbour, toggle_retired
from successfactors.models import ChecklistItem


@transaction.atomic
def item_add(*, theme: str, prompt: str, hint: str, source: str, kinds: list[str], tones: list[str]) -> ChecklistItem:
    last = ChecklistItem.objects.aggregate(last=Max("position"))["last"] or 0
    return ChecklistItem.objects.create(
        theme=theme, prompt=prompt, hint=hint, source=source, kinds=kinds, tones=tones, position=last + 10
    )


def item_move(*, item: ChecklistItem, up: bool) -> None:
    """Swap places with the neighbouring active item of the same theme."""
    swap_with_neighbour(entry=item, siblings=ChecklistItem.objects.active().filter(theme=item.theme), up=up)


def item_retire(*, item: ChecklistItem) -> None:
    """Retire an active item, or bring a retired one back."""
    toggle_retired(entry=item)
