import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from demo.large import SIZES, large_present, seed_large
from demo.seed import database_has_real_data, demo_logins, demo_present, seed_demo


class Command(BaseCommand):
    help = "Fill an empty database with the demo organisation and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add the demo organisation even though the database holds other (non-demo) data.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and succeed) when the database holds other data; used by `make run`.",
        )

        parser.add_argument(
            "--scale",
            choices=["demo", "large"],
            default="demo",
            help="large: add a second organisation of the size DESIGN.md section 5 plans for (10,000 families, "
            "500,000 contacts), to measure performance (bench/, docs/performance.md). Takes minutes.",
        )

    def handle(self, *args, force=False, if_empty=False, scale="demo", **options):
        password = os.environ.get("DEMO_PASSWORD") or "demo-partnership"
        if scale == "large":
            self._large(password)
            return
        if demo_present():
            self.stdout.write("The demo organisation is already present; nothing changed.")
        elif database_has_real_data() and if_empty:
            self.stdout.write("This database holds non-demo data; the demo organisation is not added.")
            return
        elif database_has_real_data() and not force:
            raise CommandError(
                "This database holds data that is not demo data. The demo is not added, to keep real data "
                "apart from fictional data. Use --force if you are sure."
            )
        else:
            seed_demo(password=password)
            self.stdout.write(self.style.SUCCESS("Demo organisation created."))
        self.stdout.write(
            "Demo logins (password: %s):" % ("$DEMO_PASSWORD" if os.environ.get("DEMO_PASSWORD") else password)
        )
        for username, description in demo_logins():
            self.stdout.write(f"  {username:<12} {description}")

    def _large(self, password: str) -> None:
        if large_present():
            self.stdout.write("The large organisation is already present; nothing changed.")
            return
        started = time.monotonic()
        shown = {}

        def progress(label: str, done: int, total: int) -> None:
            # One line per step, rewritten in place on a terminal: a progress bar without a dependency.
            width = 30
            filled = width * done // max(total, 1)
            line = f"{label:<24} [{'#' * filled}{'.' * (width - filled)}] {done:>9,}/{total:,}"
            line += f"  {time.monotonic() - started:6.0f} s"
            if sys.stdout.isatty():
                self.stdout.write("\r" + line, ending="\n" if done >= total else "")
            elif done >= total and label not in shown:
                shown[label] = True
                self.stdout.write(line)

        sizes = ", ".join(f"{value:,} {name}" for name, value in SIZES.items())
        self.stdout.write(f"Adding the large organisation ({sizes}).")
        seed_large(password=password, progress=progress)
        # Fresh statistics for the planner: before autovacuum gets to the new rows, its guesses made the staff
        # home take more than 30 s.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Large organisation created in {time.monotonic() - started:.0f} s."))
        self.stdout.write("Logins groot1 ... groot300 (staff, then coordinators, then admins); password as the demo's.")
