"""Counting in Redis: atomic, flushed to the database exactly once, and never lost when Redis fails."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loa.stats import counters
from loa.stats.counters import (
    Hit,
    apply_batch,
    flush_redis_counts,
    page_view_count,
    record_hit,
    take_batch,
    unique_visitors,
)
from loa.stats.models import CounterFallbackDay, DailyPageView, DailyVisit, DailyVisitors, PageViewCount
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


def test_n_beacons_then_a_flush_give_exactly_n_everywhere(redis_url, article, beacon_post, client):
    """30 visitors: few enough that the HyperLogLog's estimate is exact too (with these ids; see the next test)."""
    hits = 30
    for n in range(hits):
        client.cookies["loa_vid"] = f"{n:032x}"
        assert beacon_post({"page": article.pk}).json()["counted"] is True
    today = timezone.localdate()
    assert unique_visitors(today) == hits  # live from the HyperLogLog, before the flush
    assert flush_redis_counts() == 1
    assert stored_views(article) == hits
    assert DailyPageView.objects.get(page_id=article.pk, day=today).count == hits
    assert DailyVisit.objects.get(day=today).count == hits
    assert DailyVisitors.objects.get(day=today).redis_count == hits  # exact: sparse HyperLogLog, small n
    assert unique_visitors(today) == hits
    client.cookies["loa_vid"] = "f" * 32
    after = beacon_post({"page": article.pk}).json()  # the flush moved the counts, nothing counted twice
    assert after["views"] == hits + 1
    assert after["visits"]["today"] == hits + 1


def test_many_unique_visitors_are_estimated_within_the_hyperloglog_error(redis_url):
    """Redis's HyperLogLog has a standard error of 0.81%; views and visits stay exact (above)."""
    now = timezone.now()
    for n in range(1000):
        record_hit(Hit(page_id=None, visitor=f"{n:032x}", now=now))
    flush_redis_counts()
    assert DailyVisit.objects.get().count == 1000
    estimate = DailyVisitors.objects.get().redis_count
    assert abs(estimate - 1000) <= 25  # about 3 standard errors
    assert unique_visitors(timezone.localdate(now)) == estimate


def test_unique_visitors_are_set_not_added_so_flushing_again_changes_nothing(redis_url, article):
    for visitor in ("a" * 32, "b" * 32, "a" * 32):
        record_hit(hit(article.pk, visitor))
    flush_redis_counts()
    record_hit(Hit(page_id=None, visitor="b" * 32, now=timezone.now()))  # a returning visitor: no new unique
    flush_redis_counts()
    flush_redis_counts()
    assert DailyVisitors.objects.get().redis_count == 2
    assert unique_visitors(timezone.localdate()) == 2


def test_a_reader_without_cookie_is_a_new_unique_visitor_only_with_a_new_visit(redis_url, article):
    alias = "e" * 32
    record_hit(Hit(page_id=article.pk, visitor="1" * 32, now=timezone.now(), alias=alias))
    record_hit(Hit(page_id=article.pk, visitor="2" * 32, now=timezone.now(), alias=alias))  # same reader, no cookie
    assert unique_visitors(timezone.localdate()) == 1


def test_per_day_keys_expire_and_the_online_set_too(redis_url, article):
    record_hit(hit(article.pk, "a" * 32))
    client = counters.redis_client()
    k = counters.keys()
    today = timezone.localdate()
    assert client.zscore(k.most_read(today), article.pk) == 1
    for key in (k.most_read(today), k.unique(today)):
        assert 39 * 86400 < client.ttl(key) <= 40 * 86400
    assert 0 < client.ttl(k.online) <= 300


def test_online_now_forgets_visitors_after_the_window(redis_url, article, settings):
    settings.LOA_ONLINE_SECONDS = 60
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    record_hit(Hit(page_id=article.pk, visitor="a" * 32, now=long_ago))
    record_hit(hit(article.pk, "b" * 32))
    assert counters.redis_client().zcard(counters.keys().online) == 1  # trimmed by the second hit
    assert counters.visit_totals()["online"] == 1


def test_redis_down_counts_unique_visitors_in_the_database_and_marks_the_day(settings, article):
    settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"
    counters.reset_redis_client()
    record_hit(hit(article.pk, "c" * 32))
    record_hit(hit(article.pk, "c" * 32))
    today = timezone.localdate()
    assert DailyVisitors.objects.get(day=today).database_count == 1
    assert unique_visitors(today) == 1
    assert CounterFallbackDay.objects.filter(day=today).exists()


def test_after_redis_comes_back_nothing_is_lost(redis_url, settings, article):
    record_hit(hit(article.pk, "a" * 32))  # in Redis
    settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"
    counters.reset_redis_client()
    record_hit(hit(article.pk, "b" * 32))  # in the database
    settings.LOA_COUNTER_REDIS_URL = redis_url
    counters.reset_redis_client()
    record_hit(hit(article.pk, "c" * 32))  # in Redis again
    assert page_view_count(article.pk) == 3
    flush_redis_counts()
    assert stored_views(article) == 3
    assert DailyVisit.objects.get().count == 3
    assert unique_visitors(timezone.localdate()) == 3


def test_redis_failure_is_not_retried_on_every_hit(settings, article):
    """While Redis is down, hits go to the database without waiting for Redis each time."""
    from loa.stats import redis_counters

    settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"
    counters.reset_redis_client()
    record_hit(hit(article.pk, "a" * 32))
    assert redis_counters.client() is None  # left alone for a few seconds
    assert redis_counters.configured()
    record_hit(hit(article.pk, "b" * 32))
    assert stored_views(article) == 2


def test_a_redis_that_does_not_know_the_script_yet_counts_on(redis_url, article, monkeypatch):
    """After a Redis restart its script cache is empty: EVALSHA fails, the script is loaded, the hit counts."""
    import hashlib
    import uuid

    from loa.stats import redis_counters

    fresh = redis_counters.RECORD_SCRIPT + f"\n-- {uuid.uuid4().hex}\n"  # a script this Redis has never seen
    monkeypatch.setattr(redis_counters, "RECORD_SCRIPT", fresh)
    monkeypatch.setattr(redis_counters, "RECORD_SHA", hashlib.sha1(fresh.encode()).hexdigest())
    assert record_hit(hit(article.pk, "a" * 32)).view_counted
    assert page_view_count(article.pk) == 1


def test_a_connection_dropped_by_redis_loses_no_count(redis_url, article):
    """The beacon keeps one connection per thread: when Redis drops it, the next hit still counts somewhere."""
    from loa.stats import redis_counters

    record_hit(hit(article.pk, "a" * 32))
    client = counters.redis_client()
    connection_id = redis_counters._command(client, "CLIENT", "ID")
    client.client_kill_filter(_id=connection_id)
    record_hit(hit(article.pk, "b" * 32))  # in Redis after reconnecting, or in the database
    counters.reset_redis_client()  # past the pause a failure causes
    record_hit(hit(article.pk, "c" * 32))
    assert page_view_count(article.pk) == 3
    flush_redis_counts()
    assert stored_views(article) == 3
