import pghistory
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCALE = [MinValueValidator(1), MaxValueValidator(5)]

# The feedback form's questions, each asking one thing, with the basic need (dimension) it asks about. A
# dimension's score is the lowest answer of its questions: the health signal and the reports read the dimensions,
# and one low answer must show there.
QUESTIONS = (
    ("relatie", "relatie"),
    ("competentie_child", "competentie"),
    ("competentie_help", "competentie"),
    ("autonomie_own_way", "autonomie"),
    ("autonomie_together", "autonomie"),
)
DIMENSIONS = ("relatie", "competentie", "autonomie")


def dimension_scores(answers: dict[str, int]) -> dict[str, int]:
    """Each dimension's score: the lowest answer of its questions."""
    return {
        dimension: min(answers[question] for question, of in QUESTIONS if of == dimension) for dimension in DIMENSIONS
    }


def _question(label):
    # Empty in the answers given before the form asked one thing per question (their dimensions hold them).
    return models.PositiveSmallIntegerField(label, validators=SCALE, null=True, blank=True)


@pghistory.track()
class PartnershipFeedback(models.Model):
    """How the partnership feels to a parent: the basic needs relatie, competentie and autonomie (T. Wally,
    after Deci & Ryan), asked in five short questions (QUESTIONS), each 1 to 5, with an optional remark."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="feedback")
    caregiver = models.ForeignKey("families.Caregiver", on_delete=models.CASCADE, related_name="feedback")
    # Relatie is one question; competentie and autonomie are each the lowest of their two questions below.
    relatie = models.PositiveSmallIntegerField(_("The team listens to me."), validators=SCALE)
    competentie = models.PositiveSmallIntegerField(_("competentie (the lower of its two answers)"), validators=SCALE)
    autonomie = models.PositiveSmallIntegerField(_("autonomie (the lower of its two answers)"), validators=SCALE)
    competentie_child = _question(_("I know how my child is doing here."))
    competentie_help = _question(_("I know how I can help my child."))
    autonomie_own_way = _question(_("I can raise my child in my own way."))
    autonomie_together = _question(_("We decide things about my child together."))
    remark = models.TextField(_("Anything else you want to tell us?"), max_length=1000, blank=True)
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
            ),
            models.CheckConstraint(
                condition=models.Q(
                    *(
                        models.Q(**{f"{name}__isnull": True}) | models.Q(**{f"{name}__range": (1, 5)})
                        for name in ("competentie_child", "competentie_help", "autonomie_own_way", "autonomie_together")
                    )
                ),
                name="feedback_questions_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.caregiver} {self.created_at:%Y-%m-%d}"
