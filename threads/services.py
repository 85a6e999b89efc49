"""Writes to threads: a parent starts one or writes in one, staff answer or close it. Each runs in one
transaction and tells the other side through the outbox (notifications.services.notify), in that transaction,
with a link and never the words. A refused write raises before anything is saved."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from agreements.models import Status as AgreementStatus
from contacts.choices import Visibility
from families.models import Caregiver
from notifications.models import Kind as NotificationKind
from notifications.services import notify
from threads.models import TOPIC_OBJECT, Message, Place, ReadMarker, State, Thread, Topic

MARKUP = re.compile(r"</?[a-zA-Z!][^>]*>")
# New threads a caregiver may start in one day, all topics together: enough for any family, too few to flood the
# mentor's list (requests for a conversation have their own, lower limit in settings).
NEW_THREADS_PER_DAY = 10
REASON_MAX_LENGTH = Thread._meta.get_field("closed_reason").max_length


def contains_markup(text: str) -> bool:
    return bool(MARKUP.search(text or ""))


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a message.")})
    if len(text) > Message.MAX_LENGTH:
        raise ValidationError(
            {"text": _("The message is too long: at most %(n)d characters.") % {"n": Message.MAX_LENGTH}}
        )
    if "\x00" in text:
        raise ValidationError({"text": _("The message contains a character that cannot be stored.")})
    return text


def _start_of_today() -> datetime.datetime:
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def _parent(caregiver, by) -> Caregiver:
    """The caregiver as the database has them now, their row locked: of two posts of one parent at once, the
    second waits here and then sees the first. Refused when their portal access has ended meanwhile."""
    if by is None or not by.is_authenticated or caregiver is None or caregiver.user_id != by.pk:
        raise PermissionDenied
    current = Caregiver.objects.select_for_update(of=("self",)).select_related("user").filter(pk=caregiver.pk).first()
    if current is None or current.user_id != by.pk or current.access_revoked_at or not current.user.is_active:
        raise ValidationError(
            _("Your access to the portal has ended, so your message was not sent. Please ask at the group.")
        )
    return current


def _staff(by) -> None:
    if by is None or not by.is_authenticated or by.role == Role.PARENT:
        raise PermissionDenied


def _check_topic(caregiver, topic: str, *, agreement, contact, feedback, child) -> None:
    if topic not in Topic.values:
        raise ValidationError(_("Choose what your message is about."))
    objects = {"agreement": agreement, "contact": contact, "feedback": feedback}
    if any(obj is not None for name, obj in objects.items() if name != TOPIC_OBJECT.get(topic)):
        raise ValidationError(_("Choose what your message is about."))
    if topic in TOPIC_OBJECT and objects[TOPIC_OBJECT[topic]] is None:
        raise ValidationError(_("Choose what your message is about."))
    # Another family's agreement or contact never reaches this from a page (the selectors find only the parent's
    # own): a forged request.
    for subject in (agreement, contact):
        if subject is not None and subject.family_id != caregiver.family_id:
            raise PermissionDenied
    if agreement is not None and agreement.status == AgreementStatus.DRAFT:
        raise ValidationError(_("This agreement is not shared with you."))
    if contact is not None and (contact.visibility != Visibility.SHARED or not caregiver.reads_summaries):
        raise ValidationError(_("This summary is not shared with you."))
    if feedback is not None and feedback.caregiver_id != caregiver.pk:
        raise PermissionDenied
    if child is not None and child.family_id != caregiver.family_id:
        raise ValidationError({"child": _("Choose one of your children.")})


def _conversation_refused(caregiver) -> ValidationError | None:
    """One request for a conversation waits for an answer at a time, and a few a day at most, so that the
    mentor's list cannot be flooded (issue 11, fault 8)."""
    requests = Thread.objects.filter(caregiver=caregiver, topic=Topic.CONVERSATION)
    if requests.filter(state=State.WAITING).exists():
        return ValidationError(
            _("You already asked for a conversation and we have not answered yet. The mentor will contact you.")
        )
    if requests.filter(created_at__gte=_start_of_today()).count() >= settings.PORTAL_CONVERSATION_REQUESTS_PER_DAY:
        return ValidationError(_("You have asked for a conversation several times today. Please ask again tomorrow."))
    return None


def _too_many_today(caregiver) -> ValidationError | None:
    if Thread.objects.filter(caregiver=caregiver, created_at__gte=_start_of_today()).count() >= NEW_THREADS_PER_DAY:
        return ValidationError(_("You have sent many new messages today. Please write again tomorrow."))
    return None


def _open_thread(caregiver, topic, agreement, contact) -> Thread | None:
    if topic == Topic.AGREEMENT:
        found = Thread.objects.filter(family_id=caregiver.family_id, agreement=agreement)
    elif topic == Topic.SUMMARY:
        found = Thread.objects.filter(family_id=caregiver.family_id, contact=contact)
    else:
        return None
    return found.exclude(state=State.CLOSED).select_for_update().first()


