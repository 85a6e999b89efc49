import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from health.rules import RULES


class Level(models.IntegerChoices):
    # Advice for a coordinator, not an alarm: never a word of Meldcode practice such as "zorg" (DESIGN.md 3).
    GOOD = 0, _("Good")
    ATTENTION = 1, _("Attention")
    ACTION_NEEDED = 2, _("Action needed")


# The signals of DESIGN.md section 3, in the order the family page shows them. Their one list is
# health.rules.RULES; the choices follow it (Signal.CONTACT == "contact", with the rule's label).
Signal = models.TextChoices(
    "Signal", [(rule.key.upper(), (rule.key, rule.label)) for rule in RULES], module=__name__, qualname="Signal"
)


@pghistory.track()
class Acknowledgement(models.Model):
    """A coordinator has seen a signal and noted why no action is needed now. It holds for the level it was
    given at: when the signal gets worse, or after a while, the signal counts again."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="acknowledgements")
    signal = models.CharField(_("signal"), max_length=20, choices=Signal.choices)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    note = models.CharField(_("note"), max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Undone by a coordinator: kept, so the family page can show who marked it, who undid it and when.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("acknowledged signal")
        verbose_name_plural = _("acknowledged signals")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["family", "signal", "-created_at"])]

    def __str__(self):
        return f"{self.family} {self.signal}"


class Snapshot(models.Model):
    """The status of a family on one day, kept by `manage.py snapshot_health` for the history chart."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="health_snapshots")
    day = models.DateField()
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    levels = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("health snapshot")
        verbose_name_plural = _("health snapshots")
        ordering = ["family", "day"]
        constraints = [models.UniqueConstraint(fields=["family", "day"], name="one_snapshot_per_family_per_day")]

    def __str__(self):
        return f"{self.family} {self.day}: {self.level}"


class ReminderDigest(models.Model):
    """That a staff member's daily digest went out, so `send_reminders` sends at most one per day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    items = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_user_per_day")]

    def __str__(self):
        return f"{self.user} {self.day}"
