"""The app's database role cannot rewrite history: it may add to the event tables and the access log, never
change, delete, truncate or disable their triggers (docs/security.md). Runs where the test database user may
create roles (a superuser or CREATEROLE), as on this machine and in CI; skipped elsewhere."""

import os

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from audit.grants import append_only_tables

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def app_role():
    role = f"op_app_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("the test database user may not create roles")
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if not cursor.fetchone():
            cursor.execute(f"CREATE ROLE {connection.ops.quote_name(role)} LOGIN")
    call_command("grant_app_role", role)
    settings = connection.settings_dict
    conn = psycopg2.connect(
        dbname=settings["NAME"], user=role, host=settings.get("HOST") or None, port=settings.get("PORT") or None
    )
    conn.autocommit = True
    yield conn
    conn.close()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {connection.ops.quote_name(role)}")


def _refused(conn, sql):
    with conn.cursor() as cursor:
        try:
            cursor.execute(sql)
        except (psycopg2.errors.InsufficientPrivilege, psycopg2.errors.RaiseException) as error:
            return str(error)
    return None


def test_the_app_role_reads_and_writes_family_data(world, app_role):
    with app_role.cursor() as cursor:
        cursor.execute("UPDATE families_family SET notes = 'via de app-rol' WHERE id = %s", [world.family.pk])
        cursor.execute("SELECT count(*) FROM families_familyevent")
        assert cursor.fetchone()[0] >= 1


@pytest.mark.parametrize("table", ["families_familyevent", "audit_accessevent", "accounts_userevent"])
def test_the_app_role_cannot_change_delete_or_truncate_history(world, app_role, table):
    assert table in append_only_tables()
    assert _refused(app_role, f"UPDATE {table} SET id = id")  # noqa: S608 (table names from the test itself)
    assert _refused(app_role, f"DELETE FROM {table}")  # noqa: S608
    assert _refused(app_role, f"TRUNCATE {table}")
    assert _refused(app_role, f"ALTER TABLE {table} DISABLE TRIGGER ALL")
    assert _refused(app_role, f"DROP TABLE {table}")


def test_every_history_table_is_append_only_for_the_app_role(world, app_role):
    with app_role.cursor() as cursor:
        for table in append_only_tables():
            cursor.execute("SELECT has_table_privilege(current_user, %s, 'UPDATE, DELETE, TRUNCATE')", [table])
            assert cursor.fetchone()[0] is False, table
            cursor.execute("SELECT has_table_privilege(current_user, %s, 'INSERT')", [table])
            assert cursor.fetchone()[0] is True, table
