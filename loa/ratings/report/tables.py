"""The report as tables for download, in the newsroom reports' shapes (written by its XLSX/CSV helpers).

Titles and comments are text typed by people, comments by anyone on the internet:
a cell starting with = + - @ would be run as a formula by Excel or LibreOffice
(CSV injection), so such text is written with a leading apostrophe.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from loa.core.formats import local_date
from loa.newsroom.reports.tables import Column, Row, Table

from .queries import SCORES, Comment, Report, Tally

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _tally_columns() -> list[Column]:
    return [
        Column(pgettext("ratings report", "Ratings"), numeric=True, width=12),
        Column(pgettext("ratings report", "Average"), numeric=True, width=12),
        *[
            Column(pgettext("ratings report", "Score %(score)s") % {"score": score}, numeric=True, width=10)
            for score in SCORES
        ],
    ]


def _tally_cells(tally: Tally) -> list[Any]:
    return [tally.count, tally.average if tally.average is not None else "", *tally.distribution]


def pages_table(report: Report) -> Table:
    return Table(
        key="pages",
        file_slug="theo-trang",
        title=pgettext("ratings report", "By page"),
        columns=[
            Column(pgettext("ratings report", "Page"), width=60),
            Column(pgettext("newsroom reports", "Section"), width=36),
            *_tally_columns(),
        ],
        rows=[
            Row([spreadsheet_text(page.title), spreadsheet_text(page.section), *_tally_cells(page)])
            for page in report.pages
        ],
        total=Row([pgettext("newsroom reports", "Total"), "", *_tally_cells(report.summary)]),
    )


def sections_table(report: Report) -> Table:
    return Table(
        key="sections",
        file_slug="theo-chuyen-muc",
        title=pgettext("newsroom reports", "By section"),
        columns=[Column(pgettext("newsroom reports", "Section"), width=44), *_tally_columns()],
        rows=[
            Row([spreadsheet_text("— " * section.level + section.title), *_tally_cells(section)])
            for section in report.sections
        ],
        note=_("Each section counts its own ratings and those of every page under it."),
    )


def comments_table(comments: list[Comment]) -> Table:
    return Table(
        key="comments",
        file_slug="y-kien",
        title=pgettext("ratings report", "Comments"),
        columns=[
            Column(pgettext("ratings report", "Date"), width=12),
            Column(pgettext("ratings report", "Page"), width=48),
            Column(pgettext("ratings report", "Score"), numeric=True, width=8),
            Column(pgettext("ratings report", "Comment"), width=80),
        ],
        rows=[
            Row([local_date(c.rated_at), spreadsheet_text(c.page_title), c.rating, spreadsheet_text(c.text)])
            for c in comments
        ],
    )


def summary_table(report: Report) -> Table:
    summary = report.summary
    return Table(
        key="summary",
        file_slug="tong-quan",
        title=pgettext("newsroom reports", "Summary"),
        columns=[
            Column(pgettext("newsroom reports", "Item"), width=28),
            Column(pgettext("newsroom reports", "Value"), width=24),
        ],
        rows=[
            Row([pgettext("newsroom reports", "From"), report.filters.date_from]),
            Row([pgettext("newsroom reports", "To"), report.filters.date_to]),
            Row([pgettext("ratings report", "Order of pages"), report.filters.order_label]),
            Row([pgettext("ratings report", "Ratings"), summary.count]),
            Row([pgettext("ratings report", "Average"), summary.average if summary.average is not None else ""]),
            Row([pgettext("ratings report", "Pages rated"), len(report.pages)]),
        ],
    )
