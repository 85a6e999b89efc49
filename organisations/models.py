import pghistory
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from organisations.thresholds import validate_health_thresholds

# A child in Dutch childcare is at most 13 (BSO); an age range is given in months.
MAX_AGE_MONTHS = 13 * 12


# Who may see which families follows from these rows, so every change, removals included, is kept in history.
def with_removals():
    # New tracker instances for each model: pghistory binds a tracker to the model it decorates.
    return pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent()


@pghistory.track()
class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    # AVG: how long a family's file is kept after its last child left (Dutch law sets no term for it).
    retention_months = models.PositiveSmallIntegerField(
        _("retention period (months)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("A family's file is erased this many months after its last child left (apply_retention)."),
    )
    # Families placed before the app was in use have no intake recorded in it: paperwork signals count from here.
    go_live = models.DateField(
        _("in use since"),
        null=True,
        blank=True,
        help_text=_(
            "The day the organisation started using this app. Paperwork signals (such as a missing intake) count "
            "from this day or the child's first day, whichever is later."
        ),
    )
    # Empty: the default of the installation (CONTACT_QUIET_DAYS).
    contact_quiet_days = models.PositiveSmallIntegerField(
        _("quiet-contact days"),
        null=True,
        blank=True,
        validators=[MinValueValidator(7), MaxValueValidator(90)],
        help_text=_("The staff home marks a family when nobody has had contact with its parents for this many days."),
    )
    # Overrides of the health thresholds by name, each within safe bounds (organisations/thresholds.py).
    health_thresholds = models.JSONField(
        _("health thresholds"), default=dict, blank=True, validators=[validate_health_thresholds]
    )
    # The Meldcode signpost on a family's page names this person (aandachtsfunctionaris).
    safeguarding_officer_name = models.CharField(_("safeguarding officer"), max_length=200, blank=True)
    safeguarding_officer_phone = models.CharField(_("safeguarding officer's phone"), max_length=40, blank=True)
    safeguarding_officer_email = models.EmailField(_("safeguarding officer's e-mail"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def quiet_days(self) -> int:
        return self.contact_quiet_days or settings.CONTACT_QUIET_DAYS


@pghistory.track(*with_removals())
class Location(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="locations"
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="CoordinatorAssignment",
        verbose_name=_("coordinators"),
        related_name="coordinated_locations",
        blank=True,
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="location_unique_name")]

    def __str__(self):
        return self.name


@pghistory.track(*with_removals())
class Group(models.Model):
    class Kind(models.TextChoices):
        DAYCARE = "kdv", _("Daycare (kinderdagverblijf)")
        PRESCHOOL = "po", _("Preschool (peuteropvang/VVE)")
        OUT_OF_SCHOOL = "bso", _("Out-of-school care (BSO)")

    location = models.ForeignKey(Location, verbose_name=_("location"), on_delete=models.PROTECT, related_name="groups")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of care"), max_length=3, choices=Kind.choices, default=Kind.DAYCARE)
    age_from_months = models.PositiveSmallIntegerField(
        _("from age (months)"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE_MONTHS)]
    )
    age_to_months = models.PositiveSmallIntegerField(
        _("up to age (months)"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE_MONTHS)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("How many children the group has room for on one day."),
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="StaffMembership",
        verbose_name=_("staff"),
        related_name="care_groups",
        blank=True,
    )

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["location__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["location", "name"], name="group_unique_name"),
            models.CheckConstraint(
                condition=Q(age_from_months__isnull=True)
                | Q(age_to_months__isnull=True)
                | Q(age_from_months__lt=F("age_to_months")),
                name="group_age_range_ordered",
                violation_error_message=_("The upper age must be above the lower age."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.location.name})"


@pghistory.track(*with_removals())
class StaffMembership(models.Model):
    """A pedagogical staff member works in this group."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), on_delete=models.CASCADE, related_name="memberships"
    )
    group = models.ForeignKey(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} – {self.group}"


@pghistory.track(*with_removals())
class CoordinatorAssignment(models.Model):
    """A coordinator is responsible for every family of this location."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coordinator"), on_delete=models.CASCADE, related_name="assignments"
    )
    location = models.ForeignKey(
        Location, verbose_name=_("location"), on_delete=models.CASCADE, related_name="assignments"
    )

    class Meta:
        verbose_name = _("coordinator assignment")
        verbose_name_plural = _("coordinator assignments")
        constraints = [models.UniqueConstraint(fields=["user", "location"], name="assignment_unique")]

    def __str__(self):
        return f"{self.user} – {self.location}"
