"""Reading an upload (imports/reader.py): what Dutch planning systems and Excel write is read; anything else is
refused as a whole, in plain words."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from openpyxl import Workbook

from imports.reader import read_table

HEADER = "Kindnummer;Roepnaam kind;Geboortedatum kind;Groep"


@pytest.fixture(autouse=True)
def in_english():
    """The refusals are written in the admin's language; these tests read the English ones."""
    with translation.override("en"):
        yield


ROW = "1001;Zoë;31-12-2024;Appeltjes"


def _refusal(content: bytes) -> str:
    with pytest.raises(ValidationError) as refused:
        read_table(content)
    return " ".join(refused.value.messages)


def test_a_dutch_excel_csv_with_a_byte_order_mark_and_semicolons_is_read():
    table = read_table(("\ufeff" + HEADER + "\r\n" + ROW + "\r\n").encode("utf-8"))
    assert table.headers == ["Kindnummer", "Roepnaam kind", "Geboortedatum kind", "Groep"]
    assert table.rows == [(2, ["1001", "Zoë", "31-12-2024", "Appeltjes"])]
    assert (table.delimiter, table.encoding) == (";", "utf-8")


def test_latin_1_from_an_older_excel_keeps_its_accents():
    table = read_table((HEADER + "\n" + ROW + "\n").encode("cp1252"))
    assert table.rows[0][1][1] == "Zoë"
    assert table.encoding == "windows-1252"


def test_commas_and_quoted_cells_are_read():
    table = read_table(b'Kindnummer,Naam,Groep\n1001,"de Vries, Noah",Appeltjes\n')
    assert table.delimiter == ","
    assert table.rows[0][1] == ["1001", "de Vries, Noah", "Appeltjes"]


def test_empty_lines_are_skipped_and_row_numbers_stay_as_the_spreadsheet_shows_them():
    table = read_table((HEADER + "\n\n" + ROW + "\n;;;\n" + ROW.replace("1001", "1002") + "\n").encode())
    assert [number for number, _cells in table.rows] == [3, 5]


def test_a_short_row_is_filled_and_a_long_one_refused_with_its_row_number():
    table = read_table((HEADER + "\n1001;Zoë\n").encode())
    assert table.rows[0][1] == ["1001", "Zoë", "", ""]
    assert "Row 3" in _refusal((HEADER + "\n" + ROW + "\n" + ROW + ";extra\n").encode())


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"GIF89a\x01\x00\x01\x00",
        b"\x00\x01\x02binary\x00stuff",
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(content):
    assert "not a CSV or Excel file" in _refusal(content)


def test_a_zip_that_is_no_workbook_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    assert "Excel workbook" in _refusal(buffer.getvalue())


def test_empty_files_and_lines_without_columns_are_refused():
    assert "empty" in _refusal(b"  \n")
    assert "no columns" in _refusal(b"zomaar wat tekst\nnog een regel\n")
    assert "no rows" in _refusal((HEADER + "\n").encode())


def test_a_column_name_twice_or_missing_is_refused():
    assert "appears twice" in _refusal(b"Groep;groep\n1;2\n")
    assert "Column 2 has no name" in _refusal(b"Groep;;Naam\n1;2;3\n")


def test_too_many_rows_are_refused(settings):
    settings.IMPORT_MAX_ROWS = 3
    assert "at most 3" in _refusal((HEADER + "\n" + "\n".join([ROW] * 4)).encode())


def test_a_file_too_large_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 100
    assert "larger than" in _refusal((HEADER + "\n" + "\n".join([ROW] * 10)).encode())


def test_an_excel_workbook_is_read_with_its_dates_and_numbers():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Kindnummer", "Roepnaam kind", "Geboortedatum kind", "Groep"])
    sheet.append([1001.0, "Noah", datetime.datetime(2024, 12, 31), "Appeltjes"])
    sheet.append([None, None, None, None])
    sheet.append([1002, "Mila", "31-12-2023", "Peertjes"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue())
    assert table.file_format == "xlsx"
    assert table.rows == [
        (2, ["1001", "Noah", datetime.date(2024, 12, 31), "Appeltjes"]),
        (4, ["1002", "Mila", "31-12-2023", "Peertjes"]),
    ]
