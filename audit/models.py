"""The access log: who read which family's file, when, and why. It answers a parent's question "who looked at
my child's file?" (DESIGN.md section 4). Rows are only ever added: a database trigger refuses updates and
deletes (retention removes a family's rows under an explicit, logged exception), and the app's database role
has no UPDATE or DELETE grant on the table (docs/security.md)."""

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Read(models.TextChoices):
    FAMILY = "family", _("family page")
    CONTACT = "contact", _("contact moment")
    AGREEMENT = "agreement", _("agreement")
    THREAD = "thread", _("parent messages")
    INTAKE = "intake", _("intake")
    HEALTH = "health", _("relationship health")
    HISTORY = "history", _("history of changes")
    PRINT = "print", _("printable agreement")
    EXPORT = "export", _("export of the file")
    ACCESS_LOG = "access_log", _("access log")


class AccessEvent(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # Kept when the account is later deleted: the name at the time of reading stays readable.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    user_name = models.CharField(_("who"), max_length=300)
    user_role = models.CharField(_("role"), max_length=20)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="access_events")
    what = models.CharField(_("what"), max_length=20, choices=Read.choices)
    object_id = models.BigIntegerField(null=True, blank=True)
    # Why someone outside the family's daily team opened it (an organisation admin states a reason).
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("access to a family file")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["family", "-at"])]
        triggers = [
            pgtrigger.Protect(name="append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self):
        return f"{self.user_name} {self.what} {self.family_id} {self.at:%Y-%m-%d %H:%M}"


class FileReason(models.TextChoices):
    """Why an organisation admin opens a family's file (docs/security.md, "Organisation admins and family
    files"): the admin runs the organisation, and reads a file only for one of these."""

    AVG_ACCESS = "avg_access", _("The parents asked to see their file (AVG: access)")
    AVG_CORRECTION = "avg_correction", _("The parents asked to correct their file (AVG: correction)")
    AVG_ERASURE = "avg_erasure", _("The parents asked to erase their file (AVG: erasure)")
    SUPPORT = "support", _("A coordinator asked me for support")
    INCIDENT = "incident", _("A security or data incident")
    OTHER = "other", _("Something else")


class FileAccessQuerySet(models.QuerySet):
    def open(self, now=None):
        return self.filter(until__gt=now or timezone.now())


# Kept in history as well: the reason an admin gave stays on record even when the row is later removed with
# the family's file.
@pghistory.track()
class FileAccess(models.Model):
    """An organisation admin opened one family's file, for a stated reason, until a moment ("break the
    glass"). While it is open the family is in the admin's scope (`families.selectors.families_visible_to`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="file_accesses"
    )
    family = models.ForeignKey(
        "families.Family", verbose_name=_("family"), on_delete=models.CASCADE, related_name="file_accesses"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FileReason.choices)
    explanation = models.CharField(_("explanation"), max_length=300)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    until = models.DateTimeField(_("open until"))

    objects = FileAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("opened family file")
        verbose_name_plural = _("opened family files")
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["user", "family", "-until"])]
        constraints = [
            models.CheckConstraint(condition=~Q(explanation=""), name="file_access_has_explanation"),
        ]

    def __str__(self):
        return f"{self.user_id} {self.family_id} {self.get_reason_display()}"

    @property
    def reason_text(self) -> str:
        """As the access log shows it."""
        return f"{self.get_reason_display()}: {self.explanation}"
