import pghistory
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from contacts.choices import Kind, Tone
from partnership.catalogue import CatalogueEntry, CatalogueQuerySet
from partnership.sources import Source
from successfactors import reference


class Theme(models.TextChoices):
    """The themes of the success factors (shared/seeds 000 to 004), in the order the checklist shows them."""

    BASIC_ATTITUDE = "basic_attitude", _("Basic attitude")
    TRUST = "trust", _("Trust takes time")
    SUPPORT = "support", _("Support: listening ear, creative solutions, normalise")
    REFERRAL = "referral", _("Referral")
    PARTNERSHIP = "partnership", _("Partnership: the parent as expert")
    AGREEMENTS = "agreements", _("Clear agreements")
    CHILD = "child", _("Involve the child")
    DIVERSITY = "diversity", _("Diversity, language and interpreter")
    PREJUDICE = "prejudice", _("Own prejudices")
    BASIC_NEEDS = "basic_needs", _("Basic needs: relatie, competentie, autonomie")


THEME_ORDER = {value: index for index, value in enumerate(Theme.values)}


class ChecklistItemQuerySet(CatalogueQuerySet):
    def for_kind(self, kind: str):
        return self.active().filter(kinds__contains=[kind])


@pghistory.track()
class ChecklistItem(CatalogueEntry):
    """One success factor as a prompt for the professional. Data, not code: each organisation's coordinators
    add, reword, reorder and retire its items; what was ticked on a contact keeps the prompt as it was then."""

    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    prompt = models.CharField(_("prompt"), max_length=200)
    hint = models.CharField(_("hint"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=40, choices=Source.choices, default=Source.OWN)
    kinds = ArrayField(
        models.CharField(max_length=30, choices=Kind.choices),
        verbose_name=_("prompt at these kinds of contact"),
        default=list,
    )
    tones = ArrayField(
        models.CharField(max_length=20, choices=Tone.choices),
        verbose_name=_("only when the parent seems"),
        default=list,
        blank=True,
        help_text=_("Leave empty to prompt at every contact of these kinds."),
    )

    objects = ChecklistItemQuerySet.as_manager()

    # The checklist shows items by theme, so an item moves up or down among the items of its theme.
    move_within = ("theme",)

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        indexes = [models.Index(fields=["organisation", "retired_on", "position"])]

    def __str__(self):
        return self.prompt

    @classmethod
    def reference_entries(cls) -> list[dict]:
        return reference.entries()

    @property
    def kind_labels(self) -> list[str]:
        labels = dict(Kind.choices)
        return [labels.get(kind, kind) for kind in self.kinds]

    @property
    def tone_labels(self) -> list[str]:
        labels = dict(Tone.choices)
        return [labels.get(tone, tone) for tone in self.tones]
