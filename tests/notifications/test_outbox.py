"""The transactional outbox (issue "Parents are heard"): written with the event, sent exactly once per person and
event, never with content, and an outage of the mail server delays mail without losing it."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from notifications.models import Frequency, Kind, Notification, Status
from notifications.services import next_digest_time, notify, preference_set, send_due
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(db):
    return f.UserFactory(username="ouder", first_name="Fatima", role="parent", email="fatima@example.nl")


def test_one_event_is_one_notification_however_often_it_is_raised(parent):
    assert notify(recipient=parent, kind=Kind.REPLY, event="message:1", link="/portal/")
    assert not notify(recipient=parent, kind=Kind.REPLY, event="message:1", link="/portal/")
    assert Notification.objects.count() == 1


def test_a_notification_is_only_written_when_its_event_commits(parent):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(recipient=parent, kind=Kind.REPLY, event="message:2", link="/portal/")
        raise RuntimeError("the event's own save failed")
    assert not Notification.objects.exists()


def test_no_mail_for_a_person_who_turned_it_off_or_has_no_address(parent):
    preference_set(user=parent, frequency=Frequency.OFF)
    assert not notify(recipient=parent, kind=Kind.REPLY, event="message:3", link="/portal/")
    no_address = f.UserFactory(username="zonder", email="")
    assert not notify(recipient=no_address, kind=Kind.REPLY, event="message:3", link="/portal/")
    assert not Notification.objects.exists()


def test_a_daily_digest_waits_for_the_morning_and_then_is_one_mail(parent):
    preference_set(user=parent, frequency=Frequency.DAILY)
    notify(recipient=parent, kind=Kind.REPLY, event="message:4", link="/portal/")
    notify(recipient=parent, kind=Kind.AGREEMENT_PROPOSED, event="agreement-version:9", link="/portal/a/9/")
    waiting = Notification.objects.first()
    assert timezone.localtime(waiting.send_after).hour == 7
    assert send_due().sent == 0
    assert send_due(now=next_digest_time(timezone.now())).sent == 2
    assert len(mail.outbox) == 1
    assert "een antwoord op uw bericht" in mail.outbox[0].body


def test_the_mail_says_only_that_something_waits_with_the_first_name_and_a_link(parent):
    family = f.FamilyFactory(name="Boukhari")
    notify(recipient=parent, kind=Kind.REPLY, event="message:5", link=f"/portal/messages/{family.pk}/")
    send_due()
    [message] = mail.outbox
    assert message.to == ["fatima@example.nl"]
    assert "Fatima" in message.body
    assert f"/portal/messages/{family.pk}/" in message.body
    assert "Boukhari" not in message.body + message.subject
    assert Notification.objects.get().status == Status.SENT


@override_settings(EMAIL_BACKEND="tests.notifications.backends.DownBackend")
def test_a_mail_server_outage_delays_the_mail_and_the_next_run_sends_it(parent):
    notify(recipient=parent, kind=Kind.REPLY, event="message:6", link="/portal/")
    report = send_due()
    assert (report.sent, report.retried) == (0, 1)
    waiting = Notification.objects.get()
    assert waiting.status == Status.PENDING and waiting.attempts == 1 and "closed" in waiting.last_error
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert send_due().sent == 0  # backing off
        assert send_due(now=timezone.now() + datetime.timedelta(minutes=2)).sent == 1
    assert len(mail.outbox) == 1
    assert Notification.objects.get().status == Status.SENT


@override_settings(EMAIL_BACKEND="tests.notifications.backends.DownBackend")
def test_after_two_days_of_failures_the_outbox_gives_up_and_says_so(parent):
    notify(recipient=parent, kind=Kind.REPLY, event="message:7", link="/portal/")
    now = timezone.now()
    for _ in range(12):
        now += datetime.timedelta(hours=9)
        send_due(now=now)
    assert Notification.objects.get().status == Status.FAILED


@pytest.mark.django_db(transaction=True)
@override_settings(EMAIL_BACKEND="tests.notifications.backends.SlowBackend")
def test_two_senders_at_once_deliver_every_notification_exactly_once():
    users = [f.UserFactory(username=f"ouder{n}", email=f"ouder{n}@example.nl") for n in range(40)]
    for user in users:
        notify(recipient=user, kind=Kind.REPLY, event="message:8", link="/portal/")
    start = threading.Barrier(2)

    def sender():
        start.wait()
        try:
            while send_due(limit=5).sent:
                pass
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(user.email for user in users)
    assert Notification.objects.filter(status=Status.SENT).count() == 40


def test_sharing_a_summary_tells_the_parents_once_and_an_internal_contact_tells_nobody(world):
    from contacts.choices import Visibility
    from contacts.services import ContactData, contact_log, contact_update

    parent = world.users["parent"]
    parent.email = "eva@example.nl"
    parent.save()
    base = {"kind": "informal", "tone": "positive", "occurred_at": timezone.now(), "summary": "Intern."}
    contact_log(family=world.family, by=world.users["staff"], data=ContactData(**base))
    assert not Notification.objects.filter(recipient=parent).exists()
    shared = {**base, "visibility": Visibility.SHARED, "shared_summary": "Noah heeft fijn gespeeld."}
    contact = contact_log(family=world.family, by=world.users["staff"], data=ContactData(**shared))
    contact_update(
        contact=contact, by=world.users["staff"], expected_version=contact.version, data=ContactData(**shared)
    )
    [notification] = Notification.objects.filter(recipient=parent)
    assert notification.kind == Kind.SHARED_SUMMARY and notification.event == f"contact-shared:{contact.pk}"


def test_a_person_chooses_how_often_they_are_mailed(world, client):
    from django.urls import reverse

    from notifications.services import frequency_of

    client.force_login(world.users["parent"])
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    response = client.post(reverse("notifications:preferences"), {"frequency": "daily"})
    assert response.status_code == 302
    assert frequency_of(world.users["parent"]) == Frequency.DAILY
    refused = client.post(reverse("notifications:preferences"), {"frequency": "elk-uur"})
    assert refused.status_code == 200
    assert frequency_of(world.users["parent"]) == Frequency.DAILY
