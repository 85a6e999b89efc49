import datetime

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.choices import Kind, Occasion, ReferralStatus, ReferralTo, Tone, Visibility

# The author may correct a contact for this long; after that it only grows by addenda.
EDIT_WINDOW = datetime.timedelta(hours=24)


@pghistory.track()
class ContactMoment(models.Model):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind of contact"), max_length=30, choices=Kind.choices)
    occasion = models.CharField(_("when"), max_length=20, choices=Occasion.choices, blank=True)
    occurred_at = models.DateTimeField(_("date and time"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), on_delete=models.PROTECT, related_name="contacts"
    )
    caregivers = models.ManyToManyField("families.Caregiver", verbose_name=_("with"), blank=True, related_name="+")
    children = models.ManyToManyField("families.Child", verbose_name=_("about"), blank=True, related_name="+")
    tone = models.CharField(_("how did the parent seem?"), max_length=20, choices=Tone.choices)
    summary = models.CharField(_("short summary"), max_length=500, blank=True)
    notes = models.TextField(_("internal notes"), max_length=4000, blank=True)
    interpreter_used = models.BooleanField(_("an interpreter was used"), default=False)
    visibility = models.CharField(
        _("who may read this"), max_length=20, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    shared_summary = models.TextField(
        _("summary for the parents"),
        max_length=2000,
        blank=True,
        help_text=_("The parents read this in their portal; internal notes are never shown to them."),
    )
    intake = models.OneToOneField(
        "intakes.Intake", on_delete=models.SET_NULL, null=True, blank=True, related_name="contact"
    )
    checklist = models.ManyToManyField(
        "successfactors.ChecklistItem", through="ChecklistTick", blank=True, related_name="contacts"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Optimistic locking (partnership.locking): what the second of two editors is told.
    stale_message = _(
        "This contact was changed by someone else while you were editing. Your changes were not saved; "
        "below is the current version."
    )

    class Meta:
        verbose_name = _("contact moment")
        verbose_name_plural = _("contact moments")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["family", "-occurred_at"]),
            # The newest first across all families: the Django admin's list (the model's ordering).
            models.Index(fields=["-occurred_at", "-id"], name="contact_newest_first"),
            models.Index(fields=["author", "-occurred_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(visibility=Visibility.SHARED) | ~Q(shared_summary=""),
                name="contact_shared_has_summary",
                violation_error_message=_("Write the summary for the parents when the contact is shared."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.occurred_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("contacts:detail", args=[self.family_id, self.pk])

    def editable_by(self, user, now=None) -> bool:
        now = now or timezone.now()
        return user.pk == self.author_id and now - self.created_at < EDIT_WINDOW


@pghistory.track()
class ChecklistTick(models.Model):
    """A success factor the professional applied in this contact. Theme and prompt are kept as they were
    then, so rewording or retiring an item later does not change what was recorded."""

    contact = models.ForeignKey(ContactMoment, on_delete=models.CASCADE, related_name="ticks")
    item = models.ForeignKey("successfactors.ChecklistItem", on_delete=models.PROTECT, related_name="ticks")
    theme = models.CharField(max_length=30)
    prompt = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("applied success factor")
        verbose_name_plural = _("applied success factors")
        constraints = [models.UniqueConstraint(fields=["contact", "item"], name="checklist_tick_once")]
        indexes = [models.Index(fields=["theme"])]

    def __str__(self):
        return self.prompt


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)


@pghistory.track()
class FollowUp(models.Model):
    """Something someone will do for a family after a contact; with a destination it is a referral
    (doorverwijzing). (A parent's request for a conversation is a thread: threads.models.)"""

    # Required (see the constraint below). Nullable on the field itself so that django-pghistory's event table,
    # which copies the field and already holds events from before it existed, stays valid and append-only.
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="follow_ups", null=True)
    # Required (see the constraint below), nullable on the field for the history of the requests for a conversation
    # that were follow-ups without a contact before they became threads.
    contact = models.ForeignKey(
        ContactMoment, on_delete=models.CASCADE, related_name="follow_ups", null=True, blank=True
    )
    description = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    due_on = models.DateField(_("before"))
    promised_to_parents = models.BooleanField(
        _("promised to the parents"), default=False, help_text=_("The parents are counting on it.")
    )
    referral_to = models.CharField(_("referral to"), max_length=20, choices=ReferralTo.choices, blank=True)
    referral_other = models.CharField(_("other destination"), max_length=100, blank=True)
    agreed_with_parents = models.BooleanField(_("agreed with the parents"), default=False)
    referral_status = models.CharField(_("referral status"), max_length=20, choices=ReferralStatus.choices, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["done_on", "due_on", "pk"]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(referral_to="") & Q(referral_status="")) | (~Q(referral_to="") & ~Q(referral_status="")),
                name="follow_up_referral_has_status",
            ),
            models.CheckConstraint(condition=Q(family__isnull=False), name="follow_up_has_family"),
            models.CheckConstraint(condition=Q(contact__isnull=False), name="follow_up_has_contact"),
        ]

    # A record's name shows up in Django's admin and in logs: it carries no words written about the family.
    def __str__(self):
        return _("Follow-up %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        if self.contact_id:
            return reverse("contacts:detail", args=[self.family_id, self.contact_id])
        return reverse("families:detail", args=[self.family_id]) + "#follow-ups"

    @property
    def is_referral(self) -> bool:
        return bool(self.referral_to)

    @property
    def destination(self) -> str:
        if self.referral_to == ReferralTo.OTHER and self.referral_other:
            return self.referral_other
        return self.get_referral_to_display()

    @property
    def status_choices(self):
        return ReferralStatus.choices

    def is_overdue(self, today=None) -> bool:
        return self.done_on is None and self.due_on < (today or timezone.localdate())


@pghistory.track()
class Addendum(models.Model):
    """An addition to a contact after the author's edit window, or by a colleague: contacts are append-only."""

    contact = models.ForeignKey(ContactMoment, on_delete=models.CASCADE, related_name="addenda")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("addendum"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("addendum")
        verbose_name_plural = _("addenda")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return _("Addendum %(pk)s") % {"pk": self.pk}
