import os

from django.core.management.base import BaseCommand, CommandError

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

    def handle(self, *args, force=False, if_empty=False, **options):
        password = os.environ.get("DEMO_PASSWORD") or "demo-partnership"
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
