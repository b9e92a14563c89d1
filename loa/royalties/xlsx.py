"""The payment list as an XLSX file laid out like the paper form accountants sign.

Agency top left, national heading top right, title and month, a bordered
table grouped per payee (one signature cell per payee), the total, the total
in words and three signature blocks; A4 landscape, header row repeated on
every printed page. Numbers stay numbers so the accountant can add them up;
the file is always Vietnamese because the form is.
"""

from __future__ import annotations

import io
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import sheet
from .payroll import Payroll

WIDTHS = (6, 24, 46, 16, 12, 8, 9, 15, 12, 16)
LAST = len(WIDTHS)
FONT_NAME = "Times New Roman"
HEADER_ROW = 8
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")


def _put(
    ws: Worksheet,
    row: int,
    col: int,
    value=None,
    *,
    to_col: int | None = None,
    to_row: int | None = None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: int = 12,
    horizontal: str = "left",
    wrap: bool = False,
    number_format: str | None = None,
):
    cell = ws.cell(row=row, column=col, value=value)
    cell.font = Font(name=FONT_NAME, size=size, bold=bold, italic=italic, underline="single" if underline else None)
    cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=wrap)
    if number_format:
        cell.number_format = number_format
    if (to_col and to_col != col) or (to_row and to_row != row):
        ws.merge_cells(start_row=row, start_column=col, end_row=to_row or row, end_column=to_col or col)
    return cell


def _box(ws: Worksheet, first_row: int, last_row: int) -> None:
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, min_col=1, max_col=LAST):
        for cell in row:
            cell.border = BOX


def _decimal_format(value: Decimal, suffix: str = "") -> str:
    return f"0{suffix}" if Decimal(value) == Decimal(value).to_integral() else f"0.0#{suffix}"


def _heading(ws: Worksheet, payroll: Payroll) -> None:
    parent, agency = sheet.agency_lines(payroll)
    _put(ws, 1, 1, parent or agency, to_col=3, horizontal="center", bold=not parent)
    if parent:
        _put(ws, 2, 1, agency, to_col=3, horizontal="center", bold=True)
    _put(ws, 1, 6, sheet.REPUBLIC, to_col=LAST, horizontal="center", bold=True)
    _put(ws, 2, 6, sheet.MOTTO, to_col=LAST, horizontal="center", bold=True, underline=True)
    _put(ws, 4, 1, sheet.title(), to_col=LAST, horizontal="center", bold=True, size=14)
    _put(ws, 5, 1, sheet.month_line(payroll), to_col=LAST, horizontal="center", bold=True)
    _put(ws, 6, 1, sheet.rules_line(payroll), to_col=LAST, horizontal="center", italic=True)


def _table(ws: Worksheet, payroll: Payroll) -> int:
    """Writes the header, the payees and the total; returns the total's row."""
    for col, label in enumerate(sheet.COLUMNS, start=1):
        _put(ws, HEADER_ROW, col, str(label), horizontal="center", bold=True, wrap=True).fill = HEADER_FILL
    row = HEADER_ROW + 1
    if not payroll.groups:
        _put(ws, row, 1, sheet.empty_line(), to_col=LAST, horizontal="center", italic=True)
        row += 1
    for number, group in enumerate(payroll.groups, start=1):
        first = row
        last = first + len(group.lines)  # the subtotal row
        _put(ws, first, 1, number, to_row=last, horizontal="center")
        _put(ws, first, 2, group.payee.name, to_row=last, wrap=True)
        _put(ws, first, LAST, None, to_row=last)
        for line in group.lines:
            _put(ws, row, 3, line.article.title, wrap=True)
            _put(ws, row, 4, line.genre, wrap=True)
            _put(ws, row, 5, line.published, horizontal="center", number_format="dd/mm/yyyy")
            _put(ws, row, 6, float(line.points), horizontal="center", number_format=_decimal_format(line.points))
            _put(
                ws,
                row,
                7,
                float(line.percent / 100),
                horizontal="center",
                number_format=_decimal_format(line.percent, "%"),
            )
            _put(ws, row, 8, line.amount, horizontal="right", number_format="#,##0")
            _put(ws, row, 9, line.due, horizontal="center", number_format="dd/mm/yyyy")
            row += 1
        _put(ws, row, 3, sheet.subtotal_label(), to_col=7, horizontal="right", bold=True, italic=True)
        _put(ws, row, 8, group.total, horizontal="right", bold=True, number_format="#,##0")
        row += 1
    _put(ws, row, 1, sheet.total_label(), to_col=7, horizontal="center", bold=True)
    _put(ws, row, 8, payroll.total, horizontal="right", bold=True, number_format="#,##0")
    _box(ws, HEADER_ROW, row)
    return row


def _footer(ws: Worksheet, payroll: Payroll, total_row: int) -> None:
    row = total_row + 1
    _put(ws, row, 1, sheet.words_line(payroll), to_col=LAST, italic=True)
    row += 2
    _put(ws, row, 7, sheet.date_line(), to_col=LAST, horizontal="center", italic=True)
    row += 1
    spans = ((1, 3), (4, 6), (7, LAST))
    for (first, last), (title, hint) in zip(spans, sheet.signatures(), strict=True):
        _put(ws, row, first, title, to_col=last, horizontal="center", bold=True)
        _put(ws, row + 1, first, hint, to_col=last, horizontal="center", italic=True)


def _page_setup(ws: Worksheet) -> None:
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)


def payroll_workbook(payroll: Payroll) -> bytes:
    """The .xlsx file's bytes."""
    with translation.override(settings.LANGUAGE_CODE):
        workbook = Workbook()
        ws = workbook.active
        ws.title = payroll.month.key
        _heading(ws, payroll)
        total_row = _table(ws, payroll)
        _footer(ws, payroll, total_row)
        _page_setup(ws)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
