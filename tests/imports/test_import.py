"""The planning-system import (imports/): a dry run first, then the import; the same file twice changes nothing, a
changed file updates only what changed (matched on the planning system's ids), bad rows are skipped with their
family and an error in plain words, and a failure leaves nothing imported."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from families.models import Caregiver, Child, Family, Placement
from imports import services
from imports.models import ImportedRecord, ImportMapping, ImportRun
from imports.sample import HEADERS, export_csv, export_rows
from tests.test_access_matrix import DatabaseWatch

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """The report's messages are written in the admin's language; these tests read the English ones."""
    with translation.override("en"):
        yield


DEMO = Path(__file__).resolve().parents[2] / "demo" / "planning_export.csv"
Status = ImportRun.Status


def _dry_run(organisation, admin, content: bytes, **mapping) -> ImportRun:
    run = services.run_upload(organisation=organisation, by=admin, content=content, file_name="export.csv")
    return services.run_map(run=run, by=admin, columns={**run.columns, **mapping})


def _import(organisation, admin, content: bytes) -> ImportRun:
    run = _dry_run(organisation, admin, content)
    assert run.status == Status.CHECKED, run.error
    return services.run_start_import(run=run, by=admin)


def _rows(**changes) -> list[dict]:
    """Three children in two families: Noah and Mila de Vries (two parents), Adam El Amrani (one)."""
    base = {
        "Relatienummer": "501",
        "Kindnummer": "1",
        "Roepnaam kind": "Noah",
        "Tussenvoegsel kind": "de",
        "Achternaam kind": "Vries",
        "Geboortedatum kind": "14-03-2024",
        "Locatie": "De Boomgaard",
        "Groep": "Appeltjes",
        "Plaatsingsnummer": "9001",
        "Ingangsdatum plaatsing": "01-09-2024",
        "Ouder 1 nummer": "71",
        "Ouder 1 voornaam": "Anouk",
        "Ouder 1 tussenvoegsel": "de",
        "Ouder 1 achternaam": "Vries",
        "Ouder 1 e-mail": "anouk@example.nl",
        "Ouder 1 telefoon": "06-11111111",
        "Ouder 1 relatie": "moeder",
        "Ouder 1 gezag": "Ja",
        "Ouder 2 nummer": "72",
        "Ouder 2 voornaam": "Bas",
        "Ouder 2 tussenvoegsel": "de",
        "Ouder 2 achternaam": "Vries",
        "Ouder 2 gezag": "ja",
    }
    mila = {**base, "Kindnummer": "2", "Roepnaam kind": "Mila", "Geboortedatum kind": "02-02-2022"}
    mila.update({"Groep": "Peertjes", "Plaatsingsnummer": "9002", "Ingangsdatum plaatsing": "15-01-2024"})
    adam = {
        "Relatienummer": "502",
        "Kindnummer": "3",
        "Roepnaam kind": "Adam",
        "Achternaam kind": "El Amrani",
        "Geboortedatum kind": "20-06-2019",
        "Locatie": "Het Vlot",
        "Groep": "Kapiteins",
        "Plaatsingsnummer": "9003",
        "Ingangsdatum plaatsing": "01-08-2023",
        "Ouder 1 nummer": "73",
        "Ouder 1 voornaam": "Naima",
        "Ouder 1 achternaam": "El Amrani",
        "Ouder 1 gezag": "Ja",
    }
    rows = [base, mila, adam]
    for index, row_changes in changes.items():
        rows[int(index.removeprefix("row"))].update(row_changes)
    return rows


def test_the_demo_export_is_shaped_like_a_planning_system_export_with_over_200_children():
    rows = DEMO.read_bytes().decode("utf-8-sig").splitlines()
    assert rows[0].split(";") == HEADERS
    children = {row.split(";")[1] for row in rows[1:]}
    assert len(children) >= 200


def test_the_demo_export_dry_run_then_import_then_again_changes_nothing(new_organisation):
    organisation, _groups, admin = new_organisation
    dry = _dry_run(organisation, admin, DEMO.read_bytes())
    assert dry.status == Status.CHECKED
    assert dry.report["error_count"] == 0
    children = dry.report["counts"]["child"]["created"]
    assert children >= 200
    assert not Child.objects.filter(family__organisation=organisation).exists()  # the dry run wrote nothing

    done = services.run_start_import(run=dry, by=admin)
    assert done.status == Status.IMPORTED
    assert Child.objects.filter(family__organisation=organisation).count() == children
    assert Placement.objects.filter(child__family__organisation=organisation).count() == children
    assert not Family.objects.filter(organisation=organisation, caregivers__isnull=True).exists()
    assert done.content == b""  # the file with families' data is not kept once imported

    watch = DatabaseWatch()
    again = _import(organisation, admin, DEMO.read_bytes())
    counts = again.report["counts"]
    assert {kind: (c["created"], c["updated"]) for kind, c in counts.items()} == dict.fromkeys(counts, (0, 0))
    # Nothing but the run itself was written.
    assert watch.changed_tables() == ["imports_importrun"]


def test_dutch_dates_names_with_prefixes_and_parental_authority_are_imported(new_organisation):
    organisation, groups, admin = new_organisation
    _import(organisation, admin, export_csv(_rows(row2={"Ouder 1 gezag": "Nee"})))
    noah = Child.objects.get(first_name="Noah")
    assert (noah.last_name, noah.date_of_birth) == ("de Vries", datetime.date(2024, 3, 14))
    assert noah.family.name == "De Vries"
    placement = noah.placements.get()
    assert (placement.group, placement.start_date) == (groups["Appeltjes"], datetime.date(2024, 9, 1))
    assert sorted(noah.family.caregivers.values_list("first_name", "email", "has_parental_authority")) == [
        ("Anouk", "anouk@example.nl", True),
        ("Bas", "", True),
    ]
    assert Child.objects.get(first_name="Mila").family == noah.family
    assert Caregiver.objects.get(first_name="Naima").has_parental_authority is False


def test_a_changed_file_updates_only_what_changed_and_keeps_a_correction_made_in_the_app(new_organisation):
    organisation, _groups, admin = new_organisation
    _import(organisation, admin, export_csv(_rows()))
    bas = Caregiver.objects.get(first_name="Bas")
    bas.phone = "06-99999999"  # corrected in the app; the planning system never had a phone for Bas
    bas.save()
    family = Family.objects.get(name="De Vries")

    changed = _rows(
        row0={"Ouder 1 telefoon": "06-22222222"}, row2={"Groep": "Kapiteins", "Einddatum plaatsing": "31-07-2027"}
    )
    run = _import(organisation, admin, export_csv(changed))
    counts = run.report["counts"]
    assert (counts["caregiver"]["updated"], counts["placement"]["updated"], counts["child"]["updated"]) == (1, 1, 0)
    assert Caregiver.objects.get(first_name="Anouk").phone == "06-22222222"
    assert Caregiver.objects.get(first_name="Bas").phone == "06-99999999"
    assert Placement.objects.get(child__first_name="Adam").end_date == datetime.date(2027, 7, 31)
    family.refresh_from_db()
    assert family.version == 1  # the family itself did not change


def test_a_new_family_name_moves_the_familys_version(new_organisation):
    organisation, _groups, admin = new_organisation
    _import(organisation, admin, export_csv(_rows()))
    rows = _rows(row0={"Achternaam kind": "Vries-Bakker"}, row1={"Achternaam kind": "Vries-Bakker"})
    _import(organisation, admin, export_csv(rows))
    family = Family.objects.get(caregivers__first_name="Anouk")
    assert (family.name, family.version) == ("De Vries-Bakker", 2)
    assert Child.objects.get(first_name="Noah").last_name == "de Vries-Bakker"


def test_an_unknown_group_skips_the_row_and_its_family_with_a_plain_error(new_organisation):
    organisation, _groups, admin = new_organisation
    run = _dry_run(organisation, admin, export_csv(_rows(row1={"Groep": "Vlinders"})))
    errors = dict(run.report["errors"])
    assert "There is no group “Vlinders” at location “De Boomgaard”" in errors[3]
    # Noah is in the same family: he waits too, so the family is not imported half.
    assert "row 3 of the same family" in errors[2]
    assert run.report["rows_ok"] == 1
    services.run_start_import(run=run, by=admin)
    assert list(Child.objects.filter(family__organisation=organisation).values_list("first_name", flat=True)) == [
        "Adam"
    ]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"Geboortedatum kind": "31-02-2024"}, "Geboortedatum kind “31-02-2024” is not a date"),
        ({"Geboortedatum kind": "01-01-2099"}, "Geboortedatum kind “01-01-2099” lies in the future"),
        ({"Ingangsdatum plaatsing": ""}, "Ingangsdatum plaatsing is empty"),
        ({"Einddatum plaatsing": "01-01-2020"}, "Einddatum plaatsing “01-01-2020” lies before the first day"),
        ({"Ouder 1 voornaam": "", "Ouder 1 achternaam": ""}, "no parent or caregiver in the file"),
        ({"Ouder 1 e-mail": "anouk-at-example"}, "is not an e-mail address"),
        ({"Ouder 1 gezag": "misschien"}, "write yes or no"),
        ({"Kindnummer": ""}, "Kindnummer is empty"),
    ],
)
def test_a_bad_row_gets_an_error_in_plain_words(change, message, new_organisation):
    organisation, _groups, admin = new_organisation
    run = _dry_run(organisation, admin, export_csv(_rows(row2=change)))
    assert message in dict(run.report["errors"])[4]
    assert run.report["rows_ok"] == 2


def test_a_row_twice_is_skipped_once_and_a_conflicting_twin_is_an_error(new_organisation):
    organisation, _groups, admin = new_organisation
    rows = _rows()
    run = _dry_run(organisation, admin, export_csv([*rows, rows[2]]))
    assert dict(run.report["notes"]) == {5: "The same as row 4: skipped."}
    assert run.report["error_count"] == 0
    assert run.report["counts"]["child"]["created"] == 3
    conflicting = {**rows[2], "Ingangsdatum plaatsing": "01-09-2023"}
    run = _dry_run(organisation, admin, export_csv([*rows, conflicting]))
    assert "also in row 4" in dict(run.report["errors"])[5]


def test_a_semicolon_latin_1_file_with_a_bom_free_header_is_imported(new_organisation):
    organisation, _groups, admin = new_organisation
    content = export_csv(_rows(row0={"Roepnaam kind": "Zoë"})).decode("utf-8-sig").encode("cp1252")
    _import(organisation, admin, content)
    assert Child.objects.filter(first_name="Zoë").exists()


def test_a_file_that_is_not_a_csv_is_refused_before_anything_is_kept(new_organisation):
    organisation, _groups, admin = new_organisation
    with pytest.raises(ValidationError):
        services.run_upload(organisation=organisation, by=admin, content=b"%PDF-1.4 ...", file_name="export.csv")
    assert not ImportRun.objects.exists()


def test_a_failure_during_the_import_leaves_nothing_imported(new_organisation, monkeypatch):
    organisation, _groups, admin = new_organisation
    run = _dry_run(organisation, admin, DEMO.read_bytes())
    import imports.writing

    real = imports.writing._create

    def fail_at_placements(kind, *args, **kwargs):
        if kind == ImportedRecord.Kind.PLACEMENT:
            raise RuntimeError("disk full")
        return real(kind, *args, **kwargs)

    monkeypatch.setattr(imports.writing, "_create", fail_at_placements)
    run = services.run_start_import(run=run, by=admin)
    assert run.status == Status.FAILED
    assert "disk full" in run.error
    assert not Family.objects.filter(organisation=organisation).exists()
    assert not ImportedRecord.objects.exists()


def test_columns_are_suggested_saved_under_a_name_and_found_again(new_organisation):
    organisation, _groups, admin = new_organisation
    renamed = export_csv(_rows()).decode("utf-8-sig").replace("Kindnummer", "Kind ID").encode()
    run = services.run_upload(organisation=organisation, by=admin, content=renamed, file_name="flexkids.csv")
    assert "child_id" in run.columns  # "Kind ID" is a name the suggestions know
    columns = {**run.columns, "family_name": "Achternaam kind"}
    services.run_map(run=run, by=admin, columns=columns, save_as="Flexkids")
    assert ImportMapping.objects.get(organisation=organisation, name="Flexkids").columns == columns
    again = services.run_upload(organisation=organisation, by=admin, content=renamed, file_name="flexkids.csv")
    assert again.columns == columns


def test_a_required_field_without_a_column_is_refused(new_organisation):
    organisation, _groups, admin = new_organisation
    run = services.run_upload(organisation=organisation, by=admin, content=export_csv(_rows()), file_name="x.csv")
    columns = {key: header for key, header in run.columns.items() if key != "group"}
    with pytest.raises(ValidationError, match="Group"):
        services.run_map(run=run, by=admin, columns=columns)


def test_an_ambiguous_group_name_asks_for_the_location_column(new_organisation):
    from tests import factories as f

    organisation, groups, admin = new_organisation
    f.GroupFactory(location=groups["Kapiteins"].location, name="Appeltjes")
    run = services.run_upload(organisation=organisation, by=admin, content=export_csv(_rows()), file_name="x.csv")
    columns = {key: header for key, header in run.columns.items() if key != "location"}
    run = services.run_map(run=run, by=admin, columns=columns)
    assert "more than one location" in dict(run.report["errors"])[2]


def test_ten_thousand_rows_are_imported_whole_and_a_second_time_change_nothing(new_organisation, settings, capsys):
    """The timing is printed ([measure]); the requirement (under a minute on this machine) is measured with
    `manage.py make_planning_export` and the run in the README, not asserted on a shared test machine."""
    import time

    settings.IMPORT_INLINE_ROWS = 20_000
    organisation, _groups, admin = new_organisation
    content = export_csv(export_rows(children=10_000, seed=3))
    started = time.perf_counter()
    run = _import(organisation, admin, content)
    elapsed = time.perf_counter() - started
    assert run.status == Status.IMPORTED
    assert run.report["rows_ok"] == 10_000
    assert Child.objects.filter(family__organisation=organisation).count() == 10_000
    again = _dry_run(organisation, admin, content)
    assert again.report["counts"]["child"] == {"created": 0, "updated": 0, "unchanged": 10_000}
    with capsys.disabled():
        print(f"\n[measure] import of 10,000 rows (dry run and import): {elapsed:.1f} s")
