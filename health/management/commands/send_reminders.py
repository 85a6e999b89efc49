from django.core.management.base import BaseCommand

from health.digest import send_digests
from partnership.jobs import single_run


class Command(BaseCommand):
    help = "E-mail each staff member a digest of today's reminders (first names only). At most one per day."

    def handle(self, *args, **options):
        with single_run("send_reminders") as mine:
            if not mine:
                self.stdout.write("Another server is sending the reminders now: nothing done here.")
                return
            sent, skipped = send_digests()
        self.stdout.write(f"Reminder digests sent: {sent}; already sent today or nothing to remind: {skipped}.")
