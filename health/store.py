"""The maintained health rows (FamilyHealth): each family's health computed once and kept until something it was
computed from changes, so that a page reads the families in its scope by index and counts them per status and
signal over small rows, instead of recomputing two years of contacts for every family on every request.

How a row stays true:
- database triggers (migration 0007) delete a family's rows in the same transaction as any insert, update or
  delete of a row the health statement reads (contacts, ticks, agreements, follow-ups, feedback, threads,
  acknowledgements, placements, the family, its organisation's settings, ...), whoever writes it: a service, the
  import, a migration, `QuerySet.update()`;
- a row holds for the day it was computed on (signals count days) and for the thresholds and rules it was
  computed with (`version`); otherwise it is recomputed when first read;
- a writer holds its families' bucket lock (shared) until it commits; a reader stores what it computed only for
  buckets it locked exclusively without waiting, after which it computes, so no row computed beside an
  uncommitted write outlives that write. Families it could not lock are computed for the request and not kept.

tests/health/test_store.py compares the kept rows with a full recomputation after random histories of writes."""

import datetime
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, Func, IntegerField, QuerySet, Value
from django.db.models.functions import Cast, Mod

from health.models import Audience, FamilyHealth, Level
from health.rules import DEFAULTS, SIGNALS

LOCK_NAMESPACE = 20305  # 0x4F51, the advisory lock key of migration 0007's trigger
BUCKETS = 256
FORMAT = 2  # raise when the row's encoding or the statement's columns change: every kept row is recomputed
# Per-request figures, not kept.
FIGURES = ("total", *(f"status_{level}" for level in Level.values), *(f"signal_{signal}" for signal in SIGNALS))


def version() -> str:
    """The thresholds and rules a row was computed with (the organisation's own thresholds are not in it: a
    change of them deletes the organisation's rows through the trigger)."""
    source = json.dumps([FORMAT, SIGNALS, DEFAULTS | settings.HEALTH_THRESHOLDS], sort_keys=True)
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _encode(value):
    # JSON has no dates: tag them (with names no fact uses), so a kept row reads back exactly as the statement
    # returned it.
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, dict | list):
        return {"$json": value}
    return value


DECODERS = {
    "$datetime": datetime.datetime.fromisoformat,
    "$date": datetime.date.fromisoformat,
    "$decimal": Decimal,
    "$json": lambda value: value,
}


def _tagged(obj: dict):
    """json.loads' object_hook: a tagged value back to its type as the parser meets it (the row itself passes)."""
    if len(obj) == 1:
        ((kind, text),) = obj.items()
        if kind in DECODERS:
            return DECODERS[kind](text)
    return obj


def encoded(row: dict) -> dict:
    return {key: _encode(value) for key, value in row.items() if key not in FIGURES}


def decoded(row) -> dict:
    """A kept row as the statement returned it (the database driver hands JSON over as text)."""
    return json.loads(row if isinstance(row, str) else json.dumps(row), object_hook=_tagged)


def raised(row: dict) -> list[str]:
    return [signal for signal in SIGNALS if row[f"level_{signal}"] and not row[f"seen_{signal}"]]


# The live statement for some families of one organisation: health.computation passes it in.
Compute = Callable[..., list[dict]]


def _stale_and_locked(families: QuerySet, audience: int, today: datetime.date, current: str):
    """The families in scope without a row of today's version, by organisation, and the ones among them whose
    bucket this transaction could lock at once (no write to them is under way). One statement; the lock holds
    until the transaction ends, and the statements after this one see every write committed before it."""
    kept = FamilyHealth.objects.filter(audience=audience, day=today, version=current).values("family_id")
    # NOT IN, not NOT EXISTS: a hashed list of the kept families whatever the planner thinks of a table just
    # filled (an anti join planned for one kept row and run for ten thousand takes seconds).
    stale = (
        families.order_by()
        .exclude(pk__in=kept)
        .annotate(
            locked=Func(
                Value(LOCK_NAMESPACE),
                Cast(Mod("pk", BUCKETS), IntegerField()),
                function="pg_try_advisory_xact_lock",
                output_field=BooleanField(),
            )
        )
    )
    by_organisation, locked = defaultdict(list), set()
    for pk, organisation, is_locked in stale.values_list("pk", "organisation_id", "locked"):
        by_organisation[organisation].append(pk)
        if is_locked:
            locked.add(pk)
    return by_organisation, locked


def _keep(rows: list[dict], *, audience: int, today: datetime.date, current: str) -> None:
    """Insert or replace the rows in one statement, whatever their number (a statement's parameters are few)."""
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO health_familyhealth (family_id, audience, day, version, health, raised, row) "
            "SELECT r.family, %s, %s, %s, r.health, ARRAY(SELECT jsonb_array_elements_text(r.raised)), r.row "
            "FROM jsonb_to_recordset(%s::jsonb) AS r(family bigint, health smallint, raised jsonb, row jsonb) "
            "ON CONFLICT (family_id, audience) DO UPDATE SET day = excluded.day, version = excluded.version, "
            "health = excluded.health, raised = excluded.raised, row = excluded.row",
            [audience, today, current, json.dumps(rows)],
        )


