"""The numbers behind the reports screen, in a fixed handful of aggregate queries.

Two kinds of number answer two questions, and the screen labels them apart:

* **Articles in the period** (``articles``, ``total_views``): the articles *dated* in the
  period. A published or unpublished article is dated by its first publication
  (``first_published_at``: republishing or editing does not move it); one never published
  (draft, awaiting approval) by its creation, the date of its first revision, because
  that is when the newsroom's work on it happened and it does not drift each time someone
  saves. ``total_views`` are those articles' views since they went online (``PageViewCount``).
* **Views in the period** (``period_views``): readings that *happened* between the two dates
  (``DailyPageView``), of every article matching the section, author and status, whatever
  its date: in March readers still read February's news, and a leader asking "how much
  were we read in March" means all of it.

So an author may show views in a period with no article in it. An article with several
authors counts once for each of them, and an article lives in exactly one section (its
parent page): the per-section table lists a section's own articles, while filtering on a
section covers its sub-sections too. Aliases of a page are not counted twice. Authors and
sections are read from the pages' rows, i.e. as last published (for a draft: as first saved;
later draft edits live in revisions until published).

Every query groups in the database; none runs per article, author or month, so the cost
does not grow with the size of the newsroom (``test_reports_queries.py`` holds it to that).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Cast, Coalesce, Length, Substr, TruncMonth
from wagtail.models import Page, Revision, WorkflowState

from loa.core.formats import VN_TZ, local_date
from loa.news.models import ArticleAuthor, ArticlePage, SectionPage
from loa.stats.models import DailyPageView, PageViewCount

from .forms import ReportFilters, Status

TOP_ARTICLES = 10


@dataclass
class Counts:
    articles: int = 0
    period_views: int = 0
    total_views: int = 0


@dataclass
class AuthorRow(Counts):
    author_id: int | None = None  # None: articles with no author in their byline
    name: str = ""
    unit: str = ""


@dataclass
class SectionRow(Counts):
    path: str = ""
    label: str = ""


@dataclass
class MonthRow(Counts):
    month: dt.date = dt.date.min


@dataclass
class TopArticle:
    page_id: int
    title: str
    section: str
    published_at: dt.datetime | None
    period_views: int
    total_views: int


@dataclass
class Report:
    filters: ReportFilters
    summary: Counts
    months: list[MonthRow]
    authors: list[AuthorRow] = field(default_factory=list)
    sections: list[SectionRow] = field(default_factory=list)
    top_articles: list[TopArticle] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.summary.articles or self.summary.period_views)


def _page_content_type_id() -> int:
    # ContentType's manager caches this, so it costs no query after the first in a process.
    return ContentType.objects.get_for_model(Page).pk


def _outer_pk_as_text():
    """Revisions and workflow states point at pages with a text ``object_id``."""
    return Cast(OuterRef("pk"), output_field=CharField())


def _workflow_in_progress() -> Exists:
    return Exists(
        WorkflowState.objects.filter(
            base_content_type_id=_page_content_type_id(),
            object_id=_outer_pk_as_text(),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
    )


def _created_at() -> Subquery:
    """When the article was first saved: its first revision."""
    return Subquery(
        Revision.objects.filter(base_content_type_id=_page_content_type_id(), object_id=_outer_pk_as_text())
        .order_by("created_at")
        .values("created_at")[:1]
    )


def _total_views(page_ref: str = "pk"):
    return Coalesce(Subquery(PageViewCount.objects.filter(page_id=OuterRef(page_ref)).values("count")[:1]), 0)


def _parent_path(path_field: str = "path"):
    """The materialised path of the page's parent: the article's section."""
    return Substr(path_field, 1, Length(path_field) - Page.steplen)


def period_bounds(filters: ReportFilters) -> tuple[dt.datetime, dt.datetime]:
    """From midnight of the first day to midnight after the last, in Vietnam's time."""
    start = dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=VN_TZ)
    end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=VN_TZ)
    return start, end


def matching_articles(filters: ReportFilters) -> QuerySet[ArticlePage]:
    """Articles of the chosen section (and sub-sections), author and status, whatever their date."""
    articles = ArticlePage.objects.filter(alias_of__isnull=True)
    if filters.section is not None:
        articles = articles.filter(path__startswith=filters.section.path, depth__gt=filters.section.depth)
    if filters.author is not None:
        articles = articles.filter(
            Exists(ArticleAuthor.objects.filter(page_id=OuterRef("pk"), author_id=filters.author.pk))
        )
    if filters.status == Status.PUBLISHED:
        articles = articles.filter(live=True)
    elif filters.status == Status.IN_MODERATION:
        articles = articles.filter(_workflow_in_progress(), live=False)
    elif filters.status == Status.UNPUBLISHED:
        articles = articles.filter(~_workflow_in_progress(), live=False, first_published_at__isnull=False)
    elif filters.status == Status.DRAFT:
        articles = articles.filter(~_workflow_in_progress(), live=False, first_published_at__isnull=True)
    return articles


def dated_articles(filters: ReportFilters) -> QuerySet[ArticlePage]:
    """The matching articles dated in the period (see the module's docstring for the date used)."""
    start, end = period_bounds(filters)
    return (
        matching_articles(filters)
        .annotate(report_at=Coalesce("first_published_at", _created_at(), "latest_revision_created_at"))
        .filter(report_at__gte=start, report_at__lt=end)
    )


