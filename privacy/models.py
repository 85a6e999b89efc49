"""What remains of an erased family file: that it was erased, when, by whom, why and how much, and nothing of
what it held (no name, no id, no text), so that the organisation can show it handled a request for erasure or
kept its retention period. Rows are only ever added (a trigger refuses updates and deletes, and the app's
database role has no UPDATE or DELETE grant: audit/grants.py)."""

import contextlib

import pgtrigger
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reason(models.TextChoices):
    REQUEST = "request", _("The parents asked for erasure (right to erasure)")
    NOT_NEEDED = "not_needed", _("No longer needed: the family did not start or left early")
    MISTAKE = "mistake", _("Recorded by mistake")
    RETENTION = "retention", _("The retention period passed")


# What a coordinator may choose on the erasure page; retention is the command's.
ON_REQUEST = [choice for choice in Reason.choices if choice[0] != Reason.RETENTION]


class ErasureRecord(models.Model):
    erased_at = models.DateTimeField(_("erased on"), auto_now_add=True, db_index=True)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    # The name at the time stays readable when the account is later deleted; the id then points nowhere, since
    # an append-only row cannot be set to NULL. Empty for the retention run.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    by_name = models.CharField(_("by"), max_length=300, blank=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    # Rows removed per kind ("families.Child": 2, "history": 40, ...): counts only.
    counts = models.JSONField(_("what was removed"), default=dict)

    class Meta:
        verbose_name = _("erasure of a family file")
        verbose_name_plural = _("erasures of family files")
        ordering = ["-erased_at", "-pk"]
        triggers = [
            pgtrigger.Protect(name="append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self):
        return f"{self.organisation_id} {self.reason} {self.erased_at:%Y-%m-%d %H:%M}"

    @property
    def total(self) -> int:
        return sum(value for value in self.counts.values() if isinstance(value, int))

    def removed(self) -> list[tuple[str, int]]:
        """The counts with readable names ("children": 2), for the page."""
        names = {"history": _("history of changes"), "access_log": _("access log")}
        rows = []
        for key, count in sorted(self.counts.items()):
            with contextlib.suppress(LookupError, ValueError):  # "history", "access_log": not models
                names[key] = apps.get_model(key)._meta.verbose_name_plural
            rows.append((names.get(key, key), count))
        return rows
