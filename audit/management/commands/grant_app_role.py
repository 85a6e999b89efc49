from django.core.management.base import BaseCommand
from django.db import connection, transaction

from audit.grants import app_role_grants


class Command(BaseCommand):
    help = (
        "Grant the web app's database role what it needs, and no more: it may add to the history and the access "
        "log but not change or delete them. Run as the owner of the tables after every migration."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", help="the database role the web app connects as (not the owner)")
        parser.add_argument("--print", action="store_true", help="print the SQL instead of running it")

    def handle(self, *args, role, **options):
        statements = app_role_grants(role)
        if options["print"]:
            self.stdout.write(";\n".join(statements) + ";")
            return
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(f"{len(statements)} grants for {role}.")
