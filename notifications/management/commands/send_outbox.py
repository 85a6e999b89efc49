import time

from django.core.management.base import BaseCommand

from notifications.services import send_due


class Command(BaseCommand):
    help = "Send the e-mails waiting in the outbox (cron: every minute). Safe to run twice at once."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running, every --interval seconds")
        parser.add_argument("--interval", type=int, default=30)

    def handle(self, *args, loop=False, interval=30, **options):
        while True:
            report = send_due()
            while report.sent + report.retried + report.gave_up:
                self.stdout.write(f"sent {report.sent}, to retry {report.retried}, given up {report.gave_up}")
                report = send_due()
            if not loop:
                return
            time.sleep(interval)
