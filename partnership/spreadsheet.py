"""CSV downloads a spreadsheet program opens safely and reads right: the health dashboard's export and the
reports' figures."""

import csv

from django.http import HttpResponse


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_download(filename: str):
    """A response to write rows to, and its writer: semicolons (what a Dutch spreadsheet expects, with decimal
    commas) and a byte order mark, so that spreadsheet programs read the accents right."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")
