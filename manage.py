#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership.settings")
    # Writing and checking migrations is development work that serves nothing: it needs no production secrets
    # (the settings refuse to start without them otherwise), so a fresh checkout can run it as it is.
    if sys.argv[1:2] == ["makemigrations"]:
        os.environ.setdefault("DJANGO_TESTING", "true")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as exc:
        # A database that is missing or down is a set-up problem, not a bug: one clear line, no traceback.
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        sys.exit(f"Cannot use the database ({first_line}). Check DATABASE_URL and that PostgreSQL is running.")


if __name__ == "__main__":
    main()
