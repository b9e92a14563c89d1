"""The report's tables, shaped once for the page, the XLSX workbook and the CSV files alike.

Cells keep their Python types (int, date, str): the page formats them the
Vietnamese way, the workbook stores real numbers and dates, CSV writes plain digits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from loa.core.formats import local_date, vn_date, vn_number

from .queries import Counts, Report


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = False
    width: int = 14  # in characters, for the workbook


def display(value: Any) -> str:
    """A cell as the page writes it: 4.238 and 05/03/2026."""
    if isinstance(value, int) and not isinstance(value, bool):
        return vn_number(value)
    if isinstance(value, dt.date):
        return vn_date(value)
    return str(value)


@dataclass
class Row:
    cells: list[Any]
    url: str = ""  # where the first cell links to on the page


@dataclass
class Table:
    key: str  # in ?table= of the CSV link
    file_slug: str  # ASCII, in the downloaded file's name
    title: str
    columns: list[Column]
    rows: list[Row]
    total: Row | None = None
    note: str = ""
    caption: str = field(default="")

    def __post_init__(self) -> None:
        self.caption = self.caption or self.title

    def _display(self, row: Row) -> dict[str, Any]:
        cells = [(display(value), column.numeric) for column, value in zip(self.columns, row.cells, strict=True)]
        return {"cells": cells, "url": row.url}

    @property
    def display_rows(self) -> list[dict[str, Any]]:
        return [self._display(row) for row in self.rows]

    @property
    def display_total(self) -> dict[str, Any] | None:
        return self._display(self.total) if self.total else None


def month_label(month: dt.date) -> str:
    """'03/2026': how a Vietnamese table writes a month."""
    return month.strftime("%m/%Y")


def _counts_columns() -> list[Column]:
    return [
        Column(pgettext("newsroom reports", "Articles"), numeric=True, width=12),
        Column(pgettext("newsroom reports", "Views in the period"), numeric=True, width=20),
        Column(pgettext("newsroom reports", "Total views"), numeric=True, width=16),
    ]


def _counts(counts: Counts) -> list[int]:
    return [counts.articles, counts.period_views, counts.total_views]


def _total_row(report_rows: list[Counts]) -> Row:
    return Row([pgettext("newsroom reports", "Total"), *_counts(sum_counts(report_rows))])


def sum_counts(rows: list[Counts]) -> Counts:
    return Counts(
        articles=sum(row.articles for row in rows),
        period_views=sum(row.period_views for row in rows),
        total_views=sum(row.total_views for row in rows),
    )


def top_articles_table(report: Report) -> Table:
    return Table(
        key="top",
        file_slug="doc-nhieu-nhat",
        title=pgettext("newsroom reports", "Most read articles"),
        columns=[
            Column(pgettext("newsroom reports", "Article"), width=60),
            Column(pgettext("newsroom reports", "Section"), width=32),
            Column(pgettext("newsroom reports", "Published on"), width=14),
            Column(pgettext("newsroom reports", "Views in the period"), numeric=True, width=20),
            Column(pgettext("newsroom reports", "Total views"), numeric=True, width=16),
        ],
        rows=[
            Row(
                [
                    article.title,
                    article.section,
                    local_date(article.published_at) if article.published_at else "",
                    article.period_views,
                    article.total_views,
                ],
                url=reverse("wagtailadmin_pages:edit", args=[article.page_id]),
            )
            for article in report.top_articles
        ],
        note=_("Ranked by views in the period."),
    )


def authors_table(report: Report) -> Table:
    return Table(
        key="authors",
        file_slug="tac-gia",
        title=pgettext("newsroom reports", "By author"),
        columns=[
            Column(pgettext("newsroom reports", "Author"), width=28),
            Column(pgettext("newsroom reports", "Unit"), width=40),
            *_counts_columns(),
        ],
        rows=[
            Row([row.name if row.author_id else _("(no author named)"), row.unit, *_counts(row)])
            for row in report.authors
        ],
        note=_("An article with several authors counts for each of them."),
    )


def sections_table(report: Report) -> Table:
    return Table(
        key="sections",
        file_slug="chuyen-muc",
        title=pgettext("newsroom reports", "By section"),
        columns=[Column(pgettext("newsroom reports", "Section"), width=40), *_counts_columns()],
        rows=[Row([row.label or _("(not in a section)"), *_counts(row)]) for row in report.sections],
        total=_total_row(report.sections),
        note=_("Each section counts its own articles; sub-sections have rows of their own."),
    )


def months_table(report: Report) -> Table:
    return Table(
        key="months",
        file_slug="thang",
        title=pgettext("newsroom reports", "By month"),
        columns=[Column(pgettext("newsroom reports", "Month"), width=12), *_counts_columns()],
        rows=[Row([month_label(row.month), *_counts(row)]) for row in report.months],
        total=_total_row(report.months),
    )


def report_tables(report: Report) -> list[Table]:
    """In the order the page shows them."""
    return [top_articles_table(report), authors_table(report), sections_table(report), months_table(report)]


def summary_table(report: Report, filter_labels: list[tuple[str, Any]]) -> Table:
    """The first sheet of the workbook: what was asked, and the totals."""
    rows = [Row([label, value]) for label, value in filter_labels]
    rows += [
        Row([pgettext("newsroom reports", "Articles"), report.summary.articles]),
        Row([pgettext("newsroom reports", "Views in the period"), report.summary.period_views]),
        Row([pgettext("newsroom reports", "Total views"), report.summary.total_views]),
    ]
    return Table(
        key="summary",
        file_slug="tong-quan",
        title=pgettext("newsroom reports", "Summary"),
        columns=[
            Column(pgettext("newsroom reports", "Item"), width=24),
            Column(pgettext("newsroom reports", "Value"), width=40),
        ],
        rows=rows,
    )
