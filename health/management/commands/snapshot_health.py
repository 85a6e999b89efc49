from django.core.management.base import BaseCommand

from health.services import snapshots_take
from partnership.jobs import single_run


class Command(BaseCommand):
    help = "Store today's relationship health of every active family (for the history chart). Cron runs it daily; "
    help += "running it twice on a day updates the same rows."

    def handle(self, *args, **options):
        with single_run("snapshot_health") as mine:
            if not mine:
                self.stdout.write("Another server is storing the health snapshot now: nothing done here.")
                return
            count = snapshots_take()
        self.stdout.write(f"Health snapshot stored for {count} families.")
