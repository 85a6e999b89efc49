"""Relationship health, computed in the database in one statement. The ORM builds the facts the signals of
`health.rules` declare (annotations with subqueries); SQL on top of those facts, computed once in a CTE, gives
each signal's level and the status: the worst level that is not acknowledged. Nothing loops over families in
Python; `health.reasons.explain()` turns one family's facts into reasons in plain words. Pages ask `health_rows()`,
which reads today's rows kept by `health.store` and runs the statement only for the families whose row went
stale."""

from types import SimpleNamespace

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, JSONField, Max, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import JSONObject
from django.utils import timezone

from contacts.choices import Visibility
from contacts.models import ContactMoment
from contacts.selectors import sees_every_contact
from families.models import Family
from health import store
from health.models import Acknowledgement, Audience, Kind, Level, holding_q
from health.rules import RULES, SIGNALS, Context, context
from organisations.models import Organisation

# Family's own columns in a health row; attach() leaves them alone on a Family object.
OWN = ("id", "name", *dict.fromkeys(name for rule in RULES for name in rule.fields))


def _facts(c: Context) -> dict:
    return {name: expression for rule in RULES for name, expression in rule.facts(c).items()}


def _contact_facts(c: Context) -> dict:
    return {name: aggregate for rule in RULES for name, aggregate in rule.contact_facts(c).items()}


def audience_of(viewer) -> int:
    """Whose health a viewer sees. The team's counts no confidential contact, not even the viewer's own: a
    confidential contact must not show through a figure or a status to colleagues, and the family's status is
    the same for everyone in the team. Coordinators (and the nightly snapshot) count every contact."""
    return Audience.ALL if viewer is None or sees_every_contact(viewer) else Audience.TEAM


def _counted(audience: int) -> Q:
    return Q() if audience == Audience.ALL else ~Q(visibility=Visibility.CONFIDENTIAL)


def with_health_facts(families: QuerySet, c: Context, audience: int = Audience.ALL) -> QuerySet:
    """Rows of families with their own columns, the facts of every signal, `contact_facts` (every signal's
    aggregates over the family's contacts the audience counts, in one JSON object) and `ack_facts` (per
    signal, the highest level it holds at, and `time_<signal>`: the last look-again day of time given)."""
    facts = _facts(c)  # built once: each fact is a queryset, and building them is most of this function's time
    # All contact facts in one pass over the family's contacts (one subquery, not one per fact).
    contact_facts = (
        ContactMoment.objects.filter(_counted(audience), family=OuterRef("pk"))
        .order_by()
        .values("family")
        .annotate(facts=JSONObject(**_contact_facts(c)))
        .values("facts")
    )
    acknowledged = Acknowledgement.objects.filter(
        holding_q(today=c.today, seen_since=c.time_ago("acknowledgement_days")), family=OuterRef("pk")
    )
    # Time given holds at any level: it counts as given at the highest.
    held_at = Case(
        When(kind=Kind.TIME, then=Value(int(Level.ACTION_NEEDED))), default=F("level"), output_field=IntegerField()
    )
    # The highest level each signal is held at, and until when time was given, all signals in one subquery.
    ack_facts = (
        acknowledged.order_by()
        .values("family")
        .annotate(
            facts=JSONObject(
                **{signal: Max(held_at, filter=Q(signal=signal)) for signal in SIGNALS},
                **{
                    f"time_{signal}": Max("look_again_on", filter=Q(signal=signal, kind=Kind.TIME))
                    for signal in SIGNALS
                },
            )
        )
        .values("facts")
    )
    return families.annotate(
        contact_facts=Subquery(contact_facts, output_field=JSONField()),
        **facts,
        ack_facts=Subquery(ack_facts, output_field=JSONField()),
    ).values(*OWN, "contact_facts", *facts, "ack_facts")


def _unpacked(c: Context) -> str:
    """Columns from the two JSON objects (JSON holds text: cast back). A family without contacts has no row
    in the subquery, so its counts are NULL: they are 0. The other contact facts are moments (Max)."""
    columns = [
        f"COALESCE((contact_facts->>'{name}')::int, 0) AS {name}"
        if isinstance(aggregate, Count)
        else f"(contact_facts->>'{name}')::timestamptz AS {name}"
        for name, aggregate in _contact_facts(c).items()
    ]
    columns += [f"(ack_facts->>'{signal}')::int AS ack_{signal}" for signal in SIGNALS]
    columns += [f"(ack_facts->>'time_{signal}')::date AS time_{signal}" for signal in SIGNALS]
    return ", ".join(columns)


