"""The daily jobs when several app servers run the same cron (partnership/jobs.py): a second copy started while
the first runs does nothing; once the first is done, the job runs again."""

import zlib
from io import StringIO

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from partnership.jobs import NAMESPACE, single_run

JOBS = [
    ("send_reminders", [], "Another server is sending the reminders now"),
    ("snapshot_health", [], "Another server is storing the health snapshot now"),
    ("apply_retention", ["--apply"], "Another server is applying the retention period now"),
]


def _other_server():
    """A second database session, as another app server's cron would have."""
    settings = connection.settings_dict
    return psycopg2.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
    )


@pytest.mark.parametrize(("job", "arguments", "refusal"), JOBS)
def test_a_job_another_server_is_running_does_nothing_here(db, job, arguments, refusal):
    key = zlib.crc32(job.encode()) & 0x7FFFFFFF
    other = _other_server()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [NAMESPACE, key])
            out = StringIO()
            call_command(job, *arguments, stdout=out)
            assert refusal in out.getvalue()
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [NAMESPACE, key])  # the other server is done
    finally:
        other.close()
    out = StringIO()
    call_command(job, *arguments, stdout=out)
    assert refusal not in out.getvalue()


def test_the_lock_is_free_again_after_the_job(db):
    with single_run("send_reminders") as mine:
        assert mine
    other = _other_server()
    try:
        with other.cursor() as cursor:
            key = zlib.crc32(b"send_reminders") & 0x7FFFFFFF
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [NAMESPACE, key])
            assert cursor.fetchone()[0]
    finally:
        other.close()
