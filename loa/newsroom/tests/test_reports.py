"""The numbers of the reports screen, on a small newsroom whose every count is known.

Two sections (Kinh tế with its sub-section Nông nghiệp, and Văn hóa), two authors,
seven articles in four statuses, views on some days of January–March 2026.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Revision

from loa.core.formats import VN_TZ
from loa.core.testing import make_article, make_section
from loa.news.models import ArticleAuthor, ArticlePage, Author
from loa.newsroom.reports.forms import ReportFilters, Status
from loa.newsroom.reports.queries import build_report
from loa.stats.models import DailyPageView, PageViewCount

pytestmark = pytest.mark.django_db

JANUARY, FEBRUARY, MARCH = dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)
FIRST_QUARTER = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def at(day: int, month: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=VN_TZ)


def make_unpublished_article(section, title: str, *, created: dt.datetime, authors=()) -> ArticlePage:
    """An article saved but never published, first saved at ``created``."""
    # As the admin's "create" view does: the byline is saved with the new page, later drafts go to revisions.
    article = ArticlePage(title=title, live=False, article_authors=[ArticleAuthor(author=author) for author in authors])
    section.add_child(instance=article)
    article.save_revision()
    Revision.objects.filter(object_id=str(article.pk)).update(created_at=created)
    return article


def add_views(page: Page, total: int, daily: dict[dt.date, int]) -> None:
    PageViewCount.objects.create(page=page, count=total)
    DailyPageView.objects.bulk_create(DailyPageView(page=page, day=day, count=count) for day, count in daily.items())


def build_newsroom() -> SimpleNamespace:
    economy = make_section("Kinh tế")
    farming = make_section("Nông nghiệp", parent=economy)
    culture = make_section("Văn hóa")
    an = Author.objects.create(name="Nguyễn Văn An", unit="Phòng Văn hóa và Thông tin")
    binh = Author.objects.create(name="Trần Thị Bình")
    approver = get_user_model().objects.create_superuser("lanhdao", "ld@example.invalid", "mat-khau-123")

    market = make_article(economy, "Chợ Tết 2026 nhộn nhịp", published=at(10, 1), authors=[an])
    # Past midnight in Vietnam is still 31 January in UTC: it belongs to February here.
    harvest = make_article(farming, "Nông dân thu hoạch lúa", published=at(1, 2, 0, 30), authors=[an, binh])
    festival = make_article(culture, "Lễ hội đền Hùng", published=at(5, 3), authors=[binh])
    old = make_article(culture, "Tin cũ tháng 12", published=dt.datetime(2025, 12, 20, 9, tzinfo=VN_TZ))
    taken_down = make_article(culture, "Tin đã gỡ", published=at(15, 1))
    taken_down.unpublish()
    draft = make_unpublished_article(economy, "Bản nháp về giá điện", created=at(10, 2), authors=[an])
    waiting = make_unpublished_article(culture, "Tin chờ duyệt về bảo tàng", created=at(10, 3), authors=[binh])
    waiting.get_workflow().start(waiting, approver)

    add_views(market, 1000, {dt.date(2026, 1, 10): 100, dt.date(2026, 2, 2): 50})
    add_views(harvest, 300, {dt.date(2026, 2, 1): 30})
    add_views(festival, 20, {dt.date(2026, 3, 5): 20})
    add_views(old, 5000, {dt.date(2025, 12, 25): 999, dt.date(2026, 1, 5): 7})
    return SimpleNamespace(
        economy=economy,
        farming=farming,
        culture=culture,
        an=an,
        binh=binh,
        approver=approver,
        market=market,
        harvest=harvest,
        festival=festival,
        old=old,
        taken_down=taken_down,
        draft=draft,
        waiting=waiting,
    )


@pytest.fixture
def report_data(db) -> SimpleNamespace:
    return build_newsroom()


def report_for(date_from=FIRST_QUARTER[0], date_to=FIRST_QUARTER[1], **filters):
    return build_report(ReportFilters(date_from=date_from, date_to=date_to, **filters))


def counts(row) -> tuple[int, int, int]:
    return row.articles, row.period_views, row.total_views


def test_summary_counts_articles_dated_in_the_period_and_views_that_happened_in_it(report_data):
    report = report_for()
    # market, taken_down (January), harvest, draft (February), festival, waiting (March); not `old`.
    assert report.summary.articles == 6
    # Views between 1 January and 31 March, `old` included; its 999 December views are not.
    assert report.summary.period_views == 100 + 50 + 30 + 20 + 7
    # All-time views of the six articles.
    assert report.summary.total_views == 1000 + 300 + 20


def test_months_follow_vietnam_time_and_include_empty_months(report_data):
    report = report_for(date_from=dt.date(2025, 12, 1))
    assert [(row.month, *counts(row)) for row in report.months] == [
        (dt.date(2025, 12, 1), 1, 999, 5000),
        (JANUARY, 2, 107, 1000),
        (FEBRUARY, 2, 80, 300),
        (MARCH, 2, 20, 20),
    ]
    quiet = report_for(date_from=dt.date(2026, 4, 1), date_to=dt.date(2026, 5, 31))
    assert [(row.month, *counts(row)) for row in quiet.months] == [
        (dt.date(2026, 4, 1), 0, 0, 0),
        (dt.date(2026, 5, 1), 0, 0, 0),
    ]
    assert quiet.is_empty


def test_per_author_credits_each_author_and_keeps_unsigned_articles_apart(report_data):
    report = report_for()
    assert [(row.name, *counts(row)) for row in report.authors] == [
        ("Nguyễn Văn An", 3, 150 + 30, 1000 + 300),  # market, harvest, draft
        ("Trần Thị Bình", 3, 30 + 20, 300 + 20),  # harvest, festival, waiting
        ("", 1, 7, 0),  # taken_down has no byline; `old` (unsigned) was read in January
    ]
    assert report.authors[-1].author_id is None
    assert report.authors[0].unit == "Phòng Văn hóa và Thông tin"


def test_per_section_lists_each_sections_own_articles_in_tree_order(report_data):
    report = report_for()
    assert [(row.label, *counts(row)) for row in report.sections] == [
        ("Kinh tế", 2, 150, 1000),
        ("Kinh tế › Nông nghiệp", 1, 30, 300),
        ("Văn hóa", 3, 27, 20),
    ]


def test_most_read_ranks_by_views_in_the_period(report_data):
    top = report_for().top_articles
    assert [(article.title, article.period_views, article.total_views) for article in top] == [
        ("Chợ Tết 2026 nhộn nhịp", 150, 1000),
        ("Nông dân thu hoạch lúa", 30, 300),
        ("Lễ hội đền Hùng", 20, 20),
        ("Tin cũ tháng 12", 7, 5000),
    ]
    assert top[1].section == "Kinh tế › Nông nghiệp"
    assert top[0].published_at == at(10, 1)


@pytest.mark.parametrize(
    ("status", "titles"),
    [
        (Status.PUBLISHED, {"Chợ Tết 2026 nhộn nhịp", "Nông dân thu hoạch lúa", "Lễ hội đền Hùng"}),
        (Status.DRAFT, {"Bản nháp về giá điện"}),
        (Status.IN_MODERATION, {"Tin chờ duyệt về bảo tàng"}),
        (Status.UNPUBLISHED, {"Tin đã gỡ"}),
    ],
)
def test_status_filter(report_data, status, titles):
    from loa.newsroom.reports.queries import dated_articles

    filters = ReportFilters(date_from=FIRST_QUARTER[0], date_to=FIRST_QUARTER[1], status=status)
    assert set(dated_articles(filters).values_list("title", flat=True)) == titles
    assert build_report(filters).summary.articles == len(titles)


def test_statuses_add_up_to_the_total(report_data):
    total = report_for().summary.articles
    assert sum(report_for(status=status).summary.articles for status in Status.values) == total


def test_section_filter_covers_sub_sections(report_data):
    report = report_for(section=report_data.economy)
    assert report.summary.articles == 3  # market, draft, harvest (in Nông nghiệp)
    assert report.summary.period_views == 150 + 30
    assert {row.label for row in report.sections} == {"Kinh tế", "Kinh tế › Nông nghiệp"}
    assert report_for(section=report_data.farming).summary.articles == 1


def test_author_filter_keeps_only_that_author(report_data):
    report = report_for(author=report_data.binh)
    assert report.summary.articles == 3
    assert report.summary.period_views == 30 + 20
    assert [(row.name, *counts(row)) for row in report.authors] == [("Trần Thị Bình", 3, 50, 320)]


def test_period_ends_at_midnight_vietnam_time(report_data):
    january = report_for(date_to=dt.date(2026, 1, 31))
    assert january.summary.articles == 2  # harvest, at 00:30 on 1 February, is not in January
    assert report_for(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 2, 1)).summary.articles == 1


def test_report_runs_a_fixed_number_of_queries(report_data, django_assert_max_num_queries):
    build_report(ReportFilters(*FIRST_QUARTER))  # content types cached, as in a running server
    with django_assert_max_num_queries(8):
        small = report_for(author=report_data.an, section=report_data.economy)
    assert small.summary.articles == 3
    for number in range(12):
        make_article(report_data.culture, f"Tin thêm {number}", published=at(1 + number, 3), authors=[report_data.an])
    with django_assert_max_num_queries(8):
        big = report_for()
    assert big.summary.articles == 18
