"""The one way a family's history and access log leave the database: the PostgreSQL function
`privacy_erase_history`, written from the model graph after every migrate (privacy/apps.py) by the role that
runs the migrations, the owner of the tables, and run with the owner's rights (SECURITY DEFINER).

The web app's own role may not delete history or the access log (audit/grants.py), yet a coordinator erases a
family's file at once. The function is the narrow door between the two:
- it only removes the history of a family whose row no longer exists, and of rows that no longer exist;
- it finds that history itself, from the family's id, so a caller cannot point it at anything else;
- of accounts, only those that were only ever parent accounts;
- every call leaves an erasure record (privacy.ErasureRecord, append-only) with counts and no content.
A compromised app could still erase whole families (it may delete their rows anyway), but never silently, and
never rewrite the history of anything that still exists."""

# ruff: noqa: S608 (the SQL is written from the model registry: quoted identifiers, no input from anyone)

import json

import pgtrigger
from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections
from pghistory.models import Context, Event

from accounts.models import Role, User
from audit.models import AccessEvent
from families.models import Caregiver, Family
from privacy.graph import caregiver_user_field, history_plan, is_append_only
from privacy.models import ErasureRecord

FUNCTION = "privacy_erase_history"


def _append_only_trigger_ids(tables: set[str]) -> list[str]:
    """pgtrigger's names for the append-only triggers of these tables, in both forms its ignore mechanism
    accepts: the function deletes from them, and only from them."""
    ids = set()
    for model, trigger in pgtrigger.registered():
        if trigger.name == "append_only" and is_append_only(model) and model._meta.db_table in tables:
            pgid = trigger.get_pgid(model)
            ids |= {pgid, f"{model._meta.db_table}:{pgid}"}
    return sorted(ids)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _field_column(model, name: str) -> str | None:
    fields = {f.name: f for f in model._meta.concrete_fields}
    return fields[name].column if name in fields else None


class _Writer:
    def __init__(self, quote):
        self.q = quote
        self.declare = ["v_history bigint := 0;", "v_access bigint := 0;", "v_n bigint;", "v_ctx uuid[];"]
        self.declare += ["v_contexts uuid[] := '{}';", "v_record bigint;", "v_users bigint[] := '{}';"]
        self.body = []
        self.tables = set()  # the append-only tables the function deletes from

    def gather(self, variable: str, selects: list[str]):
        self.declare.append(f"{variable} bigint[] := '{{}}';")
        if selects:
            self.body.append(f"{variable} := ARRAY({' UNION '.join(selects)});")

    def delete_history(self, event, ids: str, extra: str = ""):
        """Delete the events of the ids whose tracked row no longer exists; count them, keep their contexts."""
        q = self.q
        tracked = event.pgh_tracked_model
        self.tables.add(event._meta.db_table)
        obj = q(_field_column(event, "pgh_obj"))
        context = _field_column(event, "pgh_context")
        returning = f"e.{q(context)}" if context else "NULL::uuid"
        self.body.append(
            f"WITH gone AS (DELETE FROM {q(event._meta.db_table)} e WHERE e.{obj} = ANY({ids}) "
            f"AND NOT EXISTS (SELECT 1 FROM {q(tracked._meta.db_table)} t WHERE t.{q(tracked._meta.pk.column)} "
            f"= e.{obj}){extra} RETURNING {returning} AS context) "
            "SELECT count(*), coalesce(array_agg(DISTINCT context) FILTER (WHERE context IS NOT NULL), '{}') "
            "INTO v_n, v_ctx FROM gone;"
        )
        self.body.append("v_history := v_history + v_n; v_contexts := v_contexts || v_ctx;")


