"""The report's numbers: per page and per section (with sub-pages), the period, the order, few queries."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from loa.ratings.models import PageRating
from loa.ratings.report.forms import Order, RatingFilters
from loa.ratings.report.queries import build_report
from loa.ratings.voters import voter_key

from .conftest import vn_time

pytestmark = pytest.mark.django_db

JULY = RatingFilters(date_from=dt.date(2026, 7, 1), date_to=dt.date(2026, 7, 31))


VISITORS = itertools.count(1)


MID_JULY = vn_time(2026, 7, 10)


def give(page, *ratings: int, at: dt.datetime = MID_JULY, comment: str = "") -> None:
    """Ratings of the page by new anonymous visitors, as the endpoint would store them."""
    for rating in ratings:
        voter = voter_key(f"{next(VISITORS):032x}", page.pk)
        PageRating.objects.create(page=page, voter=voter, rating=rating, comment=comment, rated_at=at, created_at=at)


@pytest.fixture
def rated(portal):
    """July: the article 5, 4, 4, 3; the other article 2; the one in Tin tức 5; Lịch sử 1, 2. Also June and August."""
    give(portal.article, 5, 4, 4, 3)
    give(portal.other_article, 2, comment="Thiếu số liệu")
    give(portal.news_article, 5)
    give(portal.history, 1, 2)
    give(portal.video, 5, at=vn_time(2026, 6, 30, 23))  # June in Vietnam
    give(portal.video, 3, 3, at=vn_time(2026, 8, 1, 0))  # August in Vietnam
    return portal


def page_row(report, page):
    return next(row for row in report.pages if row.page_id == page.pk)


def section_row(report, page):
    return next(row for row in report.sections if row.path == page.path)


def test_per_page_count_average_and_distribution(rated):
    report = build_report(JULY)
    row = page_row(report, rated.article)
    assert (row.count, row.average, row.distribution) == (4, 4.0, [0, 0, 1, 2, 1])
    assert row.title == rated.article.title
    assert row.section == "Tin tức › Chính trị"


def test_a_top_level_page_is_its_own_section(rated):
    report = build_report(JULY)
    assert page_row(report, rated.history).section == "Giới thiệu"


def test_sections_add_up_their_sub_pages(rated):
    report = build_report(JULY)
    news = section_row(report, rated.news)
    assert (news.count, news.distribution) == (6, [0, 1, 1, 2, 2])
    assert news.average == round(23 / 6, 2)
    politics = section_row(report, rated.politics)
    assert (politics.count, politics.average, politics.level) == (5, 3.6, 1)
    about = section_row(report, rated.about)
    assert (about.count, about.average, about.level) == (2, 1.5, 0)


def test_sections_are_in_tree_order_and_articles_are_not_sections(rated):
    report = build_report(JULY)
    assert [row.title for row in report.sections] == ["Tin tức", "Chính trị", "Giới thiệu"]


def test_the_period_is_in_vietnam_time(rated):
    report = build_report(JULY)
    assert rated.video.pk not in {row.page_id for row in report.pages}
    june = build_report(RatingFilters(date_from=dt.date(2026, 6, 1), date_to=dt.date(2026, 6, 30)))
    assert [(row.page_id, row.count) for row in june.pages] == [(rated.video.pk, 1)]
    august = build_report(RatingFilters(date_from=dt.date(2026, 8, 1), date_to=dt.date(2026, 8, 1)))
    assert august.summary.count == 2


def test_summary(rated):
    summary = build_report(JULY).summary
    assert (summary.count, summary.total) == (8, 26)
    assert summary.average == 3.25


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (Order.COUNT, ["article", "history", "news_article", "other_article"]),
        (Order.BEST, ["news_article", "article", "other_article", "history"]),
        (Order.WORST, ["history", "other_article", "article", "news_article"]),
    ],
)
def test_pages_sorted_by_count_or_average(rated, order, expected):
    report = build_report(RatingFilters(date_from=JULY.date_from, date_to=JULY.date_to, order=order))
    by_id = {getattr(rated, name).pk: name for name in expected}
    assert [by_id[row.page_id] for row in report.pages] == expected


def test_latest_three_comments_per_page_newest_first(portal):
    for day, text in enumerate(["Một", "Hai", "Ba", "Bốn"], start=1):
        give(portal.article, 3, at=vn_time(2026, 7, day), comment=text)
    give(portal.article, 5, at=vn_time(2026, 7, 20))  # no comment: not listed
    give(portal.about, 5, comment="Khác trang")
    report = build_report(JULY)
    assert [c.text for c in page_row(report, portal.article).comments] == ["Bốn", "Ba", "Hai"]
    assert [c.text for c in page_row(report, portal.about).comments] == ["Khác trang"]


def test_an_empty_period(portal):
    report = build_report(JULY)
    assert report.is_empty and report.pages == [] and report.sections == []


def test_the_report_costs_the_same_few_queries_for_many_pages(rated, django_assert_max_num_queries):
    for n in range(30):
        give(rated.other_article, 4, comment=f"Ý kiến {n}", at=vn_time(2026, 7, 12))
        give(rated.news_article, 3, at=vn_time(2026, 7, 3))
    with django_assert_max_num_queries(3):
        build_report(JULY)
