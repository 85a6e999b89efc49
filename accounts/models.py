import pghistory
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PARENT = "parent", _("Parent / caregiver")
    STAFF = "staff", _("Pedagogical staff")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMIN = "admin", _("Organisation admin")


# Roles, activity and organisation changes are kept in history; the password hash and login times are not.
@pghistory.track(exclude=["password", "last_login"])
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
    def home_url(self) -> str:
        if self.is_parent:
            return reverse("portal:home")
        if self.role == Role.STAFF:
            return reverse("families:mine")
        return reverse("organisations:overview")


class UnlockPin(models.Model):
    """The short PIN that reopens a locked session on a shared device (the tablet at the door). Hashed like a
    password; kept apart from the user so that it never lands in the user's history."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="unlock_pin", verbose_name=_("user"))
    pin_hash = models.CharField(max_length=128, editable=False)
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("unlock PIN")
        verbose_name_plural = _("unlock PINs")

    def __str__(self):
        return str(self.user)
