"""The parent as expert (success factors 18, 24, 33 and 37): a page about each child that the parents write and
keep current in the portal, in their own language, and that staff read on the child's card and at the group.

The page holds the parents' words only. Staff may suggest an addition; the parents decide. An accepted suggestion
stays a row of its own, shown under the part of the page it is about and marked as the team's words in the
team's language: the parents' text is never changed by anyone but them, and a text written in Turkish is not
labelled as Dutch because a Dutch sentence was appended to it."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from families.models import Language, caregiver_language_choices

TEXT_LIMIT = 2000
SUGGESTION_LIMIT = 1000


class Topic(models.TextChoices):
    """The parts of the page, in the order the page shows them; "other" is anything else staff should know."""

    COMFORT = "comfort", _("What helps when your child is sad")
    SLEEP = "sleep", _("Sleep")
    FOOD = "food", _("Food")
    WORDS = "words", _("Your child's own words")
    CELEBRATIONS = "celebrations", _("What your family celebrates")
    LOVES = "loves", _("What your child loves")
    OTHER = "other", _("Anything else we should know")


TOPICS = [topic.value for topic in Topic]
# The parts of the page as staff name them (the page's own labels speak to the parents: "your child").
STAFF_LABELS = {
    Topic.COMFORT: _("What helps when the child is sad"),
    Topic.SLEEP: _("Sleep"),
    Topic.FOOD: _("Food"),
    Topic.WORDS: _("The child's own words"),
    Topic.CELEBRATIONS: _("What the family celebrates"),
    Topic.LOVES: _("What the child loves"),
    Topic.OTHER: _("Anything else"),
}


def _text(topic: Topic):
    return models.TextField(topic.label, blank=True, max_length=TEXT_LIMIT)


@pghistory.track()
class ChildPage(models.Model):
    child = models.OneToOneField(
        "families.Child", verbose_name=_("child"), on_delete=models.CASCADE, related_name="parent_page"
    )
    # The language the parents wrote in (any home language, not only the portal's): the page marks its text with
    # it, so a screen reader and the read-aloud button pronounce it right, and staff see which language it is.
    language = models.CharField(
        _("written in"), max_length=10, choices=caregiver_language_choices, default=Language.DUTCH
    )
    comfort = _text(Topic.COMFORT)
    sleep = _text(Topic.SLEEP)
    food = _text(Topic.FOOD)
    words = _text(Topic.WORDS)
    celebrations = _text(Topic.CELEBRATIONS)
    loves = _text(Topic.LOVES)
    other = _text(Topic.OTHER)
    updated_by = models.ForeignKey(
        "families.Caregiver",
        verbose_name=_("last updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated on"), auto_now=True)

    stale_message = _(
        "Someone else changed this page while you were writing. Your text was not saved. Below is the page as it "
        "is now, and what you wrote. Please write it again."
    )

    class Meta:
        verbose_name = _("page about the child")
        verbose_name_plural = _("pages about the children")

    # Its name shows up in logs and Django's admin: never the parents' words.
    def __str__(self):
        return _("Page about child %(pk)s") % {"pk": self.child_id}

    @property
    def lang(self) -> str:
        """The page's language for a lang attribute; empty for "other language", which has no code."""
        return "" if self.language == Language.OTHER else self.language

    @property
    def staff_read_it(self) -> bool:
        """Written in a language the staff side speaks; otherwise the page says so instead of translating."""
        return self.language in settings.STAFF_LANGUAGES

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, topic) for topic in TOPICS)


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the parents")
    ACCEPTED = "accepted", _("added by the parents")
    DECLINED = "declined", _("not added by the parents")
    REMOVED = "removed", _("taken off the page by the parents")


@pghistory.track()
class Suggestion(models.Model):
    """A staff member's suggestion for the page about a child. The parents accept it (it is shown on the page,
    as the team's words) or decline it; they can take an accepted one off the page again."""

    child = models.ForeignKey(
        "families.Child", verbose_name=_("child"), on_delete=models.CASCADE, related_name="page_suggestions"
    )
    topic = models.CharField(_("about"), max_length=20, choices=Topic.choices, default=Topic.OTHER)
    text = models.TextField(_("suggestion"), max_length=SUGGESTION_LIMIT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suggested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("suggested on"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        "families.Caregiver",
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("suggestion for the page about the child")
        verbose_name_plural = _("suggestions for the page about the child")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["child", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="pending") | models.Q(decided_at__isnull=False),
                name="suggestion_decided_has_a_date",
            )
        ]

    def __str__(self):
        return _("Suggestion %(pk)s") % {"pk": self.pk}
