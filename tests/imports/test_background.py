"""A large export is done in the background by `manage.py run_imports` (cron or --loop): it takes queued runs with
SKIP LOCKED, reports progress on a connection of its own while the import's transaction is open, and a run
whose worker died is marked as stopped with nothing imported."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import reverse
from django.utils import timezone

from families.models import Child
from imports import services
from imports.models import ImportRun
from imports.progress import Progress

DEMO = Path(__file__).resolve().parents[2] / "demo" / "planning_export.csv"
Status = ImportRun.Status


def _queued(new_organisation, settings) -> ImportRun:
    settings.IMPORT_INLINE_ROWS = 50  # the demo export (230 rows) then goes to the worker
    organisation, _groups, admin = new_organisation
    run = services.run_upload(organisation=organisation, by=admin, content=DEMO.read_bytes(), file_name="demo.csv")
    return services.run_map(run=run, by=admin, columns=run.columns)


@pytest.mark.django_db
def test_a_large_file_waits_for_the_worker_which_does_the_dry_run_and_then_the_import(new_organisation, settings):
    run = _queued(new_organisation, settings)
    assert run.status == Status.CHECK_QUEUED
    call_command("run_imports")
    run.refresh_from_db()
    assert run.status == Status.CHECKED
    assert run.processed_rows == run.total_rows
    run = services.run_start_import(run=run, by=new_organisation[2])
    assert run.status == Status.IMPORT_QUEUED
    assert not Child.objects.exists()
    call_command("run_imports")
    run.refresh_from_db()
    assert run.status == Status.IMPORTED
    assert Child.objects.count() == run.report["counts"]["child"]["created"] >= 200


@pytest.mark.django_db
def test_the_progress_endpoint_tells_the_page_how_far_the_run_is(new_organisation, settings, client):
    run = _queued(new_organisation, settings)
    ImportRun.objects.filter(pk=run.pk).update(status=Status.CHECKING, processed_rows=115)
    client.force_login(new_organisation[2])
    status = client.get(reverse("imports:status", args=[run.pk])).json()
    assert status == {
        "status": "checking",
        "label": str(Status.CHECKING.label),
        "processed": 115,
        "total": 230,
        "percent": 50,
        "busy": True,
    }
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert 'data-status-url="/organisation/import/' in page and "js/import_progress.js" in page


@pytest.mark.django_db(transaction=True)
def test_progress_is_written_on_its_own_connection_so_the_page_sees_it_during_the_import(new_organisation, settings):
    run = _queued(new_organisation, settings)
    progress = Progress(run_pk=run.pk, total_rows=run.total_rows, live=True)
    try:
        from django.db import transaction

        with transaction.atomic():
            progress(0.5)
            # Another connection (the status page's) sees it while this transaction is still open.
            other = connections.create_connection(DEFAULT_DB_ALIAS)
            try:
                with other.cursor() as cursor:
                    cursor.execute("SELECT processed_rows FROM imports_importrun WHERE id = %s", [run.pk])
                    assert cursor.fetchone() == (115,)
            finally:
                other.close()
    finally:
        progress.close()


@pytest.mark.django_db(transaction=True)
def test_a_run_another_worker_holds_is_skipped(new_organisation, settings):
    run = _queued(new_organisation, settings)
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        other.set_autocommit(False)
        with other.cursor() as cursor:
            cursor.execute("SELECT id FROM imports_importrun WHERE id = %s FOR UPDATE", [run.pk])
        assert services.process_next(live=False) is None
        other.rollback()
    finally:
        other.close()
    assert services.process_next(live=False).status == Status.CHECKED


@pytest.mark.django_db
def test_a_run_whose_worker_died_is_marked_stopped_and_old_files_are_emptied(new_organisation, settings):
    run = _queued(new_organisation, settings)
    ImportRun.objects.filter(pk=run.pk).update(
        status=Status.IMPORTING, heartbeat_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    old = _queued(new_organisation, settings)
    services.run_process(run_pk=old.pk, live=False)
    ImportRun.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    assert services.runs_tidy() == {"stopped": 1, "emptied": 1}
    run.refresh_from_db()
    old.refresh_from_db()
    assert (run.status, bytes(run.content)) == (Status.FAILED, b"")
    assert (old.status, bytes(old.content)) == (Status.CANCELLED, b"")
    assert "changes" not in old.report and old.report["rows_total"] == 230
    assert services.runs_tidy() == {"stopped": 0, "emptied": 0}
