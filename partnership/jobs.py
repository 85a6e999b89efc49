"""Scheduled jobs when several app servers run the same cron (docs/deploy.md): each job takes a PostgreSQL
advisory lock for its name, so a second copy started at the same time finds it taken and stops at once instead of
doing the same work twice. The jobs are also safe without it (unique rows, SKIP LOCKED); the lock saves the work
and keeps their counts honest."""

import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

# The first key of the two-key advisory lock, so the app's locks cannot meet another program's on the database.
NAMESPACE = 0x4F50  # "OP"


@contextmanager
def single_run(name: str) -> Iterator[bool]:
    """True when this process may run the job `name`; False while another process holds it. The lock is the
    session's, so a process that dies releases it with its connection."""
    key = zlib.crc32(name.encode()) & 0x7FFFFFFF
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [NAMESPACE, key])
        taken = cursor.fetchone()[0]
    try:
        yield taken
    finally:
        if taken:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [NAMESPACE, key])
