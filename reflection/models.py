"""The professional's own side of the partnership (success factors 21, 29 and 41: be aware of your own
prejudices, let yourself be moved, the staff's own basic needs).

A reflection is a staff member's private note after a contact: only its author reads it. It is not tracked by
django-pghistory on purpose: its history would be readable on the family's "History of changes" page, which
coordinators open. It goes with the contact (and so with an erased family): see docs/privacy.md.

The pulse is anonymous by construction: a `PulseResponse` holds a location, a month and three scores, and no
user, no time and no sequential id; `PulseAnswered` only records that a user answered in a month (to prevent a
second answer) and holds nothing that links it to the scores."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

TEXT_LIMIT = 2000
# A team's pulse is shown only when at least this many people answered: fewer could be recognised.
PULSE_MIN_RESPONDENTS = 5


class Reflection(models.Model):
    # Left out of the family's export (privacy/selectors.py): the author's note on their own work, see docs/privacy.md.
    left_out_of_family_export = True

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="reflections"
    )
    contact = models.OneToOneField(
        "contacts.ContactMoment", verbose_name=_("contact"), on_delete=models.CASCADE, related_name="reflection"
    )
    # The team it counts for in the coordinator's figures (counts only, never the text).
    location = models.ForeignKey(
        "organisations.Location",
        verbose_name=_("location"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    month = models.DateField(_("month"))
    assumed = models.TextField(_("What did I assume?"), max_length=TEXT_LIMIT, blank=True)
    parent_need = models.TextField(_("What might the parent need?"), max_length=TEXT_LIMIT, blank=True)
    moved = models.TextField(_("What moved me?"), max_length=TEXT_LIMIT, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("private reflection")
        verbose_name_plural = _("private reflections")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["location", "month"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(assumed="") | ~Q(parent_need="") | ~Q(moved=""), name="reflection_not_empty"
            )
        ]

    # Its name shows up in logs: no words of the reflection, no family name.
    def __str__(self):
        return _("Reflection %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("reflection:detail", args=[self.pk])


def _score(name):
    return models.PositiveSmallIntegerField(name, validators=[MinValueValidator(1), MaxValueValidator(5)])


class PulseResponse(models.Model):
    # A random key: a sequential id would let one line up the answers with the order of `PulseAnswered`.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(
        "organisations.Location", verbose_name=_("location"), on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField(_("month"))
    relatie = _score(_("relatie: I feel connected with my colleagues"))
    competentie = _score(_("competentie: I feel capable in my work"))
    autonomie = _score(_("autonomie: I can do my work in my own way"))

    class Meta:
        verbose_name = _("staff pulse answer")
        verbose_name_plural = _("staff pulse answers")
        indexes = [models.Index(fields=["location", "month"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(relatie__range=(1, 5)) & Q(competentie__range=(1, 5)) & Q(autonomie__range=(1, 5)),
                name="pulse_scores_one_to_five",
            )
        ]

    def __str__(self):
        return _("Pulse answer")


class PulseAnswered(models.Model):
    """That a staff member answered the pulse of a month; which answer is theirs is not kept anywhere."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField(_("month"))

    class Meta:
        verbose_name = _("pulse answered")
        verbose_name_plural = _("pulse answered")
        constraints = [models.UniqueConstraint(fields=["user", "month"], name="pulse_answered_once_a_month")]

    def __str__(self):
        return f"{self.month:%Y-%m}"
