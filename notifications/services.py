"""Raising and delivering notifications (the outbox). `notify` runs inside the caller's transaction; `send_due`
delivers what is due, each notification exactly once even with two senders at work (rows are claimed with
FOR UPDATE SKIP LOCKED), and an outage of the mail server only delays the mail."""

import datetime
import logging
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.models import Frequency, Kind, Notification, Preference, Status
from partnership.languages import language_for
from partnership.mail import mail_in_language

log = logging.getLogger(__name__)

# Attempts before the outbox gives up on a notification (with the back-off below: about two days).
MAX_ATTEMPTS = 12
# The morning hour a daily digest goes out (local time).
DIGEST_HOUR = 7


def frequency_of(user) -> str:
    preference = Preference.objects.filter(user=user).first()
    return preference.frequency if preference else Frequency.IMMEDIATE


@transaction.atomic
def preference_set(*, user, frequency: str) -> Preference:
    preference, _created = Preference.objects.update_or_create(user=user, defaults={"frequency": frequency})
    return preference


def next_digest_time(now: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(now)
    morning = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return morning if morning > local else morning + datetime.timedelta(days=1)


def notify(*, recipient, kind: Kind, event: str, link: str) -> bool:
    """Tell `recipient` that something awaits them. Runs in the caller's transaction, so the notification exists
    exactly when the event does. The same event for the same person is one notification, however often this
    runs. Returns whether a notification was written."""
    if recipient is None or not recipient.is_active or not recipient.email:
        return False
    frequency = frequency_of(recipient)
    if frequency == Frequency.OFF:
        return False
    now = timezone.now()
    send_after = now if frequency == Frequency.IMMEDIATE else next_digest_time(now)
    try:
        with transaction.atomic():
            Notification.objects.create(recipient=recipient, kind=kind, event=event, link=link, send_after=send_after)
    except IntegrityError:
        return False  # this person already has this event in the outbox
    return True


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, ... minutes, at most 8 hours."""
    return datetime.timedelta(minutes=min(2 ** (attempts - 1), 8 * 60))


def _message(recipient, notifications: list[Notification]) -> EmailMessage:
    """One e-mail for the person's waiting notifications, in their language: a parent's own choice
    (partnership/languages.py), the organisation's language for staff."""
    kinds = sorted({n.kind for n in notifications})
    link = notifications[0].link if len(notifications) == 1 else recipient.home_url
    return mail_in_language(
        to=recipient.email,
        language=language_for(recipient),
        subject_template="notifications/email/new_subject.txt",
        text_template="notifications/email/new.txt",
        context={
            "first_name": recipient.first_name or recipient.username,
            # Lazy labels: rendered in the recipient's language.
            "what": [Kind(kind).label for kind in kinds],
            "url": settings.SITE_URL.rstrip("/") + link,
            "count": len(notifications),
        },
    )


@dataclass
class SendReport:
    sent: int = 0
    retried: int = 0
    gave_up: int = 0


def send_due(*, now: datetime.datetime | None = None, limit: int = 200) -> SendReport:
    """Deliver the notifications that are due, one e-mail per person. Rows are claimed with FOR UPDATE SKIP
    LOCKED, so two senders at once never deliver one notification twice; a failed delivery is tried again
    later (back-off), never lost."""
    now = now or timezone.now()
    report = SendReport()
    with transaction.atomic():
        due = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Status.PENDING, send_after__lte=now)
            .select_related("recipient", "recipient__caregiver")
            .order_by("recipient_id", "pk")[:limit]
        )
        if not due:
            return report
        connection = get_connection()
        for _recipient_id, group in groupby(due, key=lambda n: n.recipient_id):
            group = list(group)
            recipient = group[0].recipient
            message = _message(recipient, group)
            try:
                connection.send_messages([message])
            except Exception as error:
                log.warning("Notification e-mail to user %s failed: %s", recipient.pk, error)
                for notification in group:
                    notification.attempts += 1
                    notification.last_error = str(error)[:500]
                    if notification.attempts >= MAX_ATTEMPTS:
                        notification.status = Status.FAILED
                        report.gave_up += 1
                    else:
                        notification.send_after = now + backoff(notification.attempts)
                        report.retried += 1
            else:
                for notification in group:
                    notification.status = Status.SENT
                    notification.sent_at = now
                    notification.attempts += 1
                report.sent += len(group)
            Notification.objects.bulk_update(group, ["status", "sent_at", "attempts", "send_after", "last_error"])
    return report