def views_in_period(filters: ReportFilters) -> QuerySet[DailyPageView]:
    return DailyPageView.objects.filter(
        day__gte=filters.date_from, day__lte=filters.date_to, page_id__in=matching_articles(filters).values("pk")
    )


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def by_month(filters: ReportFilters) -> list[MonthRow]:
    """Every month of the period, in order, empty months included (a chart needs its gaps)."""
    rows = {month: MonthRow(month=month) for month in month_starts(filters.date_from, filters.date_to)}
    dated = (
        dated_articles(filters)
        .annotate(month=TruncMonth("report_at", tzinfo=VN_TZ))
        .values("month")
        .annotate(articles=Count("pk"), total_views=Sum(_total_views()))
        .order_by()
    )
    for item in dated:
        row = rows.get(local_date(item["month"]).replace(day=1))
        if row is not None:
            row.articles, row.total_views = item["articles"], item["total_views"] or 0
    views = (
        views_in_period(filters)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(views=Sum("count"))
        .order_by()
    )
    for item in views:
        row = rows.get(local_date(item["month"]).replace(day=1))
        if row is not None:
            row.period_views = item["views"] or 0
    return list(rows.values())


def by_author(filters: ReportFilters) -> list[AuthorRow]:
    """Most productive first; articles without a byline last, in one row of their own."""
    rows: dict[int | None, AuthorRow] = {}

    def row_for(item: dict) -> AuthorRow:
        key = item["author_key"]
        if key not in rows:
            rows[key] = AuthorRow(author_id=key, name=item["name"] or "", unit=item["unit"] or "")
        return rows[key]

    dated = (
        dated_articles(filters)
        .values(
            author_key=F("article_authors__author_id"),
            name=F("article_authors__author__name"),
            unit=F("article_authors__author__unit"),
        )
        .annotate(articles=Count("pk", distinct=True), total_views=Sum(_total_views()))
        .order_by()
    )
    for item in dated:
        row = row_for(item)
        row.articles, row.total_views = item["articles"], item["total_views"] or 0
    views = (
        views_in_period(filters)
        .values(
            author_key=F("page__articlepage__article_authors__author_id"),
            name=F("page__articlepage__article_authors__author__name"),
            unit=F("page__articlepage__article_authors__author__unit"),
        )
        .annotate(views=Sum("count"))
        .order_by()
    )
    for item in views:
        row_for(item).period_views = item["views"] or 0
    if filters.author is not None:  # co-authors of the chosen author's articles are not what was asked
        rows = {key: row for key, row in rows.items() if key == filters.author.pk}
    return sorted(
        rows.values(),
        key=lambda row: (row.author_id is None, -row.articles, -row.period_views, row.name.casefold()),
    )


def section_labels(paths: Iterable[str]) -> dict[str, str]:
    """'Kinh tế › Nông nghiệp' for each section path, from one query for all their ancestors."""
    paths = set(paths)
    prefixes = {path[:end] for path in paths for end in range(Page.steplen, len(path) + 1, Page.steplen)}
    titles = dict(SectionPage.objects.filter(path__in=prefixes).values_list("path", "title"))
    labels = {}
    for path in paths:
        names = [titles[path[:end]] for end in range(Page.steplen, len(path) + 1, Page.steplen) if path[:end] in titles]
        labels[path] = " › ".join(names)
    return labels


def _by_section_rows(filters: ReportFilters) -> dict[str, SectionRow]:
    rows: dict[str, SectionRow] = {}
    dated = (
        dated_articles(filters)
        .annotate(parent_path=_parent_path())
        .values("parent_path")
        .annotate(articles=Count("pk"), total_views=Sum(_total_views()))
        .order_by()
    )
    for item in dated:
        rows[item["parent_path"]] = SectionRow(
            path=item["parent_path"], articles=item["articles"], total_views=item["total_views"] or 0
        )
    views = (
        views_in_period(filters)
        .annotate(parent_path=_parent_path("page__path"))
        .values("parent_path")
        .annotate(views=Sum("count"))
        .order_by()
    )
    for item in views:
        rows.setdefault(item["parent_path"], SectionRow(path=item["parent_path"])).period_views = item["views"] or 0
    return rows


def _top_articles(filters: ReportFilters) -> list[dict]:
    return list(
        views_in_period(filters)
        .values("page_id", "page__title", "page__path", "page__first_published_at")
        .annotate(period_views=Sum("count"), total_views=_total_views("page_id"))
        .order_by("-period_views", "page__title")[:TOP_ARTICLES]
    )


def build_report(filters: ReportFilters) -> Report:
    """The whole report: eight queries, whatever the number of articles, authors or months."""
    months = by_month(filters)
    summary = Counts(
        articles=sum(row.articles for row in months),
        period_views=sum(row.period_views for row in months),
        total_views=sum(row.total_views for row in months),
    )
    report = Report(filters=filters, summary=summary, months=months)
    if report.is_empty:
        return report
    sections = _by_section_rows(filters)
    top = _top_articles(filters)
    labels = section_labels({*sections, *(item["page__path"][: -Page.steplen] for item in top)})
    for path, row in sections.items():
        row.label = labels.get(path, "")
    report.sections = sorted(sections.values(), key=lambda row: row.path)
    report.top_articles = [
        TopArticle(
            page_id=item["page_id"],
            title=item["page__title"],
            section=labels.get(item["page__path"][: -Page.steplen], ""),
            published_at=item["page__first_published_at"],
            period_views=item["period_views"] or 0,
            total_views=item["total_views"] or 0,
        )
        for item in top
    ]
    report.authors = by_author(filters)
    return report
