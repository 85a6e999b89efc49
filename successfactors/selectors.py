"""Which checklist items who sees: each organisation has its own catalogue, so every read is scoped to one."""

from django.db.models import Count, QuerySet

from successfactors.models import THEME_ORDER, ChecklistItem


def checklist_items_for(user) -> QuerySet[ChecklistItem]:
    """The catalogue a coordinator maintains: her own organisation's, never another's."""
    return ChecklistItem.objects.for_organisation(user.organisation_id)


def checklist_list_for(user) -> list[ChecklistItem]:
    """The maintenance list: every item with how often it was ticked, active ones first, in checklist order."""
    items = checklist_items_for(user).annotate(tick_count=Count("ticks"))
    return sorted(
        items, key=lambda item: (item.retired_on is not None, THEME_ORDER.get(item.theme, 99), item.position, item.pk)
    )


def checklist_for(*, organisation, kind: str) -> QuerySet[ChecklistItem]:
    """The prompts of a contact of this kind with a family of this organisation."""
    return ChecklistItem.objects.for_organisation(organisation).for_kind(kind)
