from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.utils import timezone

from partnership.jobs import single_run
from privacy.models import Reason
from privacy.selectors import families_past_retention, months_before, organisations_for_retention
from privacy.services import family_erase


class Command(BaseCommand):
    help = (
        "Erase the files of families whose children all left longer ago than their organisation's retention "
        "period (history and access log included). A dry run unless --apply; prints counts per organisation, "
        "never a family's or a person's name. "
        "Safe to run again: an erased family is gone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="erase them (without it: only say how many)")

    def handle(self, *args, apply=False, **options):
        with single_run("apply_retention") as mine:
            if not mine:
                self.stdout.write("Another server is applying the retention period now: nothing done here.")
                return
            self._apply(apply)

    def _apply(self, apply: bool) -> None:
        today = timezone.localdate()
        if not apply:
            self.stdout.write("Dry run: nothing is erased. Run with --apply to erase.")
        total = failed = 0
        for organisation in organisations_for_retention():
            cutoff = months_before(today, organisation.retention_months)
            families = list(families_past_retention(organisation, today=today))
            label = (
                f"{organisation.name} (retention {organisation.retention_months} months, "
                f"children left before {cutoff:%Y-%m-%d})"
            )
            if not apply:
                self.stdout.write(f"{label}: {len(families)} families would be erased.")
                total += len(families)
                continue
            erased, rows = 0, 0
            for family in families:
                # One transaction per family: a family that cannot be erased does not keep the others.
                try:
                    record = family_erase(family=family, by=None, reason=Reason.RETENTION)
                except ValidationError as error:
                    failed += 1
                    self.stderr.write(f"{label}: family {family.pk} not erased: {' '.join(error.messages)}")
                    continue
                erased += 1
                rows += record.total
            total += erased
            self.stdout.write(f"{label}: {erased} families erased ({rows} records).")
        verb = "erased" if apply else "would be erased"
        self.stdout.write(f"In all: {total} families {verb}" + (f", {failed} could not be erased." if failed else "."))
        if failed:
            raise SystemExit(1)
