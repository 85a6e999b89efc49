"""Catalogues that each organisation keeps for itself (intake questions, checklist items): the model base and
the writes, written once so both catalogues behave the same.

An organisation starts from the reference set (each catalogue's `reference.py`, drawn from the source
documents); its coordinators then add, reword, reorder and retire entries of their own catalogue only.
Entries are never deleted once used: a retired entry stays on what used it, and what used it keeps the
wording of then."""

from typing import ClassVar

from django.apps import apps
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A new entry goes this far below the last one, so positions stay far enough apart to read in the admin.
POSITION_STEP = 10


class CatalogueQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_on__isnull=True)

    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)


class CatalogueEntry(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)

    objects = CatalogueQuerySet.as_manager()

    # An entry swaps places only with neighbours that share these fields (checklist items: their theme).
    move_within: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True
        # The organisation first, so that a list across organisations (the admin) keeps each one together.
        ordering = ["organisation_id", "position", "pk"]

    @classmethod
    def reference_entries(cls) -> list[dict]:
        """The field values of the reference set, position included: what a new organisation starts from."""
        raise NotImplementedError


def catalogue_models() -> list[type[CatalogueEntry]]:
    return [model for model in apps.get_models() if issubclass(model, CatalogueEntry)]


@transaction.atomic
def catalogue_seed(*, organisation) -> None:
    """Give the organisation every catalogue it does not have yet, copied from the reference sets. A catalogue
    it already has is left alone: its coordinators may have reworded or retired entries on purpose."""
    for model in catalogue_models():
        if not model.objects.for_organisation(organisation).exists():
            model.objects.bulk_create(
                model(organisation=organisation, **values) for values in model.reference_entries()
            )


@transaction.atomic
def entry_add(*, model: type[CatalogueEntry], organisation, values: dict) -> CatalogueEntry:
    """A new entry at the end of the organisation's catalogue."""
    last = model.objects.for_organisation(organisation).aggregate(last=Max("position"))["last"] or 0
    return model.objects.create(organisation=organisation, position=last + POSITION_STEP, **values)


@transaction.atomic
def entry_update(*, entry: CatalogueEntry, values: dict) -> CatalogueEntry:
    """Reword an entry. What used it before keeps its own copy of the old wording."""
    for name, value in values.items():
        setattr(entry, name, value)
    entry.save(update_fields=list(values))
    return entry


@transaction.atomic
def entry_move(*, entry: CatalogueEntry, up: bool) -> None:
    """Swap places with the nearest active entry above (or below) it in the same catalogue; at the end of the
    list, do nothing."""
    model = type(entry)
    siblings = (
        model.objects.for_organisation(entry.organisation_id)
        .active()
        .filter(**{name: getattr(entry, name) for name in model.move_within})
        .select_for_update()
    )
    neighbour = (
        siblings.filter(position__lt=entry.position).order_by("-position", "-pk").first()
        if up
        else siblings.filter(position__gt=entry.position).order_by("position", "pk").first()
    )
    if neighbour is None:
        return
    entry.position, neighbour.position = neighbour.position, entry.position
    model.objects.bulk_update([entry, neighbour], ["position"])


@transaction.atomic
def entry_retire(*, entry: CatalogueEntry) -> None:
    """Retire an active entry, or bring a retired one back."""
    entry.retired_on = None if entry.retired_on else timezone.localdate()
    entry.save(update_fields=["retired_on"])
