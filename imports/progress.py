"""How far a background run is, told to the page that polls it. The import writes in one transaction, so its
progress goes through a connection of its own (autocommit): the page sees it while the import's own rows stay
invisible until all of them are written."""

import time

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

# At most one progress write per this many seconds.
INTERVAL = 0.5


class Progress:
    def __init__(self, *, run_pk: int, total_rows: int, live: bool):
        self.run_pk = run_pk
        self.total_rows = total_rows
        self.connection = connections.create_connection(DEFAULT_DB_ALIAS) if live else None
        self.last = 0.0

    def __call__(self, fraction: float) -> None:
        if self.connection is None or time.monotonic() - self.last < INTERVAL:
            return
        self.last = time.monotonic()
        with self.connection.cursor() as cursor:
            cursor.execute(
                "UPDATE imports_importrun SET processed_rows = %s, heartbeat_at = %s WHERE id = %s",
                [min(self.total_rows, int(self.total_rows * fraction)), timezone.now(), self.run_pk],
            )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
