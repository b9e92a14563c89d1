"""Tin, bài đọc nhiều: the window the editors choose decides the ranking."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loa.core.testing import make_article, make_section
from loa.stats.models import DailyPageView, PageViewCount
from loa.stats.ranking import most_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    section = make_section("Thời sự")
    old_hit, fresh, steady = (make_article(section, title) for title in ("Tin cũ", "Tin mới", "Tin đều"))
    today = timezone.localdate()

    def views(page, days_ago: int, count: int) -> None:
        DailyPageView.objects.create(page=page, day=today - dt.timedelta(days=days_ago), count=count)
        row, _ = PageViewCount.objects.get_or_create(page=page)
        PageViewCount.objects.filter(page=page).update(count=row.count + count)

    views(old_hit, 20, 500)  # read a lot three weeks ago
    views(fresh, 1, 90)
    views(steady, 3, 40)
    views(steady, 10, 60)
    return old_hit, fresh, steady


def titles(pages) -> list[str]:
    return [page.title for page in pages]


def test_last_7_days(articles):
    assert titles(most_read(7)) == ["Tin mới", "Tin đều"]


def test_last_30_days(articles):
    assert titles(most_read(30)) == ["Tin cũ", "Tin đều", "Tin mới"]


def test_all_time(articles):
    assert titles(most_read(0)) == ["Tin cũ", "Tin đều", "Tin mới"]


def test_limit_and_unpublished_articles_left_out(articles):
    old_hit, fresh, steady = articles
    fresh.unpublish()
    assert titles(most_read(30, limit=1)) == ["Tin cũ"]
    assert "Tin mới" not in titles(most_read(30))
