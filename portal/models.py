import pghistory
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


@pghistory.track()
class PartnershipFeedback(models.Model):
    """How the partnership feels to a parent: the basic needs relatie, competentie and autonomie (T. Wally,
    after Deci & Ryan), each 1 to 5, with an optional remark."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="feedback")
    caregiver = models.ForeignKey("families.Caregiver", on_delete=models.CASCADE, related_name="feedback")
    relatie = models.PositiveSmallIntegerField(_("I feel heard and seen by the staff"), validators=SCALE)
    competentie = models.PositiveSmallIntegerField(
        _("I know how things go with my child here, and how I can help"), validators=SCALE
    )
    autonomie = models.PositiveSmallIntegerField(
        _("I can do things my own way, and decisions are made together with me"), validators=SCALE
    )
    remark = models.TextField(_("Anything you want to tell us?"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partnership feedback")
        verbose_name_plural = _("partnership feedback")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["family", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(relatie__range=(1, 5), competentie__range=(1, 5), autonomie__range=(1, 5)),
                name="feedback_scores_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.caregiver} {self.created_at:%Y-%m-%d}"
