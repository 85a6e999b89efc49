from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Location(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="locations")
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="CoordinatorAssignment",
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


class Group(models.Model):
    class Kind(models.TextChoices):
        DAYCARE = "kdv", _("Daycare (kinderdagverblijf)")
        PRESCHOOL = "po", _("Preschool (peuteropvang/VVE)")
        OUT_OF_SCHOOL = "bso", _("Out-of-school care (BSO)")

    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="groups")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of care"), max_length=3, choices=Kind.choices, default=Kind.DAYCARE)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="StaffMembership", related_name="care_groups", blank=True
    )

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["location__name", "name"]
        constraints = [models.UniqueConstraint(fields=["location", "name"], name="group_unique_name")]

    def __str__(self):
        return f"{self.name} ({self.location.name})"


class StaffMembership(models.Model):
    """A pedagogical staff member works in this group."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} – {self.group}"


class CoordinatorAssignment(models.Model):
    """A coordinator is responsible for every family of this location."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="assignments")

    class Meta:
        verbose_name = _("coordinator assignment")
        verbose_name_plural = _("coordinator assignments")
        constraints = [models.UniqueConstraint(fields=["user", "location"], name="assignment_unique")]

    def __str__(self):
        return f"{self.user} – {self.location}"
