"""Most read with Redis: each day from exactly one source, so no view is counted twice or missed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loa.core.testing import make_article
from loa.stats import counters
from loa.stats.counters import Hit, flush_redis_counts, record_hit
from loa.stats.models import CounterFallbackDay, DailyPageView, PageViewCount
from loa.stats.ranking import most_read, window_views

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def pages(article):
    return article, make_article(article.get_parent(), "Bài thứ hai")


def read(page, visitors: int, tag: str) -> None:
    for n in range(visitors):
        record_hit(Hit(page_id=page.pk, visitor=f"{tag}{n:031x}", now=timezone.now()))


def counting_since(days_ago: int) -> None:
    """As if Redis had counted every hit since that many days ago."""
    start = timezone.now() - dt.timedelta(days=days_ago)
    counters.redis_client().set(counters.keys().since, int(start.timestamp()))


def test_days_redis_counted_come_from_its_sorted_sets(redis_url, pages):
    first, second = pages
    counting_since(10)
    read(first, 3, "a")
    read(second, 5, "b")
    flush_redis_counts()
    # A row Redis never saw: a covered day is read from Redis alone, so it is not added.
    DailyPageView.objects.filter(page_id=first.pk).update(count=100)
    assert window_views(7)[first.pk] == 3
    assert [page.pk for page in most_read(7)] == [second.pk, first.pk]


def test_days_before_redis_counted_come_from_the_database(redis_url, pages):
    first, second = pages
    today = timezone.localdate()
    DailyPageView.objects.create(page=first, day=today - dt.timedelta(days=3), count=10)  # before Redis
    counting_since(2)
    read(second, 4, "b")
    views = window_views(7)
    assert views[first.pk] == 10
    assert views[second.pk] == 4
    assert [page.pk for page in most_read(7)] == [first.pk, second.pk]


def test_the_day_redis_was_set_up_adds_pending_views_to_the_database(redis_url, pages):
    """Redis started today (`since` is after midnight): today comes from the database + pending."""
    first, _second = pages
    DailyPageView.objects.create(page=first, day=timezone.localdate(), count=2)  # counted before Redis
    read(first, 3, "a")  # pending in Redis, not flushed
    assert window_views(7)[first.pk] == 5
    flush_redis_counts()
    assert window_views(7)[first.pk] == 5  # flushed: the same views, not twice


def test_a_day_with_a_redis_outage_comes_from_the_database(redis_url, settings, pages):
    first, _second = pages
    counting_since(10)
    read(first, 2, "a")
    settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"
    counters.reset_redis_client()
    read(first, 3, "b")  # Redis down: straight to the database, the sorted set misses them
    settings.LOA_COUNTER_REDIS_URL = redis_url
    counters.reset_redis_client()
    read(first, 1, "c")
    assert CounterFallbackDay.objects.filter(day=timezone.localdate()).exists()
    assert window_views(7)[first.pk] == 6
    flush_redis_counts()
    assert window_views(7)[first.pk] == 6


def test_all_time_adds_pending_views(redis_url, pages):
    first, second = pages
    PageViewCount.objects.create(page=second, count=4)
    read(first, 5, "a")
    assert [page.pk for page in most_read(0)] == [first.pk, second.pk]
    assert most_read(0)[0].window_views == 5
    flush_redis_counts()
    assert most_read(0)[0].window_views == 5


def test_redis_unreachable_ranks_from_the_database(settings, pages):
    first, _second = pages
    DailyPageView.objects.create(page=first, day=timezone.localdate(), count=7)
    settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"
    counters.reset_redis_client()
    assert [page.window_views for page in most_read(7)] == [7]
