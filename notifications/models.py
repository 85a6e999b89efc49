"""The transactional outbox: a notification is a row written in the same transaction as the event it tells of,
so it exists exactly when the event does; `send_outbox` (cron, every minute) delivers it. An e-mail says only
that something awaits the person, with their first name and a link: never the content or a family's name."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("Once a day, in the morning")
    OFF = "off", _("No e-mail (I look in the app myself)")


class Kind(models.TextChoices):
    # For parents.
    AGREEMENT_PROPOSED = "agreement_proposed", _("an agreement to read")
    REPLY = "reply", _("an answer to your message")
    SHARED_SUMMARY = "shared_summary", _("a new summary of a conversation")
    POSITIVE_MOMENT = "positive_moment", _("a positive moment about your child")
    CHILD_PAGE_SUGGESTION = "child_page_suggestion", _("a suggestion for the page about your child")
    # For staff.
    PARENT_MESSAGE = "parent_message", _("a message from a parent")


class Preference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_pref")
    frequency = models.CharField(
        _("e-mail me when something new awaits me"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user}: {self.frequency}"


class Status(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("gave up")


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # What the notification is about, e.g. "agreement-version:12": one notification per recipient and event,
    # however often the service that raises it runs.
    event = models.CharField(max_length=100)
    # A path inside the app; the mail adds the site's address.
    link = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    # Not before: a daily digest waits for the morning; a failed attempt backs off.
    send_after = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["send_after", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event"], name="notification_once_per_recipient_and_event")
        ]
        indexes = [
            models.Index(fields=["send_after"], name="notification_pending", condition=models.Q(status="pending"))
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.kind} {self.event} {self.status}"
