import datetime

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
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


class Kind(models.TextChoices):
    # A coordinator saw the signal: it holds for the level it was given at, for `acknowledgement_days`.
    SEEN = "seen", _("Marked as seen")
    # Trust takes time (success factor 6): the family's staff hold a signal on purpose, whatever its level,
    # until the day they look again.
    TIME = "time", _("Given time, by choice")


# How far ahead a look-again date may be: time given is a choice to look again, not a way to silence a signal.
LOOK_AGAIN_MAX_DAYS = 183


def holding_q(*, today: datetime.date, seen_since: datetime.datetime) -> Q:
    """The one rule of whether an acknowledgement still holds (the health statement and the services read it):
    not undone, and a "seen" one given since `seen_since`, or time given whose look-again day has not come.
    On the look-again day itself the signal counts again."""
    return Q(withdrawn_at=None) & (
        Q(kind=Kind.SEEN, created_at__gte=seen_since) | Q(kind=Kind.TIME, look_again_on__gt=today)
    )


@pghistory.track()
class Acknowledgement(models.Model):
    """A signal answered without the action it suggests: marked as seen by a coordinator (it holds for the level
    it was given at: when the signal gets worse, or after a while, it counts again), or given time by the
    family's staff, with the reason and a day to look again (it holds at any level until that day)."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="acknowledgements")
    signal = models.CharField(_("signal"), max_length=20, choices=Signal.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SEEN)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    note = models.CharField(_("note"), max_length=500)
    look_again_on = models.DateField(_("look again on"), null=True, blank=True)
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
        indexes = [
            models.Index(fields=["family", "signal", "-created_at"]),
            models.Index(fields=["kind", "look_again_on"], name="health_ack_kind_look_again"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="seen", look_again_on__isnull=True) | Q(kind="time", look_again_on__isnull=False),
                name="time_given_has_look_again_day",
            )
        ]

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


class Audience(models.IntegerChoices):
    """Whose contacts a health row counts (the confidentiality rule of contacts.selectors.sees_every_contact)."""

    TEAM = 0, _("the team: contacts without the confidential ones")
    ALL = 1, _("coordinators: every contact")


class FamilyHealth(models.Model):
    """A family's health row as computed on `day`, kept so that a page reads its families' health by index
    instead of recomputing every family in scope (health.store). Database triggers delete the row in the same
    transaction as any change to what it was computed from (migration 0007); a row of an earlier day, or of
    other thresholds or rules (`version`), is recomputed when first read."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    audience = models.PositiveSmallIntegerField(choices=Audience.choices)
    day = models.DateField()
    version = models.CharField(max_length=16)
    health = models.PositiveSmallIntegerField(choices=Level.choices)
    # The signals that count (raised and not acknowledged): the dashboard's counts per signal and its filter.
    raised = ArrayField(models.CharField(max_length=20), default=list)
    row = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["family", "audience"], name="one_health_row_per_audience")]

    def __str__(self):
        return f"{self.family_id} {self.audience} {self.day}: {self.health}"
