from django.core.management.base import BaseCommand

from health.digest import send_digests


class Command(BaseCommand):
    help = "E-mail each staff member a digest of today's reminders (first names only). At most one per day."

    def handle(self, *args, **options):
        sent, skipped = send_digests()
        self.stdout.write(f"Reminder digests sent: {sent}; already sent today or nothing to remind: {skipped}.")
