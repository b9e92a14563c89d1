"""The report's numbers: one grouped query for the pages, one for their sections' titles, one for comments.

Sections are not counted by a query of their own: a section's figures are the
sum of the page rows under it (and its own, if it is rated), added up in Python
from the per-page counts and rating sums, so averages stay exact and the cost
does not grow with the number of sections or pages (test_report_queries holds it).
A section row exists for each top-level page (depth 3) with ratings under or on
it, and for each deeper page that has rated pages below it (a sub-section).

A rating belongs to the period in which it was last given (``rated_at``): a
reader who changes their mind moves their rating to the new date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page

from loa.core.formats import VN_TZ

from ..models import PageRating, Rating
from .forms import Order, RatingFilters

#: Pages listed on the screen; the downloads hold them all.
PAGES_ON_SCREEN = 100
LATEST_COMMENTS = 3
#: Comments in the downloaded workbook, newest first.
EXPORT_COMMENTS = 10_000
TOP_DEPTH = 3  # root 1, home 2, a top-level section or page 3
SCORES = [value for value, _label in Rating.choices]


@dataclass
class Tally:
    count: int = 0
    total: int = 0  # the sum of the ratings, for an exact average of a group
    distribution: list[int] = field(default_factory=lambda: [0] * len(SCORES))

    @property
    def average(self) -> float | None:
        return round(self.total / self.count, 2) if self.count else None

    def add(self, other: Tally) -> None:
        self.count += other.count
        self.total += other.total
        self.distribution = [a + b for a, b in zip(self.distribution, other.distribution, strict=True)]


@dataclass
class Comment:
    page_id: int
    rating: int
    text: str
    rated_at: dt.datetime
    page_title: str = ""


@dataclass
class PageRow(Tally):
    page_id: int = 0
    title: str = ""
    path: str = ""
    depth: int = 0
    section: str = ""
    comments: list[Comment] = field(default_factory=list)


@dataclass
class SectionRow(Tally):
    path: str = ""
    title: str = ""

    @property
    def level(self) -> int:
        """0 for a top-level section, 1 for its sub-sections…"""
        return len(self.path) // Page.steplen - TOP_DEPTH


@dataclass
class Report:
    filters: RatingFilters
    summary: Tally
    pages: list[PageRow]
    sections: list[SectionRow]

    @property
    def is_empty(self) -> bool:
        return not self.summary.count

    @property
    def pages_on_screen(self) -> list[PageRow]:
        return self.pages[:PAGES_ON_SCREEN]


def period_bounds(filters: RatingFilters) -> tuple[dt.datetime, dt.datetime]:
    """From midnight of the first day to midnight after the last, in Vietnam's time."""
    start = dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=VN_TZ)
    end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=VN_TZ)
    return start, end


def ratings_in_period(filters: RatingFilters) -> QuerySet[PageRating]:
    start, end = period_bounds(filters)
    return PageRating.objects.filter(rated_at__gte=start, rated_at__lt=end)


def _page_rows(filters: RatingFilters) -> list[PageRow]:
    grouped = (
        ratings_in_period(filters)
        .values("page_id", "page__title", "page__path", "page__depth")
        .annotate(
            count=Count("pk"),
            total=Sum("rating"),
            **{f"score_{score}": Count("pk", filter=Q(rating=score)) for score in SCORES},
        )
        .order_by()
    )
    return [
        PageRow(
            page_id=item["page_id"],
            title=item["page__title"],
            path=item["page__path"],
            depth=item["page__depth"],
            count=item["count"],
            total=item["total"] or 0,
            distribution=[item[f"score_{score}"] for score in SCORES],
        )
        for item in grouped
    ]


def _prefixes(path: str, first_depth: int, last_depth: int) -> list[str]:
    """The paths of the ancestors (or self) from ``first_depth`` to ``last_depth`` included."""
    return [path[: depth * Page.steplen] for depth in range(first_depth, last_depth + 1)]


def _section_rows(pages: list[PageRow]) -> list[SectionRow]:
    """Sections in tree order, each with its own and its descendants' ratings; labels pages on the way."""
    content = [page for page in pages if page.depth >= TOP_DEPTH]
    sections: dict[str, SectionRow] = {}
    for page in content:
        for path in _prefixes(page.path, TOP_DEPTH, max(page.depth - 1, TOP_DEPTH)):
            sections.setdefault(path, SectionRow(path=path))
    wanted = {path for page in content for path in _prefixes(page.path, TOP_DEPTH, page.depth - 1)} | set(sections)
    titles = dict(Page.objects.filter(path__in=wanted).values_list("path", "title"))
    for page in content:
        for path in _prefixes(page.path, TOP_DEPTH, page.depth):
            if path in sections:
                sections[path].add(page)
        ancestors = [titles.get(path, "") for path in _prefixes(page.path, TOP_DEPTH, page.depth - 1)]
        page.section = " › ".join(title for title in ancestors if title) or page.title
    for path, row in sections.items():
        row.title = titles.get(path, "")
    return [sections[path] for path in sorted(sections)]


def _sort_pages(pages: list[PageRow], order: str) -> list[PageRow]:
    if order == Order.BEST:
        return sorted(pages, key=lambda row: (-(row.average or 0), -row.count, row.title.casefold()))
    if order == Order.WORST:
        return sorted(pages, key=lambda row: (row.average or 0, -row.count, row.title.casefold()))
    return sorted(pages, key=lambda row: (-row.count, -(row.average or 0), row.title.casefold()))


def _attach_latest_comments(filters: RatingFilters, pages: list[PageRow]) -> None:
    """Each page's newest comments of the period, in one query (a window numbers them per page)."""
    by_page = {page.page_id: page for page in pages}
    latest = (
        ratings_in_period(filters)
        .exclude(comment="")
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("page_id")], order_by=[F("rated_at").desc(), F("pk").desc()])
        )
        .filter(rank__lte=LATEST_COMMENTS)
        .values("page_id", "rating", "comment", "rated_at", "rank")
        .order_by("page_id", "rank")
    )
    for item in latest:
        if page := by_page.get(item["page_id"]):
            page.comments.append(
                Comment(page_id=item["page_id"], rating=item["rating"], text=item["comment"], rated_at=item["rated_at"])
            )


def all_comments(filters: RatingFilters) -> list[Comment]:
    """The period's comments, newest first, for the workbook (at most EXPORT_COMMENTS)."""
    rows = (
        ratings_in_period(filters)
        .exclude(comment="")
        .order_by("-rated_at", "-pk")
        .values("page_id", "page__title", "rating", "comment", "rated_at")[:EXPORT_COMMENTS]
    )
    return [
        Comment(
            page_id=item["page_id"],
            rating=item["rating"],
            text=item["comment"],
            rated_at=item["rated_at"],
            page_title=item["page__title"],
        )
        for item in rows
    ]


def build_report(filters: RatingFilters) -> Report:
    """The whole report in three queries, whatever the number of pages, sections or ratings."""
    pages = _page_rows(filters)
    summary = Tally()
    for page in pages:
        summary.add(page)
    report = Report(filters=filters, summary=summary, pages=[], sections=[])
    if not pages:
        return report
    report.sections = _section_rows(pages)
    report.pages = _sort_pages(pages, filters.order)
    _attach_latest_comments(filters, report.pages)
    return report