@transaction.atomic
def thread_start(
    *,
    caregiver,
    by,
    topic: str,
    text: str,
    agreement=None,
    contact=None,
    child=None,
    preferred_moment: str = "",
    preferred_place: str = "",
    interpreter_wanted: bool = False,
    brings: str = "",
) -> Thread:
    """A parent writes about an agreement, a shared summary, a conversation they would like, or anything else.
    About an agreement or a summary, an open thread of the family continues (one conversation per subject)."""
    text = _text(text)
    caregiver = _parent(caregiver, by)
    _check_topic(caregiver, topic, agreement=agreement, contact=contact, feedback=None, child=child)
    if topic == Topic.FEEDBACK:
        raise ValidationError(_("Choose what your message is about."))
    if preferred_place not in ("", *Place.values):
        raise ValidationError({"preferred_place": _("Choose a place from the list.")})
    preferred_moment = (preferred_moment or "").strip()
    if len(preferred_moment) > Thread._meta.get_field("preferred_moment").max_length or "\x00" in preferred_moment:
        raise ValidationError({"preferred_moment": _("Write the moment in a few words.")})
    brings = (brings or "").strip()
    if len(brings) > Thread._meta.get_field("brings").max_length or "\x00" in brings:
        raise ValidationError({"brings": _("Write in a few words who you would like to bring.")})
    thread = _open_thread(caregiver, topic, agreement, contact)
    if thread is not None:
        _add_parent_message(thread, by, text)
        return thread
    refused = _conversation_refused(caregiver) if topic == Topic.CONVERSATION else None
    if refused := refused or _too_many_today(caregiver):
        raise refused
    now = timezone.now()
    fields = {
        "family_id": caregiver.family_id,
        "caregiver": caregiver,
        "topic": topic,
        "agreement": agreement,
        "contact": contact,
        "waiting_since": now,
        "last_message_at": now,
        "created_at": now,
    }
    if topic == Topic.CONVERSATION:
        fields.update(
            child=child,
            preferred_moment=preferred_moment,
            preferred_place=preferred_place,
            interpreter_wanted=bool(interpreter_wanted),
            brings=brings,
        )
    try:
        with transaction.atomic():
            thread = Thread.objects.create(**fields)
    except IntegrityError:
        # Another parent of the family started the thread about this subject at the same moment: continue it.
        thread = _open_thread(caregiver, topic, agreement, contact)
        if thread is None:
            raise
        _add_parent_message(thread, by, text)
        return thread
    message = Message.objects.create(thread=thread, author=by, from_parent=True, text=text, created_at=now)
    _tell_the_staff(thread, message)
    return thread


def conversation_request(
    *,
    caregiver,
    by,
    child,
    text: str,
    preferred_moment: str = "",
    preferred_place: str = "",
    interpreter_wanted=False,
    brings: str = "",
) -> Thread:
    """A parent asks for a conversation: a thread for the child's mentor (or the mentors of the family's
    children, or without any, the coordinators of the family's locations)."""
    return thread_start(
        caregiver=caregiver,
        by=by,
        topic=Topic.CONVERSATION,
        text=text,
        child=child,
        preferred_moment=preferred_moment,
        preferred_place=preferred_place,
        interpreter_wanted=interpreter_wanted,
        brings=brings,
    )


@transaction.atomic
def feedback_thread(*, feedback) -> Thread | None:
    """A feedback remark is a message to answer (called by portal.services.feedback_give, in its transaction);
    scores without a remark need no answer."""
    text = (feedback.remark or "").strip()[: Message.MAX_LENGTH]
    if not text:
        return None
    caregiver = feedback.caregiver
    thread = Thread.objects.create(
        family_id=feedback.family_id,
        caregiver=caregiver,
        topic=Topic.FEEDBACK,
        feedback=feedback,
        waiting_since=feedback.created_at,
        last_message_at=feedback.created_at,
        created_at=feedback.created_at,
    )
    message = Message.objects.create(
        thread=thread, author_id=caregiver.user_id, from_parent=True, text=text, created_at=feedback.created_at
    )
    _tell_the_staff(thread, message)
    return thread


def _locked(thread) -> Thread:
    return Thread.objects.select_for_update().get(pk=thread.pk)


def _add_parent_message(thread: Thread, by, text: str) -> Message:
    if thread.state == State.CLOSED:
        raise ValidationError(
            _("This conversation has been closed, so your message was not sent. You can start a new message.")
        )
    now = timezone.now()
    message = Message.objects.create(thread=thread, author=by, from_parent=True, text=text, created_at=now)
    fields = {"last_message_at": now}
    if thread.state != State.WAITING:
        # Answered before: the parent's new message waits again, from now.
        fields.update(state=State.WAITING, waiting_since=now)
    Thread.objects.filter(pk=thread.pk).update(**fields)
    for name, value in fields.items():
        setattr(thread, name, value)
    _tell_the_staff(thread, message)
    return message


