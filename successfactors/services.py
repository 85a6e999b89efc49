"""Maintaining the success-factor catalogue. Items are never deleted once used: retiring keeps them on old
contacts, and a tick stores the prompt as it was."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from successfactors.models import ChecklistItem


@transaction.atomic
def item_add(*, theme: str, prompt: str, hint: str, source: str, kinds: list[str], tones: list[str]) -> ChecklistItem:
    last = ChecklistItem.objects.aggregate(last=Max("position"))["last"] or 0
    return ChecklistItem.objects.create(
        theme=theme, prompt=prompt, hint=hint, source=source, kinds=kinds, tones=tones, position=last + 10
    )


@transaction.atomic
def item_move(*, item: ChecklistItem, up: bool) -> None:
    """Swap places with the neighbouring active item of the same theme."""
    siblings = ChecklistItem.objects.active().filter(theme=item.theme).select_for_update()
    neighbour = (
        siblings.filter(position__lt=item.position).order_by("-position", "-pk").first()
        if up
        else siblings.filter(position__gt=item.position).order_by("position", "pk").first()
    )
    if neighbour is None:
        return
    item.position, neighbour.position = neighbour.position, item.position
    ChecklistItem.objects.bulk_update([item, neighbour], ["position"])


@transaction.atomic
def item_retire(*, item: ChecklistItem) -> None:
    """Retire an active item, or bring a retired one back."""
    item.retired_on = None if item.retired_on else timezone.localdate()
    item.save(update_fields=["retired_on"])
