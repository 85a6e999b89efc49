"""Reading an uploaded export into a header row and data rows, by its content rather than its name: an Excel
workbook (openpyxl) or delimited text (Python's csv module) in UTF-8 with or without a byte order mark, or in
Windows-1252/Latin-1 as older Dutch Excel writes it, separated by semicolons (Dutch Excel), commas or tabs.
Anything else is refused as a whole, in plain words, before anything is imported."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"
# Signatures of files that are certainly not a spreadsheet export.
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")
DELIMITERS = ";,\t|"


@dataclass
class Table:
    headers: list[str]
    # (row number as a spreadsheet shows it: the header is row 1, the first data row 2; the cells)
    rows: list[tuple[int, list]] = field(default_factory=list)
    file_format: str = "csv"
    encoding: str = ""
    delimiter: str = ""


def refuse(message: str):
    raise ValidationError(message, code="unreadable")


def read_table(content: bytes) -> Table:
    if not content.strip():
        refuse(_("The file is empty."))
    if len(content) > settings.IMPORT_MAX_BYTES:
        refuse(_("The file is larger than %(mb)d MB. Export fewer columns or split it.") % {"mb": _mb()})
    if content.startswith(XLSX_MAGIC):
        table = _read_xlsx(content)
    elif content.startswith(BINARY_MAGIC) or b"\x00" in content[:4096]:
        refuse(_("This is not a CSV or Excel file. Export the list from your planning system as CSV or Excel (.xlsx)."))
    else:
        table = _read_text(content)
    _check_headers(table.headers)
    if not table.rows:
        refuse(_("The file has column names but no rows below them."))
    if len(table.rows) > settings.IMPORT_MAX_ROWS:
        refuse(
            _("The file has %(n)d rows; at most %(max)d can be imported at once. Split the file.")
            % {"n": len(table.rows), "max": settings.IMPORT_MAX_ROWS}
        )
    return table


def _mb() -> int:
    return settings.IMPORT_MAX_BYTES // (1024 * 1024)


def _decoded(content: bytes) -> tuple[str, str]:
    try:
        return content.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return content.decode("latin-1"), "latin-1"


def _read_text(content: bytes) -> Table:
    text, encoding = _decoded(content)
    controls = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\t\r\n")
    if controls:
        refuse(_("This is not a CSV or Excel file. Export the list from your planning system as CSV or Excel (.xlsx)."))
    first_line = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    # The separator that splits the header line into the most columns (Sniffer guesses wrong on short files).
    delimiter = max(DELIMITERS, key=first_line.count)
    if first_line.count(delimiter) == 0:
        refuse(
            _(
                "The file's first line has no columns separated by semicolons, commas or tabs. The first line must "
                "hold the column names."
            )
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as error:
        refuse(
            _("The file cannot be read as CSV (line %(line)d): %(error)s") % {"line": reader.line_num, "error": error}
        )
    headers = [cell.strip().lstrip("\ufeff") for cell in lines[0]]
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if len(cells) > len(headers) and any(cells[len(headers) :]):
            refuse(
                _(
                    "Row %(row)d has more cells (%(cells)d) than the first line has column names (%(columns)d). "
                    "Is a separator missing from the column names, or is there a separator inside a cell without "
                    "quotes?"
                )
                % {"row": number, "cells": len(cells), "columns": len(headers)}
            )
        rows.append((number, (cells + [""] * len(headers))[: len(headers)]))
    return Table(headers, rows, "csv", encoding, delimiter)


def _cell(value):
    """An Excel cell as the import reads it: dates as dates, whole numbers without ".0", the rest as text."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(content: bytes) -> Table:
    # openpyxl parses the workbook's XML with defusedxml when it is installed (requirements.txt).
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > 20 * settings.IMPORT_MAX_BYTES:
            refuse(_("This Excel file unpacks to far more than it holds. Export it again, or as CSV."))
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except ValidationError:
        raise
    except Exception:  # openpyxl raises many kinds of error for a damaged or foreign zip file
        refuse(_("This file cannot be read as an Excel workbook (.xlsx). Export it again, or as CSV."))
    try:
        lines = list(workbook.active.iter_rows(values_only=True))
    finally:
        workbook.close()
    if not lines:
        refuse(_("The file is empty."))
    headers = [str(_cell(value)) for value in lines[0]]
    while headers and not headers[-1]:
        headers.pop()
    rows = []
    for number, values in enumerate(lines[1:], start=2):
        cells = [_cell(value) for value in values]
        if not any(cell != "" for cell in cells):
            continue
        rows.append((number, (cells + [""] * len(headers))[: len(headers)]))
    return Table(headers, rows, "xlsx")


def _check_headers(headers: list[str]) -> None:
    if not any(headers):
        refuse(_("The first line must hold the column names, and it is empty."))
    if "" in headers:
        position = headers.index("") + 1
        refuse(_("Column %(n)d has no name in the first line. Give every column a name.") % {"n": position})
    seen = set()
    for header in headers:
        if header.lower() in seen:
            refuse(_("The column name “%(name)s” appears twice. Give every column its own name.") % {"name": header})
        seen.add(header.lower())
