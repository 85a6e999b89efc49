"""The planning-system import: upload, choose the columns, dry run, import. A small file is checked and imported
while the admin waits; a large one is queued and done by `manage.py run_imports` (cron, or `--loop` beside the
web server), which takes queued runs with SELECT ... FOR UPDATE SKIP LOCKED, so that two workers never take
the same run, while the page shows the progress. The import runs in one transaction: it is all there, or
nothing is."""

import datetime
import logging

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imports.fields import BY_KEY, REQUIRED, suggested_mapping
from imports.models import ImportMapping, ImportRun
from imports.planning import build_plan
from imports.progress import Progress
from imports.reader import read_table
from imports.writing import execute
from organisations.models import Organisation

logger = logging.getLogger(__name__)
Status = ImportRun.Status


def _cell_text(value) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, datetime.date) else str(value)


@transaction.atomic
def run_upload(*, organisation: Organisation, by, content: bytes, file_name: str) -> ImportRun:
    """Read the file (refused as a whole when it cannot be read) and suggest the columns: a saved mapping whose
    columns are all in the file, or else the names common exports use."""
    table = read_table(content)
    saved = next((m for m in ImportMapping.objects.filter(organisation=organisation) if m.fits(table.headers)), None)
    return ImportRun.objects.create(
        organisation=organisation,
        created_by=by,
        file_name=file_name[:255],
        content=content,
        file_format=table.file_format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        headers=table.headers,
        sample=[_cell_text(value) for value in table.rows[0][1]],
        total_rows=len(table.rows),
        columns=saved.columns if saved else suggested_mapping(table.headers),
    )


def check_columns(columns: dict, headers: list[str]) -> dict:
    """Only known fields and the file's own columns; every required field has a column."""
    columns = {key: header for key, header in columns.items() if key in BY_KEY and header}
    if any(header not in headers for header in columns.values()):
        raise ValidationError(_("Choose columns of this file."))
    missing = [str(BY_KEY[key].label) for key in REQUIRED if key not in columns]
    if missing:
        raise ValidationError(_("Choose a column for: %(fields)s.") % {"fields": ", ".join(missing)})
    return columns