@transaction.atomic
def thread_write(*, thread: Thread, by, text: str) -> Message:
    """A parent writes in a thread of their family (found through the selectors: another family's is a 404)."""
    text = _text(text)
    caregiver = _parent(getattr(by, "caregiver", None), by)
    locked = _locked(thread)
    if locked.family_id != caregiver.family_id:
        raise PermissionDenied
    return _add_parent_message(locked, by, text)


@transaction.atomic
def thread_reply(*, thread: Thread, by, text: str) -> Message:
    """Staff answer: the thread is answered, and the parents who take part in it are told."""
    _staff(by)
    text = _text(text)
    locked = _locked(thread)
    if locked.state == State.CLOSED:
        raise ValidationError(_("This thread is closed. Nothing was sent."))
    now = timezone.now()
    message = Message.objects.create(thread=locked, author=by, from_parent=False, text=text, created_at=now)
    Thread.objects.filter(pk=locked.pk).update(state=State.ANSWERED, waiting_since=None, last_message_at=now)
    for parent in _parents_in(locked):
        notify(
            recipient=parent,
            kind=NotificationKind.REPLY,
            event=f"thread-reply:{message.pk}",
            link=locked.get_portal_url(),
        )
    return message


@transaction.atomic
def thread_close(*, thread: Thread, by, reason: str) -> Thread:
    """Staff close a thread that needs no (more) answer, with a reason the parents read too."""
    _staff(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Write why the thread can be closed.")})
    if len(reason) > REASON_MAX_LENGTH or "\x00" in reason:
        raise ValidationError({"reason": _("Write the reason in at most %(n)d characters.") % {"n": REASON_MAX_LENGTH}})
    locked = _locked(thread)
    if locked.state == State.CLOSED:
        raise ValidationError(_("This thread is already closed."))
    now = timezone.now()
    locked.state, locked.waiting_since = State.CLOSED, None
    locked.closed_reason, locked.closed_by, locked.closed_at = reason, by, now
    locked.save(update_fields=["state", "waiting_since", "closed_reason", "closed_by", "closed_at"])
    for parent in _parents_in(locked):
        notify(
            recipient=parent,
            kind=NotificationKind.REPLY,
            event=f"thread-closed:{locked.pk}",
            link=locked.get_portal_url(),
        )
    return locked


@transaction.atomic
def thread_read(*, thread: Thread, by) -> None:
    """A parent opened the thread: staff answers until now are read."""
    if by is None or not by.is_authenticated or by.role != Role.PARENT:
        return
    # One statement (INSERT ... ON CONFLICT UPDATE): two tabs opening the thread at once both succeed.
    ReadMarker.objects.bulk_create(
        [ReadMarker(thread=thread, user=by, read_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["thread", "user"],
        update_fields=["read_at"],
    )


# --- Who is told ------------------------------------------------------------------------------------------------


def _parents_in(thread: Thread) -> list[User]:
    """The accounts of the caregivers who take part: who started the thread and who wrote in it."""
    ids = set(thread.messages.filter(from_parent=True, author__isnull=False).values_list("author_id", flat=True))
    if thread.caregiver_id:
        ids |= set(
            Caregiver.objects.filter(pk=thread.caregiver_id, user__isnull=False).values_list("user_id", flat=True)
        )
    return list(User.objects.filter(pk__in=ids, role=Role.PARENT, caregiver__access_revoked_at__isnull=True))


def staff_to_tell(thread: Thread) -> list[User]:
    """The mentor of the child the thread is about; else the mentors of the family's children; without any, the
    coordinators of the family's locations."""
    child_id = thread.child_id
    if child_id is None and thread.agreement_id:
        child_id = thread.agreement.child_id
    if child_id is not None:
        mentor = User.objects.filter(mentees__pk=child_id, is_active=True).first()
        if mentor is not None:
            return [mentor]
    mentors = list(User.objects.filter(mentees__family_id=thread.family_id, is_active=True).distinct())
    if mentors:
        return mentors
    return list(
        User.objects.filter(
            role=Role.COORDINATOR,
            is_active=True,
            assignments__location__groups__placements__child__family_id=thread.family_id,
        ).distinct()
    )


def _tell_the_staff(thread: Thread, message: Message) -> None:
    for user in staff_to_tell(thread):
        notify(
            recipient=user,
            kind=NotificationKind.PARENT_MESSAGE,
            event=f"thread-message:{message.pk}",
            link=thread.get_absolute_url(),
        )
