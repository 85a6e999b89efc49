from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PARENT = "parent", _("Parent / caregiver")
    STAFF = "staff", _("Pedagogical staff")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMIN = "admin", _("Organisation admin")


class User(AbstractUser):
    """One account for every role. The role decides the home page and the scope of what one may see;
    the scope itself comes from memberships (staff on groups, coordinators on locations) and, for parents,
    the caregiver record that links to this account."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.STAFF)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    is_demo = models.BooleanField(_("demo account"), default=False, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_parent(self) -> bool:
        return self.role == Role.PARENT

    @property
    def is_pedagogical_staff(self) -> bool:
        return self.role == Role.STAFF

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_org_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def works_with_families(self) -> bool:
        """Staff, coordinators and admins: the people who may open a family file within their scope."""
        return self.role in (Role.STAFF, Role.COORDINATOR, Role.ADMIN)

    @property
    def home_url(self) -> str:
        if self.is_parent:
            return reverse("portal:home")
        if self.role == Role.STAFF:
            return reverse("families:mine")
        return reverse("organisations:overview")