def health_sql(
    families: QuerySet,
    *,
    today=None,
    audience=Audience.ALL,
    organisation=None,
    signal="",
    status=None,
    limit=None,
    offset=0,
) -> tuple[str, list]:
    """One statement: the facts of each family computed once (a CTE built by the ORM), the levels on top, then
    the status, the counts per status and per signal over the families before the signal/status filter, and
    the total after it; worst first. With the `organisation`'s own thresholds (Set-up, Settings), else the
    defaults."""
    c = context(today, organisation=organisation)
    facts_sql, facts_params = with_health_facts(families.order_by(), c, audience).query.sql_with_params()
    levels = ", ".join(f"{rule.level} AS level_{rule.key}" for rule in RULES)
    levels_params = [param for rule in RULES for param in rule.params(c)]
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
    # Only SQL the ORM compiled and the rules' fixed SQL and names are formatted in; values are parameters.
    # MATERIALIZED keeps PostgreSQL from inlining a CTE into every expression that reads its columns, which
    # would evaluate the per-family subqueries and the level expressions many times over.
    sql = (
        f"WITH f AS MATERIALIZED ({facts_sql}), "  # noqa: S608
        f"u AS (SELECT f.*, {_unpacked(c)} FROM f), "
        f"l AS MATERIALIZED (SELECT u.*, {levels} FROM u), "
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


def computed_rows(families: QuerySet, **options) -> list[dict]:
    """The health statement itself, for families of one organisation (or none: the default thresholds)."""
    sql, params = health_sql(families, **options)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _compute(audience: int, today, viewer=None):
    def compute(pks: list[int], organisation_id: int) -> list[dict]:
        if viewer is not None and viewer.organisation_id == organisation_id:
            organisation = viewer.organisation  # loaded with the user: no query
        else:
            organisation = Organisation.objects.get(pk=organisation_id)
        return computed_rows(
            Family.objects.filter(pk__in=pks), today=today, audience=audience, organisation=organisation
        )

    return compute


def keep_every_audience(families: QuerySet) -> None:
    """Compute and keep today's rows of every audience (the nightly job), so that the first page of the day reads
    them instead of computing a whole organisation."""
    today = timezone.localdate()
    for audience in Audience.values:
        store.kept_rows(families, audience=audience, compute=_compute(audience, today), today=today, limit=0)


def health_rows(
    families: QuerySet, *, today=None, viewer=None, signal="", status=None, limit=None, offset=0
) -> list[dict]:
    """The health rows of `families` as `viewer` may see them (None: every contact, each family with its own
    organisation's thresholds), worst first, with the counts per status and per signal. Today's are read from
    the kept rows (health.store), computing only the families whose row went stale; another day is computed."""
    audience = audience_of(viewer)
    filters = {"signal": signal, "status": status, "limit": limit, "offset": offset}
    if today is None or today == timezone.localdate():
        today = timezone.localdate()
        rows = store.kept_rows(
            families, audience=audience, compute=_compute(audience, today, viewer), today=today, **filters
        )
        if rows is not None:
            return rows
    if viewer is not None:
        return computed_rows(families, today=today, audience=audience, organisation=viewer.organisation, **filters)
    # Without a viewer, each organisation's families with its own thresholds (only whole sets are asked for).
    by_organisation = {}
    for pk, organisation in families.order_by().values_list("pk", "organisation"):
        by_organisation.setdefault(organisation, []).append(pk)
    compute = _compute(audience, today)
    return [row for organisation, pks in by_organisation.items() for row in compute(pks, organisation)]


def attach(family, row: dict):
    """Give a Family object the health columns of its row, for the templates and `explain()`."""
    for key, value in row.items():
        if key not in OWN:
            setattr(family, key, value)
    return family


def families_with_health(families: QuerySet, *, today=None, viewer=None) -> list:
    """A bounded set of families (a staff member's, one family) as objects with their health attached: the
    objects come from `families` (with its prefetches), the health from one statement over the same set."""
    rows = {row["id"]: row for row in health_rows(families, today=today, viewer=viewer)}
    return [attach(family, rows[family.pk]) for family in families if family.pk in rows]


def row_object(row: dict) -> SimpleNamespace:
    """A health row as an object `explain()` can read (for the CSV export)."""
    return SimpleNamespace(pk=row["id"], **row)
