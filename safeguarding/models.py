"""A confidential note made at the Meldcode signpost of a family's page. The app is not the Meldcode case file
(that stays with the safeguarding officer, apart from this app): a note here is the staff member's own record
that they raised a worry and with whom, readable by its author and the coordinators only, never in the parent
portal. Append-only: a note is not edited or removed, only erased with the family's file (privacy/)."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


@pghistory.track(pghistory.InsertEvent())
class SafeguardingNote(models.Model):
    family = models.ForeignKey(
        "families.Family", verbose_name=_("family"), on_delete=models.CASCADE, related_name="safeguarding_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("confidential safeguarding note")
        verbose_name_plural = _("confidential safeguarding notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.family} {self.created_at:%Y-%m-%d}"