def run_map(*, run: ImportRun, by, columns: dict, save_as: str = "") -> ImportRun:
    """Keep the chosen columns (and save them under a name, to use again) and start the dry run."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status not in (Status.MAPPING, Status.CHECKED):
            raise ValidationError(_("This file is already being imported or was imported."))
        run.columns = check_columns(columns, run.headers)
        if save_as.strip():
            ImportMapping.objects.update_or_create(
                organisation_id=run.organisation_id,
                name=save_as.strip()[:100],
                defaults={"columns": run.columns, "created_by": by},
            )
        run.status = Status.CHECK_QUEUED
        run.processed_rows = 0
        run.report = {}
        run.save(update_fields=["columns", "status", "processed_rows", "report"])
    return _maybe_now(run)


def run_start_import(*, run: ImportRun, by) -> ImportRun:
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != Status.CHECKED:
            raise ValidationError(_("Do the dry run first."))
        if not run.report.get("rows_ok"):
            raise ValidationError(_("No row can be imported: correct the file and upload it again."))
        run.status = Status.IMPORT_QUEUED
        run.processed_rows = 0
        run.save(update_fields=["status", "processed_rows"])
    return _maybe_now(run)


@transaction.atomic
def run_cancel(*, run: ImportRun, by) -> ImportRun:
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status not in (Status.MAPPING, Status.CHECKED, *ImportRun.QUEUED):
        raise ValidationError(_("This run can no longer be cancelled."))
    run.status = Status.CANCELLED
    run.content = b""
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "content", "finished_at"])
    return run


@transaction.atomic
def mapping_delete(*, mapping: ImportMapping, by) -> None:
    mapping.delete()


def _maybe_now(run: ImportRun) -> ImportRun:
    """A small file is done while the admin waits; a large one waits for the worker."""
    if run.total_rows <= settings.IMPORT_INLINE_ROWS:
        run_process(run_pk=run.pk, live=False)
    run.refresh_from_db()
    return run


def _claim(queryset) -> ImportRun | None:
    """Take one queued run for this process: another worker skips the row while it is locked here."""
    with transaction.atomic():
        run = queryset.select_for_update(skip_locked=True).filter(status__in=ImportRun.QUEUED).first()
        if run is None:
            return None
        run.status = Status.CHECKING if run.status == Status.CHECK_QUEUED else Status.IMPORTING
        run.started_at = run.heartbeat_at = timezone.now()
        run.save(update_fields=["status", "started_at", "heartbeat_at"])
        return run


def run_process(*, run_pk: int, live: bool = True) -> ImportRun | None:
    """Do the dry run or the import of one queued run. `live`: report progress on a connection of its own."""
    run = _claim(ImportRun.objects.filter(pk=run_pk))
    return _process(run, live=live) if run is not None else None


def process_next(*, live: bool = True) -> ImportRun | None:
    run = _claim(ImportRun.objects.order_by("created_at", "pk"))
    return _process(run, live=live) if run is not None else None


def _process(run: ImportRun, *, live: bool) -> ImportRun:
    progress = Progress(run_pk=run.pk, total_rows=run.total_rows, live=live)
    try:
        table = read_table(bytes(run.content))
        organisation = run.organisation
        if run.status == Status.CHECKING:
            plan = build_plan(organisation=organisation, table=table, columns=run.columns, progress=progress)
            _finish(run, Status.CHECKED, report=plan.report())
        else:
            # The history of every record written says who imported it, and from which run.
            with transaction.atomic(), pghistory.context(user=run.created_by_id, url=f"import run {run.pk}"):
                # One import of an organisation at a time: a second waits here for the first to finish.
                Organisation.objects.select_for_update().filter(pk=organisation.pk).exists()
                # Foreign keys are checked per statement, not queued to the commit: pghistory's trigger opens a
                # subtransaction per row, and PostgreSQL walks the whole queue of deferred checks at each one's
                # end (10,000 rows: about a minute instead of 15 seconds). The rows are written parents first.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                plan = build_plan(organisation=organisation, table=table, columns=run.columns, progress=progress)
                execute(plan, organisation=organisation, run=run, progress=progress)
                _finish(run, Status.IMPORTED, report=plan.report())
    except Exception as error:
        logger.exception("Import run %s stopped", run.pk)
        message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)[:500]
        _finish(run, Status.FAILED, error=message)
    finally:
        progress.close()
    run.refresh_from_db()
    return run


def _finish(run: ImportRun, status: str, *, report: dict | None = None, error: str = "") -> None:
    run.status = status
    run.processed_rows = run.total_rows
    run.finished_at = timezone.now()
    fields = ["status", "processed_rows", "finished_at"]
    if report is not None:
        run.report = report
        fields.append("report")
    if error:
        run.error = error
        fields.append("error")
    if status in ImportRun.FINISHED:
        run.content = b""  # the file holds families' personal data: kept no longer than needed
        fields.append("content")
    run.save(update_fields=fields)


@transaction.atomic
def runs_tidy(*, now=None) -> dict:
    """Runs whose worker died are marked stopped (their transaction rolled back: nothing was imported); files
    of runs left unfinished are emptied after IMPORT_KEEP_DAYS, and the row-by-row reports with the names in
    them too."""
    now = now or timezone.now()
    stale = now - datetime.timedelta(minutes=settings.IMPORT_STALE_MINUTES)
    stopped = ImportRun.objects.filter(status__in=ImportRun.RUNNING, heartbeat_at__lt=stale).update(
        status=Status.FAILED,
        error=_("The import stopped before it was done. Nothing was imported; start it again."),
        content=b"",
        finished_at=now,
    )
    old = now - datetime.timedelta(days=settings.IMPORT_KEEP_DAYS)
    emptied = 0
    for run in ImportRun.objects.filter(created_at__lt=old).exclude(content=b"", report__has_key="counts_only"):
        run.content = b""
        run.report = {"counts": run.report.get("counts", {}), "counts_only": True, **_totals(run.report)}
        if run.status in (Status.MAPPING, Status.CHECKED, *ImportRun.QUEUED):
            run.status = Status.CANCELLED
        run.save(update_fields=["content", "report", "status"])
        emptied += 1
    return {"stopped": stopped, "emptied": emptied}


def _totals(report: dict) -> dict:
    keys = ("rows_total", "rows_ok", "rows_skipped", "error_count", "change_count")
    return {key: report[key] for key in keys if key in report}
