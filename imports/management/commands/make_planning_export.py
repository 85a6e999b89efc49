import datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from imports.sample import export_csv, export_rows


class Command(BaseCommand):
    help = (
        "Write a fictional planning-system export (CSV, shaped like Kindplanner or Flexkids) for a demo or a timing "
        "of the import; demo/planning_export.csv was made with the defaults."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--children", type=int, default=230)
        parser.add_argument("--seed", type=int, default=14)
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 12, 1))

    def handle(self, *args, path, children, seed, today, **options):
        rows = export_rows(children=children, seed=seed, today=today)
        path.write_bytes(export_csv(rows))
        families = len({row["Relatienummer"] for row in rows})
        self.stdout.write(f"{path}: {len(rows)} children in {families} families")
