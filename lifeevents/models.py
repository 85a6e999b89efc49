"""What is going on around the family (success factors 7 and 25: difficult behaviour is a normal reaction to
stress; the parent's wellbeing matters as much as the child's). A life event (a move, a new baby, a
bereavement, ...) is noted with the parents' knowledge, so that colleagues read a child's or a parent's
behaviour in context; it fades after a period that depends on its kind, or when staff end it.

Staff-only: never in the parent portal, never in health. Erased with the family (privacy/graph.py follows the
foreign key)."""

import datetime

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MOVE = "move", _("A move")
    BABY = "baby", _("A new baby")
    ILLNESS = "illness", _("Illness")
    JOB_LOST = "job_lost", _("Job lost")
    BEREAVEMENT = "bereavement", _("Bereavement")
    SEPARATION = "separation", _("Divorce or separation")
    OTHER = "other", _("Something else")


# After how many days from its date a life event fades by itself, per kind, unless staff set another end.
FADES_AFTER_DAYS = {
    Kind.MOVE: 91,
    Kind.BABY: 183,
    Kind.ILLNESS: 91,
    Kind.JOB_LOST: 183,
    Kind.BEREAVEMENT: 365,
    Kind.SEPARATION: 365,
    Kind.OTHER: 91,
}
# An end further away than this is no longer "going on now": the card is for what colleagues need today.
LONGEST_DAYS = 730
# A life event may be noted ahead (a move next month, a baby on the way), but not much.
AHEAD_DAYS = 183
DESCRIPTION_LIMIT = 200


def default_end(kind: str, happened_on: datetime.date) -> datetime.date:
    return happened_on + datetime.timedelta(days=FADES_AFTER_DAYS[kind])


def active_q(today: datetime.date) -> Q:
    """The one rule of "going on now": not ended by staff, and its end day not passed (it shows on that day)."""
    return Q(ended_at=None, ends_on__gte=today)


@pghistory.track()
class LifeEvent(models.Model):
    family = models.ForeignKey(
        "families.Family", verbose_name=_("family"), on_delete=models.CASCADE, related_name="life_events"
    )
    kind = models.CharField(_("what happened"), max_length=20, choices=Kind.choices)
    description = models.CharField(_("in a few words"), max_length=DESCRIPTION_LIMIT)
    happened_on = models.DateField(_("date"))
    # Noted with the parents' knowledge, never behind their back: the form makes staff confirm it.
    parents_know = models.BooleanField(_("the parents know this is noted"), default=False)
    ends_on = models.DateField(_("shows until"))
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("noted by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("noted at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("life event")
        verbose_name_plural = _("life events")
        ordering = ["-happened_on", "-pk"]
        indexes = [models.Index(fields=["family", "ends_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(parents_know=True), name="life_event_noted_with_parents_knowledge"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("happened_on")), name="life_event_ends_after"),
        ]

    # Its name shows up in logs and the history: the kind, never the description.
    def __str__(self):
        return f"{self.get_kind_display()} ({self.happened_on:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("lifeevents:list", args=[self.family_id])

    def is_active(self, today: datetime.date) -> bool:
        return self.ended_at is None and self.ends_on >= today
