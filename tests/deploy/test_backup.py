"""PostgreSQL backups (docs/deploy.md): a `pg_dump` of the database restores with `pg_restore` into an empty one
with every row, the history and its append-only triggers. Needs the PostgreSQL client programs (skipped without
them, except in CI)."""

import os
import shutil
import subprocess

import psycopg2
import pytest
from django.db import connection

from tests import factories as f

TABLES = ["families_family", "families_caregiver", "families_child", "contacts_contactmoment"]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to test backups: {name} is not installed")
        pytest.skip(f"{name} is not installed")
    return path


def _counts(cursor) -> dict:
    counts = {}
    for table in TABLES:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - table names from the list above
        counts[table] = cursor.fetchone()[0]
    cursor.execute("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")
    counts["triggers"] = cursor.fetchone()[0]
    cursor.execute("SELECT to_regclass('families_familyevent') IS NOT NULL")
    counts["history table"] = cursor.fetchone()[0]
    return counts


def test_a_dump_restores_into_an_empty_database_with_every_row_and_the_history_triggers(transactional_db, tmp_path):
    dump, restore = _tool("pg_dump"), _tool("pg_restore")
    for _ in range(3):
        family = f.FamilyFactory()
        f.CaregiverFactory(family=family)
        f.ChildFactory(family=family)
    settings = connection.settings_dict
    server = ["--host", settings["HOST"], "--port", str(settings["PORT"] or 5432), "--username", settings["USER"]]
    copy = settings["NAME"] + "_restored"
    with connection.cursor() as cursor:
        original = _counts(cursor)
        cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        cursor.execute(f'CREATE DATABASE "{copy}"')
    try:
        backup = tmp_path / "backup.dump"
        subprocess.run([dump, *server, "--format=custom", "--file", str(backup), settings["NAME"]], check=True)
        subprocess.run([restore, *server, "--no-owner", "--exit-on-error", "--dbname", copy, str(backup)], check=True)
        restored = psycopg2.connect(dbname=copy, user=settings["USER"], host=settings["HOST"], port=settings["PORT"])
        try:
            with restored.cursor() as cursor:
                assert _counts(cursor) == original
        finally:
            restored.close()
        assert original["families_family"] >= 3 and original["triggers"] > 0 and original["history table"]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{copy}"')
