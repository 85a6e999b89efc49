from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    GOOD = 0, _("Good")
    ATTENTION = 1, _("Attention")
    CONCERN = 2, _("Concern")


class Signal(models.TextChoices):
    """The signals of DESIGN.md section 3, in the order the family page shows them."""

    CONTACT = "contact", _("Contact with the parents")
    BALANCE = "balance", _("Contact when all is well")
    INTAKE = "intake", _("Intake")
    EVALUATION = "evaluation", _("Evaluation of agreements")
    PROPOSAL = "proposal", _("Agreements waiting for the parents")
    PROMISES = "promises", _("Promises to the parents")
    TONE = "tone", _("Tone of recent contacts")
    INTERPRETER = "interpreter", _("Interpreter")
    FEEDBACK = "feedback", _("The parents' own view")
    COVERAGE = "coverage", _("Success factors in conversations")


class Acknowledgement(models.Model):
    """A coordinator has seen a signal and noted why no action is needed now. It holds for the level it was
    given at: when the signal gets worse, or after a while, the signal counts again."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="acknowledgements")
    signal = models.CharField(_("signal"), max_length=20, choices=Signal.choices)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    note = models.CharField(_("note"), max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

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
