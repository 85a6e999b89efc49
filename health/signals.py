"""Relationship health, computed in the database in one statement. The ORM builds the facts behind every
signal per family (annotations with subqueries); SQL on top of those facts, computed once in a CTE, gives a
level per signal against the thresholds in settings.HEALTH_THRESHOLDS, and the status: the worst level that is
not acknowledged. Nothing loops over families in Python; `health.reasons.explain()` turns one family's facts
into reasons in plain words."""

import datetime
from types import SimpleNamespace

from django.conf import settings
from django.db import connection
from django.db.models import Count, Exists, IntegerField, JSONField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, JSONObject, Least
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


def with_health_facts(families: QuerySet, *, today: datetime.date | None = None) -> QuerySet:
    """Annotate families with the facts behind the signals and the acknowledgements (`ack_<signal>`)."""
    t = limits()
    today = today or timezone.localdate()
    now = timezone.now()
    days = datetime.timedelta
    contacts = ContactMoment.objects.filter(family=OuterRef("pk"))
    since = lambda key: now - days(t[key])  # noqa: E731
    open_agreements = Agreement.objects.filter(family=OuterRef("pk"))
    overdue = open_agreements.filter(status__in=[Status.AGREED, Status.EVALUATED], evaluation_on__lt=today)
    waiting = open_agreements.filter(status=Status.PROPOSED)
    promises = FollowUp.objects.filter(family=OuterRef("pk"), promised_to_parents=True, done_on__isnull=True)
    promises = promises.filter(due_on__lt=today)
    feedback = PartnershipFeedback.objects.filter(family=OuterRef("pk"), created_at__gte=since("feedback_days"))
    recent_q = Q(occurred_at__gte=since("balance_days"))
    conversation_q = ~Q(kind=Kind.INFORMAL) & Q(occurred_at__gte=since("coverage_days"))
    ticked_q = Exists(ChecklistTick.objects.filter(contact=OuterRef("pk")))
    # All contact facts in one pass over the family's contacts (one subquery, not one per fact).
    contact_facts = (
        contacts.order_by()
        .values("family")
        .annotate(
            facts=JSONObject(
                last=Max("occurred_at"),
                recent=Count("pk", filter=recent_q),
                warm=Count("pk", filter=recent_q & (Q(kind=Kind.INFORMAL) | Q(tone=Tone.POSITIVE))),
                hard=Count("pk", filter=Q(occurred_at__gte=since("tone_days"), tone__in=[Tone.WORRIED, Tone.TENSE])),
                without_interpreter=Count(
                    "pk",
                    filter=~Q(kind=Kind.INFORMAL)
                    & Q(occurred_at__gte=since("interpreter_days"), interpreter_used=False),
                ),
                conversations=Count("pk", filter=conversation_q),
                ticked=Count("pk", filter=conversation_q & ticked_q),
            )
        )
        .values("facts")
    )
    facts = {
        "contact_facts": Subquery(contact_facts, output_field=JSONField()),
        "first_day": _first(Placement.objects.filter(child__family=OuterRef("pk")), "start_date", "start_date"),
        "has_intake": Exists(Intake.objects.filter(family=OuterRef("pk"))),
        "overdue_evaluation_on": _first(overdue, "evaluation_on", "evaluation_on"),
        "overdue_agreement_id": _first(overdue, "pk", "evaluation_on"),
        "overdue_agreement_title": _first(overdue, "title", "evaluation_on"),
        "waiting_since": _first(waiting, "proposed_at", "proposed_at"),
        "waiting_agreement_id": _first(waiting, "pk", "proposed_at"),
        "waiting_agreement_title": _first(waiting, "title", "proposed_at"),
        "overdue_promises": _count(promises),
        "oldest_promise_due": _first(promises, "due_on", "due_on"),
        "feedback_low": Subquery(
            feedback.order_by("-created_at")
            .annotate(low=Least("relatie", "competentie", "autonomie"))
            .values("low")[:1]
        ),
    }
    acknowledged = Acknowledgement.objects.filter(family=OuterRef("pk"), created_at__gte=since("acknowledgement_days"))
    # The highest level each signal was acknowledged at in the period, all signals in one subquery.
    ack_facts = (
        acknowledged.order_by()
        .values("family")
        .annotate(facts=JSONObject(**{signal: Max("level", filter=Q(signal=signal)) for signal in SIGNALS}))
        .values("facts")
    )
    acks = {"ack_facts": Subquery(ack_facts, output_field=JSONField())}
    return families.annotate(**facts, **acks)


