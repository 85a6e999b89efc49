"""Relationship health, computed in the database. Each family gets the raw facts behind every signal
(annotations with subqueries), a level per signal (Case expressions on those facts against the thresholds in
settings.HEALTH_THRESHOLDS), and its status: the worst level that is not acknowledged. Nothing here loops over
families in Python; `explain()` turns one family's annotated facts into reasons in plain words."""

import datetime

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone

from agreements.models import Agreement, Status
from contacts.choices import Kind, Tone
from contacts.models import ChecklistTick, ContactMoment, FollowUp
from families.models import Placement
from health.models import Acknowledgement, Signal
from intakes.models import Intake
from portal.models import PartnershipFeedback

SIGNALS = Signal.values


def limits() -> dict:
    return settings.HEALTH_THRESHOLDS


def _count(queryset) -> Coalesce:
    counted = queryset.order_by().values("family").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _first(queryset, field: str, order: str) -> Subquery:
    return Subquery(queryset.order_by(order).values(field)[:1])


def _levels(t: dict, today: datetime.date, now: datetime.datetime) -> dict:
    days = datetime.timedelta
    return {
        Signal.CONTACT: Case(
            When(
                Q(contact_last_at__isnull=True),
                then=Case(
                    When(first_day__lt=today - days(t["contact_concern_days"]), then=2),
                    When(first_day__lt=today - days(t["contact_attention_days"]), then=1),
                    default=0,
                ),
            ),
            When(contact_last_at__lt=now - days(t["contact_concern_days"]), then=2),
            When(contact_last_at__lt=now - days(t["contact_attention_days"]), then=1),
            default=0,
        ),
        Signal.BALANCE: Case(
            When(recent_contacts__lt=t["balance_min_contacts"], then=0),
            When(warm_x100__lt=F("recent_contacts") * t["balance_concern_percent"], then=2),
            When(warm_x100__lt=F("recent_contacts") * t["balance_attention_percent"], then=1),
            default=0,
        ),
        Signal.INTAKE: Case(
            When(has_intake=True, then=0),
            When(first_day__lt=today - days(t["intake_concern_days"]), then=2),
            When(first_day__lt=today - days(t["intake_attention_days"]), then=1),
            default=0,
        ),
        Signal.EVALUATION: Case(
            When(overdue_evaluation_on__isnull=True, then=0),
            When(overdue_evaluation_on__lt=today - days(t["evaluation_concern_days"]), then=2),
            default=1,
        ),
        Signal.PROPOSAL: Case(
            When(waiting_since__lt=now - days(t["proposal_concern_days"]), then=2),
            When(waiting_since__lt=now - days(t["proposal_attention_days"]), then=1),
            default=0,
        ),
        Signal.PROMISES: Case(
            When(oldest_promise_due__lt=today - days(t["promise_concern_days"]), then=2),
            When(overdue_promises__gt=0, then=1),
            default=0,
        ),
        Signal.TONE: Case(
            When(hard_contacts__gte=t["tone_concern_count"], then=2),
            When(hard_contacts__gte=t["tone_attention_count"], then=1),
            default=0,
        ),
        Signal.INTERPRETER: Case(
            When(interpreter_needed=False, then=0),
            When(without_interpreter__gte=t["interpreter_concern_count"], then=2),
            When(without_interpreter__gte=t["interpreter_attention_count"], then=1),
            default=0,
        ),
        Signal.FEEDBACK: Case(
            When(feedback_low__isnull=True, then=0),
            When(feedback_low__lte=t["feedback_concern_score"], then=2),
            When(feedback_low__lte=t["feedback_attention_score"], then=1),
            default=0,
        ),
        Signal.COVERAGE: Case(
            When(conversations__lt=t["coverage_min_contacts"], then=0),
            When(ticked_x100__lt=F("conversations") * t["coverage_concern_percent"], then=2),
            When(ticked_x100__lt=F("conversations") * t["coverage_attention_percent"], then=1),
            default=0,
        ),
    }


