from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """Home languages most heard in Dutch childcare; "other" covers the rest (named in the notes)."""

    DUTCH = "nl", _("Dutch")
    FRISIAN = "fy", _("Frisian")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TAMAZIGHT = "ber", _("Tamazight (Berber)")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    TIGRINYA = "ti", _("Tigrinya")
    SOMALI = "so", _("Somali")
    PAPIAMENTO = "pap", _("Papiamento")
    SRANAN = "srn", _("Sranan Tongo")
    SARNAMI = "hns", _("Sarnami Hindustani")
    DARI = "prs", _("Dari / Persian")
    SPANISH = "es", _("Spanish")
    CHINESE = "zh", _("Chinese")
    OTHER = "other", _("Other language")


class Family(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="families")
    name = models.CharField(_("family name"), max_length=200, help_text=_("How the team refers to the family."))
    home_languages = ArrayField(
        models.CharField(max_length=10, choices=Language.choices),
        verbose_name=_("home languages"),
        default=list,
        blank=True,
    )
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    archived_on = models.DateField(_("archived on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("family")
        verbose_name_plural = _("families")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["organisation", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("families:detail", args=[self.pk])


class Caregiver(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="caregivers")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    relation = models.CharField(_("relation to the child"), max_length=100, blank=True)
    has_parental_authority = models.BooleanField(_("has parental authority"), default=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caregiver",
    )

    class Meta:
        verbose_name = _("caregiver")
        verbose_name_plural = _("caregivers")
        ordering = ["last_name", "first_name", "pk"]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class Child(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentees",
        limit_choices_to={"role": "staff"},
    )

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["date_of_birth", "pk"]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def clean(self):
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": _("The date of birth cannot be in the future.")})


class Placement(models.Model):
    """A child is placed in a group from a date, until a date when the child leaves it."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="placements")
    group = models.ForeignKey("organisations.Group", on_delete=models.PROTECT, related_name="placements")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="placement_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.child} – {self.group}"

    @classmethod
    def active_q(cls, prefix: str = "") -> Q:
        today = timezone.localdate()
        return Q(**{f"{prefix}start_date__lte": today}) & (
            Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})
        )