def function_sql(connection) -> str:
    q = connection.ops.quote_name
    plan = history_plan()
    writer = _Writer(q)
    variables = {}
    for number, tracked in enumerate(plan):
        variable = f"v_{number}"
        variables[tracked.model] = variable
        if tracked.model is Family:
            writer.declare.append(f"{variable} bigint[] := ARRAY[p_family];")
            continue
        selects = []
        for event, links in tracked.links.items():
            obj = q(_field_column(event, "pgh_obj"))
            condition = " OR ".join(f"e.{q(column)} = ANY({variables[target]})" for _, column, target in links)
            if condition:
                selects.append(f"SELECT e.{obj} FROM {q(event._meta.db_table)} e WHERE {condition}")
        writer.gather(variable, selects)
    # The parents' accounts, from the caregivers' history (before that history goes).
    user_selects = []
    caregivers = next((tracked for tracked in plan if tracked.model is Caregiver), None)
    for event in caregivers.events if caregivers else []:
        if user_field := caregiver_user_field(event):
            column, obj = q(user_field.column), q(_field_column(event, "pgh_obj"))
            user_selects.append(
                f"SELECT e.{column} FROM {q(event._meta.db_table)} e "
                f"WHERE e.{obj} = ANY({variables[Caregiver]}) AND e.{column} IS NOT NULL"
            )
    if user_selects:
        writer.body.append(f"v_users := ARRAY({' UNION '.join(user_selects)});")
    for tracked in plan:
        for event in tracked.events:
            writer.delete_history(event, variables[tracked.model])
    for event in _user_events():
        role = _field_column(event, "role")
        if role is None:
            continue
        table, obj = q(event._meta.db_table), q(_field_column(event, "pgh_obj"))
        only_parent = (
            f" AND NOT EXISTS (SELECT 1 FROM {table} s WHERE s.{obj} = e.{obj} "
            f"AND s.{q(role)} IS DISTINCT FROM {_literal(Role.PARENT.value)})"
        )
        writer.delete_history(event, "v_users", only_parent)
    access = AccessEvent._meta
    writer.tables.add(access.db_table)
    writer.body.append(
        f"DELETE FROM {q(access.db_table)} WHERE {q(access.get_field('family').column)} = p_family; "
        "GET DIAGNOSTICS v_access = ROW_COUNT;"
    )
    writer.body.append(_forget_contexts_sql(q))
    return _assemble(connection, writer)


def _user_events() -> list:
    return [m for m in apps.get_models() if issubclass(m, Event) and m.pgh_tracked_model is User]


def _forget_contexts_sql(q) -> str:
    """The request contexts (user and address of a change) that no remaining history row refers to."""
    unused = []
    for event in apps.get_models():
        if issubclass(event, Event) and (context := _field_column(event, "pgh_context")):
            unused.append(f"NOT EXISTS (SELECT 1 FROM {q(event._meta.db_table)} x WHERE x.{q(context)} = c.id)")
    conditions = " AND ".join(["c.id = ANY(v_contexts)", *unused])
    return f"DELETE FROM {q(Context._meta.db_table)} c WHERE {conditions};"


def _assemble(connection, writer: _Writer) -> str:
    q = connection.ops.quote_name
    family = Family._meta
    record = ErasureRecord._meta
    columns = ", ".join(
        q(record.get_field(name).column) for name in ("erased_at", "organisation", "by", "by_name", "reason", "counts")
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = cursor.fetchone()[0]
    ignore = "{" + ",".join(_append_only_trigger_ids(writer.tables)) + "}"
    declare = "\n    ".join(writer.declare)
    body = "\n    ".join(writer.body)
    return f"""
CREATE OR REPLACE FUNCTION {q(FUNCTION)}(
    p_family bigint, p_organisation bigint, p_by bigint, p_by_name text, p_reason text, p_counts jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {q(schema)}, pg_temp
SET "pgtrigger.ignore" = {_literal(ignore)}
AS $privacy$
DECLARE
    {declare}
BEGIN
    IF EXISTS (SELECT 1 FROM {q(family.db_table)} WHERE {q(family.pk.column)} = p_family) THEN
        RAISE EXCEPTION 'privacy: family % still exists; delete its rows first', p_family;
    END IF;
    {body}
    INSERT INTO {q(record.db_table)} ({columns})
    VALUES (now(), p_organisation, p_by, p_by_name, p_reason,
            p_counts || jsonb_build_object('history', v_history, 'access_log', v_access))
    RETURNING {q(record.pk.column)} INTO v_record;
    RETURN v_record;
END
$privacy$;
"""


def install_erasure_function(sender=None, using=DEFAULT_DB_ALIAS, **kwargs):
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    sql = function_sql(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql)


def erase_history(*, family_pk: int, organisation_pk: int, by, reason: str, counts: dict, using=DEFAULT_DB_ALIAS):
    """Call the function: returns the id of the erasure record it wrote."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT {connections[using].ops.quote_name(FUNCTION)}(%s, %s, %s, %s, %s, %s::jsonb)",
            [
                family_pk,
                organisation_pk,
                getattr(by, "pk", None),
                (by.get_full_name() or by.username) if by is not None else "",
                reason,
                json.dumps(counts),
            ],
        )
        return cursor.fetchone()[0]