def with_health(families: QuerySet, *, today: datetime.date | None = None) -> QuerySet:
    """Annotate families with the facts, `level_<signal>`, `ack_<signal>`, `seen_<signal>` and `health`."""
    t = limits()
    today = today or timezone.localdate()
    now = timezone.now()
    days = datetime.timedelta
    contacts = ContactMoment.objects.filter(family=OuterRef("pk"))
    since = lambda key: now - days(t[key])  # noqa: E731
    recent = contacts.filter(occurred_at__gte=since("balance_days"))
    conversations = contacts.exclude(kind=Kind.INFORMAL).filter(occurred_at__gte=since("coverage_days"))
    open_agreements = Agreement.objects.filter(family=OuterRef("pk"))
    overdue = open_agreements.filter(status__in=[Status.AGREED, Status.EVALUATED], evaluation_on__lt=today)
    waiting = open_agreements.filter(status=Status.PROPOSED)
    promises = FollowUp.objects.filter(family=OuterRef("pk"), promised_to_parents=True, done_on__isnull=True)
    promises = promises.filter(due_on__lt=today)
    feedback = PartnershipFeedback.objects.filter(family=OuterRef("pk"), created_at__gte=since("feedback_days"))
    facts = {
        "contact_last_at": _first(contacts, "occurred_at", "-occurred_at"),
        "first_day": _first(Placement.objects.filter(child__family=OuterRef("pk")), "start_date", "start_date"),
        "recent_contacts": _count(recent),
        "warm_contacts": _count(recent.filter(Q(kind=Kind.INFORMAL) | Q(tone=Tone.POSITIVE))),
        "has_intake": Exists(Intake.objects.filter(family=OuterRef("pk"))),
        "overdue_evaluation_on": _first(overdue, "evaluation_on", "evaluation_on"),
        "overdue_agreement_id": _first(overdue, "pk", "evaluation_on"),
        "overdue_agreement_title": _first(overdue, "title", "evaluation_on"),
        "waiting_since": _first(waiting, "proposed_at", "proposed_at"),
        "waiting_agreement_id": _first(waiting, "pk", "proposed_at"),
        "waiting_agreement_title": _first(waiting, "title", "proposed_at"),
        "overdue_promises": _count(promises),
        "oldest_promise_due": _first(promises, "due_on", "due_on"),
        "hard_contacts": _count(
            contacts.filter(occurred_at__gte=since("tone_days"), tone__in=[Tone.WORRIED, Tone.TENSE])
        ),
        "without_interpreter": _count(
            contacts.exclude(kind=Kind.INFORMAL).filter(
                occurred_at__gte=since("interpreter_days"), interpreter_used=False
            )
        ),
        "feedback_low": Subquery(
            feedback.order_by("-created_at")
            .annotate(low=Least("relatie", "competentie", "autonomie"))
            .values("low")[:1]
        ),
        "conversations": _count(conversations),
        "ticked_conversations": _count(
            conversations.filter(Exists(ChecklistTick.objects.filter(contact=OuterRef("pk"))))
        ),
    }
    acknowledged = Acknowledgement.objects.filter(family=OuterRef("pk"), created_at__gte=since("acknowledgement_days"))
    acks = {f"ack_{signal}": _first(acknowledged.filter(signal=signal), "level", "-created_at") for signal in SIGNALS}
    families = families.annotate(**facts, **acks).annotate(
        warm_x100=F("warm_contacts") * 100, ticked_x100=F("ticked_conversations") * 100
    )
    levels = _levels(t, today, now)
    families = families.annotate(**{f"level_{signal}": levels[signal] for signal in SIGNALS})
    # Seen: acknowledged at this level or a worse one. It stops counting when the signal gets worse.
    seen = {
        f"seen_{signal}": Case(
            When(Q(**{f"ack_{signal}__gte": F(f"level_{signal}"), f"level_{signal}__gt": 0}), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        for signal in SIGNALS
    }
    counted = {
        f"counts_{signal}": Case(When(**{f"seen_{signal}": True}, then=0), default=F(f"level_{signal}"))
        for signal in SIGNALS
    }
    return families.annotate(**seen).annotate(**counted).annotate(health=Greatest(*[F(k) for k in counted]))
