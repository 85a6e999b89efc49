import pghistory
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intakes import reference
from partnership.catalogue import CatalogueEntry
from partnership.sources import Source


@pghistory.track()
class IntakeQuestion(CatalogueEntry):
    """A question of the getting-to-know-each-other conversation (kennismakingsgesprek). Data, not code: each
    organisation's coordinators add, reword, reorder and retire its questions; retired ones stay on old
    intakes."""

    class Audience(models.TextChoices):
        PARENT = "parent", _("Asked of the parents")
        PROFESSIONAL = "professional", _("The professional tells")

    text = models.CharField(_("question"), max_length=300)
    hint = models.CharField(_("hint for the professional"), max_length=300, blank=True)
    audience = models.CharField(_("who answers"), max_length=20, choices=Audience.choices, default=Audience.PARENT)
    source = models.CharField(_("source"), max_length=40, choices=Source.choices, default=Source.OWN)

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("intake question")
        verbose_name_plural = _("intake questions")

    def __str__(self):
        return self.text

    @classmethod
    def reference_entries(cls) -> list[dict]:
        return reference.entries()


@pghistory.track()
class Intake(models.Model):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="intakes")
    held_on = models.DateField(_("date of the conversation"), default=timezone.localdate)
    conducted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("conducted by"), on_delete=models.PROTECT, related_name="+"
    )
    caregivers = models.ManyToManyField("families.Caregiver", verbose_name=_("caregivers present"), related_name="+")
    children = models.ManyToManyField(
        "families.Child", verbose_name=_("about the children"), blank=True, related_name="+"
    )
    interpreter_used = models.BooleanField(_("an interpreter was used"), default=False)
    told_always_welcome = models.BooleanField(_("told the parents they can always come with questions"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.family} {self.held_on}"

    def get_absolute_url(self):
        return reverse("intakes:detail", args=[self.family_id, self.pk])


@pghistory.track()
class IntakeAnswer(models.Model):
    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(IntakeQuestion, on_delete=models.PROTECT, related_name="answers")
    # The question as it was asked: a later rewording does not change what the parent answered to.
    question_text = models.CharField(max_length=300)
    answer = models.TextField(_("answer"), max_length=4000)

    class Meta:
        verbose_name = _("intake answer")
        verbose_name_plural = _("intake answers")
        ordering = ["question__position", "pk"]
        constraints = [models.UniqueConstraint(fields=["intake", "question"], name="intake_answer_once")]

    def __str__(self):
        return self.question_text