FACTS = [
    "contact_facts",
    "first_day",
    "has_intake",
    "overdue_evaluation_on",
    "overdue_agreement_id",
    "overdue_agreement_title",
    "waiting_since",
    "waiting_agreement_id",
    "waiting_agreement_title",
    "overdue_promises",
    "oldest_promise_due",
    "feedback_low",
]
# The contact facts and acknowledgements come as one JSON object each; these columns unpack them.
UNPACKED = (
    "(contact_facts->>'last')::timestamptz AS contact_last_at, "
    "COALESCE((contact_facts->>'recent')::int, 0) AS recent_contacts, "
    "COALESCE((contact_facts->>'warm')::int, 0) AS warm_contacts, "
    "COALESCE((contact_facts->>'hard')::int, 0) AS hard_contacts, "
    "COALESCE((contact_facts->>'without_interpreter')::int, 0) AS without_interpreter, "
    "COALESCE((contact_facts->>'conversations')::int, 0) AS conversations, "
    "COALESCE((contact_facts->>'ticked')::int, 0) AS ticked_conversations, "
    + ", ".join(f"(ack_facts->>'{signal}')::int AS ack_{signal}" for signal in SIGNALS)
)


def _level_sql(t: dict, today: datetime.date, now: datetime.datetime) -> tuple[dict, list]:
    """Each signal's level as SQL over the fact columns, with its parameters (thresholds and dates)."""
    days = datetime.timedelta
    before = lambda key: today - days(t[key])  # noqa: E731
    earlier = lambda key: now - days(t[key])  # noqa: E731
    parts = {
        Signal.CONTACT: (
            "CASE WHEN contact_last_at IS NULL THEN "
            "(CASE WHEN first_day < %s THEN 2 WHEN first_day < %s THEN 1 ELSE 0 END) "
            "WHEN contact_last_at < %s THEN 2 WHEN contact_last_at < %s THEN 1 ELSE 0 END",
            [
                before("contact_concern_days"),
                before("contact_attention_days"),
                earlier("contact_concern_days"),
                earlier("contact_attention_days"),
            ],
        ),
        Signal.BALANCE: (
            "CASE WHEN recent_contacts < %s THEN 0 WHEN warm_contacts * 100 < recent_contacts * %s THEN 2 "
            "WHEN warm_contacts * 100 < recent_contacts * %s THEN 1 ELSE 0 END",
            [t["balance_min_contacts"], t["balance_concern_percent"], t["balance_attention_percent"]],
        ),
        Signal.INTAKE: (
            "CASE WHEN has_intake THEN 0 WHEN first_day < %s THEN 2 WHEN first_day < %s THEN 1 ELSE 0 END",
            [before("intake_concern_days"), before("intake_attention_days")],
        ),
        Signal.EVALUATION: (
            "CASE WHEN overdue_evaluation_on IS NULL THEN 0 WHEN overdue_evaluation_on < %s THEN 2 ELSE 1 END",
            [before("evaluation_concern_days")],
        ),
        Signal.PROPOSAL: (
            "CASE WHEN waiting_since < %s THEN 2 WHEN waiting_since < %s THEN 1 ELSE 0 END",
            [earlier("proposal_concern_days"), earlier("proposal_attention_days")],
        ),
        Signal.PROMISES: (
            "CASE WHEN oldest_promise_due < %s THEN 2 WHEN overdue_promises > 0 THEN 1 ELSE 0 END",
            [before("promise_concern_days")],
        ),
        Signal.TONE: (
            "CASE WHEN hard_contacts >= %s THEN 2 WHEN hard_contacts >= %s THEN 1 ELSE 0 END",
            [t["tone_concern_count"], t["tone_attention_count"]],
        ),
        Signal.INTERPRETER: (
            "CASE WHEN NOT interpreter_needed THEN 0 WHEN without_interpreter >= %s THEN 2 "
            "WHEN without_interpreter >= %s THEN 1 ELSE 0 END",
            [t["interpreter_concern_count"], t["interpreter_attention_count"]],
        ),
        Signal.FEEDBACK: (
            "CASE WHEN feedback_low IS NULL THEN 0 WHEN feedback_low <= %s THEN 2 "
            "WHEN feedback_low <= %s THEN 1 ELSE 0 END",
            [t["feedback_concern_score"], t["feedback_attention_score"]],
        ),
        Signal.COVERAGE: (
            "CASE WHEN conversations < %s THEN 0 WHEN ticked_conversations * 100 < conversations * %s THEN 2 "
            "WHEN ticked_conversations * 100 < conversations * %s THEN 1 ELSE 0 END",
            [t["coverage_min_contacts"], t["coverage_concern_percent"], t["coverage_attention_percent"]],
        ),
    }
    sql = ", ".join(f"{parts[signal][0]} AS level_{signal}" for signal in SIGNALS)
    params = [param for signal in SIGNALS for param in parts[signal][1]]
    return sql, params


