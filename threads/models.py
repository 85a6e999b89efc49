"""Parents' messages and the answers of staff ("hoorrecht en luisterplicht", the partnership poster): every
reaction on an agreement or a shared summary, every request for a conversation, every feedback remark and every
plain question is a thread that staff answer in the app and the parent reads in the portal."""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    AGREEMENT = "agreement", _("About an agreement")
    SUMMARY = "summary", _("About a conversation summary")
    CONVERSATION = "conversation", _("Request for a conversation")
    FEEDBACK = "feedback", _("Feedback remark")
    QUESTION = "question", _("Question")


class State(models.TextChoices):
    WAITING = "waiting", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class Place(models.TextChoices):
    LOCATION = "location", _("At the location")
    HOME = "home", _("At home")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video call")


# Which object a topic points to; the others stay empty (a constraint below keeps it so).
TOPIC_OBJECT = {Topic.AGREEMENT: "agreement", Topic.SUMMARY: "contact", Topic.FEEDBACK: "feedback"}


def _only(field: str | None) -> Q:
    return Q(**{f"{name}__isnull": name != field for name in ("agreement", "contact", "feedback")})


@pghistory.track()
class Thread(models.Model):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="threads")
    # Kept when a caregiver is removed from the family: the conversation is the family's.
    caregiver = models.ForeignKey(
        "families.Caregiver",
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="threads",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    agreement = models.ForeignKey(
        "agreements.Agreement", verbose_name=_("agreement"), on_delete=models.CASCADE, null=True, related_name="threads"
    )
    # Only ever a contact shared with the parents: its shared summary, never its internal notes.
    contact = models.ForeignKey(
        "contacts.ContactMoment",
        verbose_name=_("conversation summary"),
        on_delete=models.CASCADE,
        null=True,
        related_name="threads",
    )
    feedback = models.OneToOneField(
        "portal.PartnershipFeedback",
        verbose_name=_("feedback"),
        on_delete=models.CASCADE,
        null=True,
        related_name="thread",
    )
    # A request for a conversation: about which child, and when, where and how the parent would like it.
    child = models.ForeignKey(
        "families.Child", verbose_name=_("about"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    preferred_moment = models.CharField(_("preferred moment"), max_length=200, blank=True)
    preferred_place = models.CharField(_("preferred place"), max_length=20, choices=Place.choices, blank=True)
    interpreter_wanted = models.BooleanField(_("interpreter wanted"), default=False)
    # Who the parent would like to bring to the conversation (a supporter, a friend, an interpreter).
    brings = models.CharField(_("brings along"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.WAITING)
    # The first parent message that has no answer yet; empty once staff answered or closed the thread.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    last_message_at = models.DateTimeField(_("last message"), default=timezone.now)
    closed_reason = models.CharField(_("reason for closing"), max_length=500, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("closed by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Not auto_now_add: the threads made from reactions and requests of before keep their own moment.
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("message thread")
        verbose_name_plural = _("message threads")
        ordering = ["-last_message_at", "-pk"]
        indexes = [
            models.Index(fields=["family", "-last_message_at"]),
            models.Index(fields=["waiting_since"], condition=Q(state="waiting"), name="thread_waiting"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(topic="agreement") & _only("agreement"))
                | (Q(topic="summary") & _only("contact"))
                | (Q(topic="feedback") & _only("feedback"))
                | (Q(topic__in=["conversation", "question"]) & _only(None)),
                name="thread_topic_has_its_object",
            ),
            models.CheckConstraint(
                condition=(Q(state="waiting") & Q(waiting_since__isnull=False))
                | (~Q(state="waiting") & Q(waiting_since__isnull=True)),
                name="thread_waiting_since_when_waiting",
            ),
            models.CheckConstraint(
                condition=~Q(state="closed") | ~Q(closed_reason=""), name="thread_closed_has_reason"
            ),
            # One open conversation per agreement and per summary: a parent's next reaction continues it.
            models.UniqueConstraint(
                fields=["family", "agreement"],
                condition=Q(agreement__isnull=False) & ~Q(state="closed"),
                name="thread_one_open_per_agreement",
            ),
            models.UniqueConstraint(
                fields=["family", "contact"],
                condition=Q(contact__isnull=False) & ~Q(state="closed"),
                name="thread_one_open_per_summary",
            ),
        ]

    # A record's name shows up in Django's admin and in logs: never the parent's words.
    def __str__(self):
        return _("Message thread %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("threads:detail", args=[self.family_id, self.pk])

    def get_portal_url(self):
        return reverse("threads:portal_detail", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.state == State.CLOSED


@pghistory.track()
class Message(models.Model):
    MAX_LENGTH = 2000

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    # Kept when an account is removed; `from_parent` still tells which side wrote it.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_parent = models.BooleanField(_("from the parent"))
    text = models.TextField(_("message"), max_length=MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="message_not_empty")]

    def __str__(self):
        return _("Message %(pk)s") % {"pk": self.pk}


class ReadMarker(models.Model):
    """When a parent last read a thread: a staff answer after it is unread for them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("read at"))

    class Meta:
        verbose_name = _("read marker")
        verbose_name_plural = _("read markers")
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="read_marker_once_per_user")]

    def __str__(self):
        return f"{self.thread_id} {self.user_id}"