def refresh(families: QuerySet, *, audience: int, compute: Compute, today: datetime.date) -> bool:
    """Compute and keep the rows of the families in scope that have none for today; False when some could not
    be kept (a write to them was under way), and the caller computes the request's rows itself."""
    current = version()
    # Inside a request's transaction no savepoint is needed: the locks then hold until that one ends.
    with transaction.atomic(savepoint=False):
        stale, locked = _stale_and_locked(families, audience, today, current)
        if not stale:
            return True
        rows = [row for organisation, pks in stale.items() for row in compute(pks, organisation)]
        kept = [
            {"family": row["id"], "health": row["health"], "raised": raised(row), "row": encoded(row)}
            for row in rows
            if row["id"] in locked
        ]
        _keep(kept, audience=audience, today=today, current=current)
    return len(kept) == len(rows)


def read_sql(families: QuerySet, *, audience: int, today: datetime.date, signal="", status=None, limit=None, offset=0):
    """The kept rows of the families in scope, worst first, with the counts per status and per signal over the
    families before the signal and status filter, and the total after it (the same columns as the live
    statement's figures); `kept` and `scope` count the kept rows and the families in scope, which differ when a
    write deleted a row after `refresh()`. The counts read the small columns of every family in scope; the kept
    row itself is read only for the families returned."""
    scope_sql, scope_params = families.order_by().values("pk").query.sql_with_params()
    counts = ", ".join(
        [f"count(*) FILTER (WHERE health = {level}) AS status_{level}" for level in Level.values]
        + [f"count(*) FILTER (WHERE '{signal}' = ANY(raised)) AS signal_{signal}" for signal in SIGNALS]
    )
    where, where_params = ["true"], []
    if signal in SIGNALS:
        where.append("%s = ANY(raised)")
        where_params.append(signal)
    if status is not None and status != "":
        where.append("health = %s")
        where_params.append(int(status))
    page, page_params = "", []
    if limit is not None:
        page, page_params = " LIMIT %s OFFSET %s", [limit, offset]
    # Only the ORM's SQL and the rules' fixed names are formatted in; values are parameters. The scope is joined
    # from the families (whose statistics the planner knows), the kept rows by their unique index.
    sql = (
        # Each family's kept row looked up by the unique (family, audience) index, whatever the planner's statistics
        # of a table rewritten every night say (a join planned for one kept row looped over all of them per family);
        # LIMIT 1 keeps the lateral lookup from being flattened into such a join.
        "WITH h AS (SELECT f.id, f.name, k.health, k.raised, "  # noqa: S608
        "CASE WHEN k.day = %s AND k.version = %s THEN k.family_id END AS kept_id "
        "FROM families_family f LEFT JOIN LATERAL (SELECT family_id, day, version, health, raised "
        "FROM health_familyhealth WHERE family_id = f.id AND audience = %s LIMIT 1) k ON true "
        f"WHERE f.id IN ({scope_sql})), "
        f"n AS (SELECT {counts}, count(kept_id) AS kept, count(*) AS scope FROM h), "
        f"p AS (SELECT id, name, health FROM h WHERE {' AND '.join(where)}), "
        "t AS (SELECT count(*) AS total FROM p), "
        f"o AS (SELECT * FROM p ORDER BY health DESC, name, id{page}) "
        # Always one row at least, so that an empty page still says whether every family in scope was kept.
        "SELECT r.row, n.*, t.total FROM n CROSS JOIN t LEFT JOIN (SELECT o.*, (SELECT k.row "
        "FROM health_familyhealth k WHERE k.family_id = o.id AND k.audience = %s) AS row FROM o) r ON true "
        "ORDER BY r.health DESC, r.name, r.id"
    )
    params = [today, version(), audience, *scope_params, *where_params, *page_params, audience]
    return sql, params


def _read(families: QuerySet, *, audience: int, today: datetime.date, **options) -> list[dict] | None:
    sql, params = read_sql(families, audience=audience, today=today, **options)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    if rows[0]["kept"] != rows[0]["scope"]:
        return None
    return [decoded(row["row"]) | {key: row[key] for key in FIGURES} for row in rows if row["row"] is not None]


def kept_rows(families: QuerySet, *, audience: int, compute: Compute, today: datetime.date, **options):
    """The rows of `families` from the kept ones, computing those that went stale first; None when they could not
    all be kept or read (writes to them are under way), and the caller computes the rows of this request."""
    rows = _read(families, audience=audience, today=today, **options)
    if rows is not None:
        return rows  # every family in scope was kept: one statement
    for _attempt in range(2):
        if not refresh(families, audience=audience, compute=compute, today=today):
            return None
        rows = _read(families, audience=audience, today=today, **options)
        if rows is not None:
            return rows
    return None


__all__ = ["Audience", "kept_rows", "refresh"]
