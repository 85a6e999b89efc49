"""The import pages, as the organisation admin uses them: upload, columns, dry run, import."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from families.models import Child
from imports.models import ImportMapping, ImportRun

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "demo" / "planning_export.csv"


@pytest.fixture
def admin_client(client, new_organisation):
    client.force_login(new_organisation[2])
    return client


def test_upload_columns_dry_run_and_import_through_the_pages(admin_client):
    upload = SimpleUploadedFile("export.csv", DEMO.read_bytes(), content_type="text/csv")
    response = admin_client.post(reverse("imports:index"), {"file": upload})
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("imports:columns", args=[run.pk])

    page = admin_client.get(reverse("imports:columns", args=[run.pk]))
    form = page.context["form"]
    assert form["child_id"].value() == "Kindnummer"
    posted = {name: form[name].value() or "" for name in form.fields}
    response = admin_client.post(reverse("imports:columns", args=[run.pk]), {**posted, "save_as": "Kindplanner"})
    assert response["Location"] == reverse("imports:run", args=[run.pk])
    assert ImportMapping.objects.filter(name="Kindplanner").exists()

    page = admin_client.get(reverse("imports:run", args=[run.pk]))
    text = page.content.decode()
    assert page.context["report"]["counts"]["child"]["created"] >= 200
    assert reverse("imports:start", args=[run.pk]) in text
    assert not Child.objects.exists()

    admin_client.post(reverse("imports:start", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.IMPORTED
    assert Child.objects.count() == run.report["counts"]["child"]["created"]


def test_a_file_that_is_not_a_csv_gets_a_clear_refusal_on_the_page(admin_client):
    upload = SimpleUploadedFile("export.csv", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="text/csv")
    response = admin_client.post(reverse("imports:index"), {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ImportRun.objects.exists()


def test_a_mapping_without_a_required_column_is_refused_on_the_page(admin_client):
    upload = SimpleUploadedFile("export.csv", DEMO.read_bytes(), content_type="text/csv")
    admin_client.post(reverse("imports:index"), {"file": upload})
    run = ImportRun.objects.get()
    form = admin_client.get(reverse("imports:columns", args=[run.pk])).context["form"]
    posted = {name: form[name].value() or "" for name in form.fields}
    posted["group"] = ""
    response = admin_client.post(reverse("imports:columns", args=[run.pk]), posted)
    assert response.status_code == 200
    assert "group" in response.context["form"].errors
    run.refresh_from_db()
    assert run.status == ImportRun.Status.MAPPING


def test_a_put_aside_file_is_emptied_and_cannot_be_imported(admin_client):
    upload = SimpleUploadedFile("export.csv", DEMO.read_bytes(), content_type="text/csv")
    admin_client.post(reverse("imports:index"), {"file": upload})
    run = ImportRun.objects.get()
    admin_client.post(reverse("imports:cancel", args=[run.pk]))
    run.refresh_from_db()
    assert (run.status, bytes(run.content)) == (ImportRun.Status.CANCELLED, b"")
    admin_client.post(reverse("imports:start", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED
    assert not Child.objects.exists()
