"""Writing the page about a child and deciding on staff's suggestions. The rules: only the parents write the
page, and of them only a caregiver with parental authority (gezag); staff suggest, and a caregiver with gezag
accepts or declines. Two parents editing the page at once never lose a text silently (optimistic locking)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import works_with_families
from childpages.models import TOPICS, ChildPage, Suggestion, SuggestionStatus
from childpages.selectors import deciders
from families.models import Caregiver, Child
from notifications.models import Kind as NotificationKind
from notifications.services import notify
from partnership.locking import StaleEdit, save_if_current


def may_edit(caregiver: Caregiver | None, child: Child) -> bool:
    """Every caregiver of the family reads the page; one with parental authority writes it and decides on
    suggestions, as with the akkoord on an agreement."""
    return caregiver is not None and caregiver.family_id == child.family_id and caregiver.has_parental_authority


def _check(caregiver: Caregiver, child: Child) -> None:
    if not may_edit(caregiver, child):
        raise PermissionDenied


@transaction.atomic
def page_save(*, child: Child, caregiver: Caregiver, expected_version: int | None, language: str, **texts) -> ChildPage:
    """Creates or updates the child's page with the parents' words as they typed them (trimmed). A page that
    someone else saved since the form was opened (`expected_version`) is refused with StaleEdit."""
    _check(caregiver, child)
    unknown = set(texts) - set(TOPICS)
    if unknown:
        raise ValueError(f"not a part of the page: {sorted(unknown)}")
    fields = {topic: (texts.get(topic) or "").strip() for topic in TOPICS}
    fields.update(language=language, updated_by=caregiver)
    page = ChildPage.objects.filter(child=child).first()
    if page is None:
        if expected_version is not None:
            # The form was opened on a page that has since been removed with its child: nothing to update.
            raise StaleEdit(ChildPage.stale_message)
        try:
            with transaction.atomic():
                return ChildPage.objects.create(child=child, **fields)
        except IntegrityError:
            # The other parent saved the first version a moment earlier.
            raise StaleEdit(ChildPage.stale_message) from None
    if expected_version is None:
        raise StaleEdit(ChildPage.stale_message)
    save_if_current(page, expected=expected_version, **fields)
    return page


@transaction.atomic
def suggestion_make(*, child: Child, by, topic: str, text: str) -> Suggestion:
    """A staff member's suggestion; the caregivers who decide hear that it waits (in their language, through
    the outbox: never its text)."""
    if not works_with_families(by):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write your suggestion.")})
    if topic not in TOPICS:
        raise ValidationError({"topic": _("Choose what your suggestion is about.")})
    suggestion = Suggestion.objects.create(child=child, topic=topic, text=text, author=by)
    link = reverse("childpages:portal_page", args=[child.pk])
    for caregiver in deciders(child).select_related("user"):
        notify(
            recipient=caregiver.user,
            kind=NotificationKind.CHILD_PAGE_SUGGESTION,
            event=f"child-page-suggestion:{suggestion.pk}",
            link=link,
        )
    return suggestion


def _decide(suggestion: Suggestion, caregiver: Caregiver, *, expected: str, status: str) -> Suggestion:
    _check(caregiver, suggestion.child)
    updated = Suggestion.objects.filter(pk=suggestion.pk, status=expected).update(
        status=status, decided_by=caregiver, decided_at=timezone.now()
    )
    if not updated:
        # The other parent decided a moment earlier (or a second tap): nothing changes twice.
        raise ValidationError(_("This suggestion has already been answered."))
    suggestion.refresh_from_db()
    return suggestion


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, caregiver: Caregiver) -> Suggestion:
    return _decide(suggestion, caregiver, expected=SuggestionStatus.PENDING, status=SuggestionStatus.ACCEPTED)


@transaction.atomic
def suggestion_decline(*, suggestion: Suggestion, caregiver: Caregiver) -> Suggestion:
    return _decide(suggestion, caregiver, expected=SuggestionStatus.PENDING, status=SuggestionStatus.DECLINED)


@transaction.atomic
def suggestion_remove(*, suggestion: Suggestion, caregiver: Caregiver) -> Suggestion:
    """Takes an accepted suggestion off the page again: the parents keep deciding what is on it."""
    return _decide(suggestion, caregiver, expected=SuggestionStatus.ACCEPTED, status=SuggestionStatus.REMOVED)
