from django.core.management.base import BaseCommand

from health.services import snapshots_take


class Command(BaseCommand):
    help = "Store today's relationship health of every active family (for the history chart). Cron runs it daily; "
    help += "running it twice on a day updates the same rows."

    def handle(self, *args, **options):
        count = snapshots_take()
        self.stdout.write(f"Health snapshot stored for {count} families.")
