import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agreements import pictograms


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed to the parents")
    AGREED = "agreed", _("Agreed")
    EVALUATED = "evaluated", _("Evaluated")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    CONTINUE = "continue", _("Continue as agreed")
    ADJUST = "adjust", _("Adjust the agreement")
    CLOSE = "close", _("Close: the goal is reached or no longer needed")


@pghistory.track()
class Agreement(models.Model):
    """An agreement made with the parents (afspraak). Its content lives in versions: a draft is edited in
    place; every change after it was proposed makes a new version, so what a parent agreed to stays."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="agreements")
    child = models.ForeignKey(
        "families.Child",
        verbose_name=_("about the child"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )
    title = models.CharField(_("title"), max_length=120)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    current = models.ForeignKey("AgreementVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    evaluation_on = models.DateField(_("evaluate on"), null=True, blank=True)
    proposed_at = models.DateTimeField(null=True, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # An agreement is agreed once every caregiver with parental authority (gezag) agreed. For an everyday matter
    # staff may decide, for this agreement only and visibly, that one of them agreeing is enough; never a default.
    one_akkoord_enough = models.BooleanField(
        _("one akkoord is enough (everyday matter)"),
        default=False,
        help_text=_(
            "Only for an everyday matter: the agreement is agreed once one caregiver with parental authority "
            "agreed. Otherwise every caregiver with parental authority has to agree. The parents see this choice."
        ),
    )
    # Optimistic locking: a save from a form opened before someone else's save is refused.
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Optimistic locking (partnership.locking): the version field, and what the second of two editors is told.
    lock_field = "lock_version"
    stale_message = _(
        "Someone else changed this agreement while you were editing. Your changes were not saved; below is the "
        "current version. Make your changes again."
    )

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["family", "status"]),
            models.Index(fields=["status", "evaluation_on"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:detail", args=[self.family_id, self.pk])


@pghistory.track()
class AgreementVersion(models.Model):
    """The content of an agreement as it was written at one moment (seed 003: heldere afspraken maken)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    goal = models.TextField(_("our joint goal"), max_length=1000)
    agreed_points = models.TextField(_("where we agree"), max_length=1000, blank=True)
    open_points = models.TextField(_("where we do not agree yet"), max_length=1000, blank=True)
    parents_do = models.TextField(_("what the parents will do"), max_length=1000, blank=True)
    staff_do = models.TextField(_("what we will do"), max_length=1000, blank=True)
    child_does = models.TextField(_("what the child will do"), max_length=1000, blank=True)
    how_we_work = models.TextField(_("how we work together"), max_length=1000, blank=True)
    # Who the parents bring to the conversations about this agreement: a client supporter, a buddy, a friend, an
    # interpreter (success factor 34). Free text, or a name from the family's network chosen in the form.
    parent_brings = models.CharField(_("who the parents bring along"), max_length=200, blank=True)
    child_voice = models.TextField(_("what the child says or shows"), max_length=1000, blank=True)
    # Pictograms for who does what (agreements/pictograms.py): part of the version, as immutable as its text.
    parents_pictograms = ArrayField(
        models.CharField(max_length=20, choices=pictograms.CHOICES),
        verbose_name=_("pictograms: the parents do"),
        default=list,
        blank=True,
    )
    staff_pictograms = ArrayField(
        models.CharField(max_length=20, choices=pictograms.CHOICES),
        verbose_name=_("pictograms: we do"),
        default=list,
        blank=True,
    )
    child_pictograms = ArrayField(
        models.CharField(max_length=20, choices=pictograms.CHOICES),
        verbose_name=_("pictograms: the child does"),
        default=list,
        blank=True,
    )
    evaluation_on = models.DateField(_("we evaluate on"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    proposed_at = models.DateTimeField(null=True, blank=True)

    CONTENT_FIELDS = (
        "goal",
        "agreed_points",
        "open_points",
        "parents_do",
        "staff_do",
        "child_does",
        "how_we_work",
        "parent_brings",
        "child_voice",
        "evaluation_on",
    )
    PICTOGRAM_FIELDS = pictograms.FIELDS

    class Meta:
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")
        ordering = ["agreement", "-number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="agreement_version_number")]

    def __str__(self):
        return f"{self.agreement} v{self.number}"

    def sections(self) -> list[tuple[str, str]]:
        """The written parts, labelled, in reading order (for the pages and the print view)."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.CONTENT_FIELDS
            if name != "evaluation_on" and getattr(self, name)
        ]

    def pictogram_rows(self) -> list[tuple[str, list]]:
        """Per side (the parents, the team, the child) the pictograms chosen, for the pages and the print view."""
        rows = [(label, pictograms.pictograms(getattr(self, name))) for name, label in pictograms.SIDES]
        return [(label, chosen) for label, chosen in rows if chosen]


@pghistory.track()
class Confirmation(models.Model):
    """A caregiver said "akkoord" to one version: in the portal, or in a conversation staff recorded."""

    version = models.ForeignKey(AgreementVersion, on_delete=models.CASCADE, related_name="confirmations")
    caregiver = models.ForeignKey("families.Caregiver", on_delete=models.CASCADE, related_name="confirmations")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contact = models.ForeignKey(
        "contacts.ContactMoment",
        verbose_name=_("agreed in the conversation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "caregiver"], name="confirm_version_once")]

    def __str__(self):
        return f"{self.caregiver} – {self.version}"

    @property
    def in_portal(self) -> bool:
        return self.recorded_by_id == self.caregiver.user_id


@pghistory.track()
class Evaluation(models.Model):
    """Looking back on an agreement together; the conversation is a contact moment of kind evaluation."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="evaluations")
    version = models.ForeignKey(AgreementVersion, on_delete=models.CASCADE, related_name="evaluations")
    contact = models.OneToOneField("contacts.ContactMoment", on_delete=models.PROTECT, related_name="evaluation")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    next_evaluation_on = models.DateField(_("next evaluation"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.agreement} – {self.get_outcome_display()}"