def health_sql(families: QuerySet, *, today=None, signal="", status=None, limit=None, offset=0) -> tuple[str, list]:
    """One statement: the facts of each family computed once (a CTE built by the ORM), the levels on top, then
    the status, the counts per status and per signal over the families before the signal/status filter, and
    the total after it; worst first."""
    t = limits()
    today = today or timezone.localdate()
    now = timezone.now()
    facts_sql, facts_params = (
        with_health_facts(families.order_by(), today=today)
        .values("id", "name", "interpreter_needed", *FACTS, "ack_facts")
        .query.sql_with_params()
    )
    levels_sql, levels_params = _level_sql(t, today, now)
    seen = ", ".join(f"COALESCE(ack_{s} >= level_{s} AND level_{s} > 0, false) AS seen_{s}" for s in SIGNALS)
    counted = ", ".join(f"CASE WHEN seen_{s} THEN 0 ELSE level_{s} END" for s in SIGNALS)
    counts = ", ".join(
        [f"count(*) FILTER (WHERE health = {level}) OVER () AS status_{level}" for level in (0, 1, 2)]
        + [f"count(*) FILTER (WHERE level_{s} > 0 AND NOT seen_{s}) OVER () AS signal_{s}" for s in SIGNALS]
    )
    where, where_params = [], []
    if signal in SIGNALS:
        where.append(f"level_{signal} > 0 AND NOT seen_{signal}")
    if status is not None and status != "":
        where.append("health = %s")
        where_params.append(int(status))
    # Only SQL the ORM compiled and fixed column names from Signal are formatted in; values are parameters.
    # MATERIALIZED keeps PostgreSQL from inlining a CTE into every expression that reads its columns, which
    # would evaluate the per-family subqueries and the level expressions many times over.
    sql = (
        f"WITH f AS MATERIALIZED ({facts_sql}), "  # noqa: S608
        f"u AS (SELECT f.*, {UNPACKED} FROM f), "
        f"l AS MATERIALIZED (SELECT u.*, {levels_sql} FROM u), "
        f"s AS MATERIALIZED (SELECT l.*, {seen} FROM l), "
        f"h AS (SELECT s.*, GREATEST({counted}) AS health FROM s), "
        f"c AS (SELECT h.*, {counts} FROM h) "
        f"SELECT c.*, count(*) OVER () AS total FROM c"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY health DESC, name, id"
    )
    params = [*facts_params, *levels_params, *where_params]
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        params += [limit, offset]
    return sql, params


def health_rows(families: QuerySet, **options) -> list[dict]:
    sql, params = health_sql(families, **options)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def attach(family, row: dict):
    """Give a Family object the health columns of its row, for the templates and `explain()`."""
    for key, value in row.items():
        if key not in ("id", "name", "interpreter_needed"):
            setattr(family, key, value)
    return family


def families_with_health(families: QuerySet, *, today=None) -> list:
    """A bounded set of families (a staff member's, one family) as objects with their health attached: the
    objects come from `families` (with its prefetches), the health from one statement over the same set."""
    rows = {row["id"]: row for row in health_rows(families, today=today)}
    return [attach(family, rows[family.pk]) for family in families if family.pk in rows]


def row_object(row: dict) -> SimpleNamespace:
    """A health row as an object `explain()` can read (for the CSV export)."""
    return SimpleNamespace(pk=row["id"], **row)
