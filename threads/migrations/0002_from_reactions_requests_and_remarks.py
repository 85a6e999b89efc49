"""What parents wrote before threads existed becomes threads, with its own dates:
- the reactions on an agreement: one thread per agreement (its reactions are its messages, oldest first);
- the requests for a conversation (follow-ups without a contact): one thread each; the follow-up goes;
- a feedback remark that is not empty: one thread, linked to the feedback.
Nobody could answer these in the app, so each waits for an answer since its first message, except what was dealt
with already: a request marked done, or reactions on an agreement that was closed since. Those are closed, with
a reason that says so. The reactions themselves are removed by agreements' next migration."""

import datetime
from itertools import groupby

from django.db import migrations
from django.utils import timezone

DONE_REASON = "Afgehandeld als actie, voordat berichten in de app beantwoord konden worden."
CLOSED_AGREEMENT_REASON = "De afspraak was al afgesloten toen berichten in de app beantwoord konden worden."


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def forward(apps, schema_editor):
    Caregiver = apps.get_model("families", "Caregiver")
    Reaction = apps.get_model("agreements", "Reaction")
    FollowUp = apps.get_model("contacts", "FollowUp")
    Feedback = apps.get_model("portal", "PartnershipFeedback")
    Thread = apps.get_model("threads", "Thread")
    Message = apps.get_model("threads", "Message")
    users = dict(Caregiver.objects.filter(user__isnull=False).values_list("pk", "user_id"))

    reactions = Reaction.objects.select_related("agreement").order_by("agreement_id", "created_at", "pk")
    for _agreement, group in groupby(reactions, key=lambda reaction: reaction.agreement_id):
        group = list(group)
        first, last, agreement = group[0], group[-1], group[0].agreement
        closed = agreement.status == "closed"
        thread = Thread.objects.create(
            family_id=agreement.family_id,
            caregiver_id=first.caregiver_id,
            topic="agreement",
            agreement=agreement,
            state="closed" if closed else "waiting",
            waiting_since=None if closed else first.created_at,
            closed_reason=CLOSED_AGREEMENT_REASON if closed else "",
            closed_at=last.created_at if closed else None,
            last_message_at=last.created_at,
            created_at=first.created_at,
        )
        Message.objects.bulk_create(
            Message(
                thread=thread,
                author_id=users.get(reaction.caregiver_id),
                from_parent=True,
                text=reaction.text,
                created_at=reaction.created_at,
            )
            for reaction in group
        )

    requests = FollowUp.objects.filter(contact__isnull=True).order_by("created_at", "pk")
    by_user = dict(Caregiver.objects.filter(user__isnull=False).values_list("user_id", "pk"))
    for request in requests:
        done = request.done_on is not None
        thread = Thread.objects.create(
            family_id=request.family_id,
            caregiver_id=request.requested_by_id or by_user.get(request.created_by_id),
            topic="conversation",
            state="closed" if done else "waiting",
            waiting_since=None if done else request.created_at,
            closed_reason=DONE_REASON if done else "",
            closed_by_id=request.done_by_id if done else None,
            closed_at=_noon(request.done_on) if done else None,
            last_message_at=request.created_at,
            created_at=request.created_at,
        )
        Message.objects.create(
            thread=thread,
            author_id=request.created_by_id,
            from_parent=True,
            text=request.description.strip() or "?",
            created_at=request.created_at,
        )
    requests.delete()

    for feedback in Feedback.objects.exclude(remark="").order_by("created_at", "pk"):
        text = feedback.remark.strip()
        if not text:
            continue
        thread = Thread.objects.create(
            family_id=feedback.family_id,
            caregiver_id=feedback.caregiver_id,
            topic="feedback",
            feedback=feedback,
            state="waiting",
            waiting_since=feedback.created_at,
            last_message_at=feedback.created_at,
            created_at=feedback.created_at,
        )
        Message.objects.create(
            thread=thread,
            author_id=users.get(feedback.caregiver_id),
            from_parent=True,
            text=text,
            created_at=feedback.created_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("threads", "0001_initial"),
        ("agreements", "0002_one_akkoord_enough"),
        ("contacts", "0003_follow_up_has_family"),
        ("portal", "0001_initial"),
    ]

    # One way: going back would have to make follow-ups (with an owner and a due date) out of threads.
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
