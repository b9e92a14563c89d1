"""The report's tables as an Excel workbook (one sheet each) or as a CSV file per table.

CSV starts with a byte order mark: without it Excel reads UTF-8 as the
Windows code page and Vietnamese turns to mojibake. Numbers are written as
plain digits (4238, not 4.238) so spreadsheets read them as numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .tables import Row, Table

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
SHEET_NAME_MAX = 31
NUMBER_FORMAT = "#,##0"  # Excel shows it with the reader's own separators: 4.238 in Vietnamese
DATE_FORMAT = "DD/MM/YYYY"
#: A cell starting with one of these runs as a formula in Excel or LibreOffice (CSV injection):
#: readers' comments go into these files, e.g. '=HYPERLINK("http://…","Bấm vào đây")'.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\ and unique in the workbook."""
    name = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:SHEET_NAME_MAX] or "Sheet"
    candidate, number = name, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = name[: SHEET_NAME_MAX - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def _write_row(sheet, row: Sequence[Any], *, bold: bool = False) -> None:
    sheet.append(list(row))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, bool):
            continue
        if cell.data_type == "f":  # openpyxl takes text starting with "=" for a formula: keep it text
            cell.data_type = "s"
        if isinstance(cell.value, int):
            cell.number_format = NUMBER_FORMAT
        elif isinstance(cell.value, dt.date):
            cell.number_format = DATE_FORMAT
        if bold:
            cell.font = Font(bold=True)


def workbook(tables: Sequence[Table]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.title, taken))
        _write_row(sheet, [column.label for column in table.columns], bold=True)
        for cell in sheet[1]:
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        for row in table.rows:
            _write_row(sheet, row.cells)
        if table.total is not None:
            _write_row(sheet, table.total.cells, bold=True)
        if table.note:
            sheet.append([])
            sheet.append([table.note])
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # shown as text by spreadsheets (OWASP's advice against CSV injection)
    return value


def csv_text(table: Table) -> str:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([column.label for column in table.columns])
    rows: list[Row] = [*table.rows, *([table.total] if table.total else [])]
    for row in rows:
        writer.writerow([_csv_value(value) for value in row.cells])
    return BOM + output.getvalue()


def attachment(content: bytes | str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(tables: Sequence[Table], filename: str) -> HttpResponse:
    return attachment(workbook(tables), filename, XLSX_CONTENT_TYPE)


def csv_response(table: Table, filename: str) -> HttpResponse:
    return attachment(csv_text(table).encode("utf-8"), filename, "text/csv; charset=utf-8")
