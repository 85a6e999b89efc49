import time

from django.core.management.base import BaseCommand

from imports.services import process_next, runs_tidy


class Command(BaseCommand):
    help = (
        "Do the queued dry runs and imports of planning-system exports (cron: every minute, or --loop beside the "
        "web server). Safe to run twice at once: each run is taken by one worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running, every --interval seconds")
        parser.add_argument("--interval", type=float, default=2)

    def handle(self, *args, loop=False, interval=2, **options):
        while True:
            tidied = runs_tidy()
            if any(tidied.values()):
                self.stdout.write(f"stopped runs marked: {tidied['stopped']}, old files emptied: {tidied['emptied']}")
            while (run := process_next()) is not None:
                self.stdout.write(f"import run {run.pk} ({run.file_name}): {run.get_status_display()}")
            if not loop:
                return
            time.sleep(interval)
