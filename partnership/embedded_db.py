"""An embedded PostgreSQL for machines without a database server.

When DATABASE_URL is unset, the app starts PostgreSQL from the `pgserver` wheel in a git-ignored folder so
that `make run` and `make test` work on a new machine. It is real PostgreSQL: nothing falls back to SQLite.
"""

import sys
from pathlib import Path


def embedded_database(data_dir: Path, name: str) -> dict:
    import re
    import warnings

    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        sys.exit(f"EMBEDDED_PG_NAME must be a plain database name (lower case letters, digits, _): {name!r}")

    # pgserver keeps its lock file in the user's runtime folder and warns when XDG_RUNTIME_DIR is unset.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    try:
        import pgserver
    except ImportError:  # pragma: no cover - only on a broken install
        sys.exit(
            "DATABASE_URL is not set and the embedded PostgreSQL (pgserver) is not installed.\n"
            "Set DATABASE_URL=postgres://user@host:5432/name or run `pip install -r requirements-dev.txt`."
        )
    try:
        # "stop": the server stops when the last process that uses it exits, so nothing is left running.
        server = pgserver.get_server(data_dir, cleanup_mode="stop")
        # `name` is checked above to be a plain identifier.
        found = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608
        if "(1 row)" not in found:
            server.psql(f'CREATE DATABASE "{name}";')
    except Exception as exc:
        sys.exit(f"Could not start the embedded PostgreSQL in {data_dir}: {exc}")
    # pgserver listens on a Unix socket inside its data folder.
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "HOST": str(data_dir),
        "PORT": "",
    }
