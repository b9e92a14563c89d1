"""Counting in Redis: atomic, flushed to the database exactly once, and never lost when Redis fails."""

from __future__ import annotations

import pytest
from django.utils import timezone

from loa.stats import counters
from loa.stats.counters import Hit, apply_batch, flush_redis_counts, page_view_count, record_hit, take_batch
from loa.stats.models import DailyPageView, DailyVisit, PageViewCount
from loa.stats.ranking import most_read

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


def hit(page_id: int, visitor: str) -> Hit:
    return Hit(page_id=page_id, visitor=visitor, now=timezone.now())


def stored_views(page) -> int:
    return PageViewCount.objects.filter(page_id=page.pk).values_list("count", flat=True).first() or 0


def test_hits_wait_in_redis_and_are_shown_before_the_flush(redis_url, article):
    for n in range(5):
        record_hit(hit(article.pk, f"{n:032x}"))
    assert stored_views(article) == 0
    assert page_view_count(article.pk) == 5
    assert counters.visit_totals()["today"] == 5
    assert counters.visit_totals()["online"] == 5


def test_flush_moves_counts_to_the_database(redis_url, article):
    for n in range(7):
        record_hit(hit(article.pk, f"{n:032x}"))
    assert flush_redis_counts() == 1
    assert stored_views(article) == 7
    assert DailyPageView.objects.get(page_id=article.pk).count == 7
    assert DailyVisit.objects.get().count == 7
    assert page_view_count(article.pk) == 7  # nothing counted twice while shown
    assert flush_redis_counts() == 0
    assert [page.pk for page in most_read(7)] == [article.pk]


def test_dedup_in_redis(redis_url, article):
    assert record_hit(hit(article.pk, "a" * 32)).view_counted
    assert not record_hit(hit(article.pk, "a" * 32)).view_counted
    assert page_view_count(article.pk) == 1


def test_alias_dedup_in_redis(redis_url, article):
    """A reader without a cookie gets a new id each time; the fingerprint alias still dedups."""
    first = Hit(page_id=article.pk, visitor="1" * 32, now=timezone.now(), alias="f" * 32)
    again = Hit(page_id=article.pk, visitor="2" * 32, now=timezone.now(), alias="f" * 32)
    assert record_hit(first).view_counted
    assert not record_hit(again).view_counted
    assert not record_hit(hit(article.pk, "1" * 32)).view_counted  # the cookie it was given
    assert page_view_count(article.pk) == 1


def test_interrupted_flush_is_finished_once(redis_url, article):
    """A worker killed after committing a batch but before cleaning Redis must not double count."""
    for n in range(3):
        record_hit(hit(article.pk, f"{n:032x}"))
    client = counters.redis_client()
    batch = take_batch(client)
    assert apply_batch(client, batch) == 1  # committed, then the worker "dies"
    assert stored_views(article) == 3
    record_hit(hit(article.pk, "b" * 32))
    flush_redis_counts()
    assert stored_views(article) == 4
    assert not client.smembers(counters.keys().batches)


def test_counts_survive_an_app_restart(redis_url, article):
    for n in range(4):
        record_hit(hit(article.pk, f"{n:032x}"))
    counters.reset_redis_client()  # a new process: nothing held in memory
    assert page_view_count(article.pk) == 4
    flush_redis_counts()
    assert stored_views(article) == 4


def test_redis_down_falls_back_to_the_database(settings, article):
    settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    counters.reset_redis_client()
    assert record_hit(hit(article.pk, "c" * 32)).view_counted
    assert stored_views(article) == 1
    assert page_view_count(article.pk) == 1
    assert counters.visit_totals()["today"] == 1
    assert flush_redis_counts() == 0  # postponed, not raised


def test_flush_drops_counts_of_deleted_pages(redis_url, article):
    from loa.core.testing import make_article

    other = make_article(article.get_parent(), "Bài sẽ bị xóa")
    record_hit(hit(article.pk, "d" * 32))
    record_hit(hit(other.pk, "d" * 32))
    other.delete()
    flush_redis_counts()
    assert stored_views(article) == 1
