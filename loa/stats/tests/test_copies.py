"""Counts a Redis lost come back from the app processes' copies, and nothing is counted twice.

Losing Redis is simulated by deleting this test's keys, which is what a Redis that restarts
empty looks like to Loa (tests/faults/test_redis_killed.py kills a real one under load).
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from loa.stats import copies
from loa.stats import redis_counters as rc
from loa.stats.counters import Hit, flush_redis_counts, record_hit, take_batch, write_batch
from loa.stats.models import DailyPageView, DailyVisit, PageViewCount

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def check(monkeypatch):
    """`copies.check`, run by the test only: the process's watcher thread must not write from its own connection."""
    real = copies.check
    monkeypatch.setattr(copies, "check", lambda: 0)
    return real


def count(page, visitors: range) -> None:
    for n in visitors:
        record_hit(Hit(page_id=page.pk, visitor=f"{n:032x}", now=timezone.now()))


def lose_redis(settings) -> None:
    client = rc.client()
    for key in client.scan_iter(match=settings.LOA_COUNTER_PREFIX + "*"):
        client.delete(key)


def totals(page) -> tuple[int, int, int]:
    return (
        PageViewCount.objects.filter(page_id=page.pk).values_list("count", flat=True).first() or 0,
        sum(DailyPageView.objects.filter(page_id=page.pk).values_list("count", flat=True)),
        sum(DailyVisit.objects.values_list("count", flat=True)),
    )


def test_each_hit_counted_in_redis_is_kept_until_the_flush_has_it(redis_url, article, check):
    count(article, range(3))
    [(unit, copy)] = copies.held().items()
    assert unit[2:] == (rc.read_state(rc.client())[0], 0)
    assert (copy.views[article.pk], sum(copy.visits.values())) == (3, 3)
    assert check() == 0 and copies.held()  # not flushed yet: kept
    flush_redis_counts()
    count(article, range(3, 5))  # a new epoch
    assert check() == 0
    assert [unit[3] for unit in copies.held()] == [1]  # the flushed epoch is dropped, the new one kept


def test_counts_a_lost_redis_held_are_written_back_once(redis_url, settings, article, check):
    count(article, range(3))
    lose_redis(settings)
    assert check() == 0  # an empty Redis nobody counted in yet: could be idle, not lost; wait
    count(article, range(3, 4))  # the first count names the new data
    assert check() == 1
    assert totals(article) == (3, 3, 3)
    assert check() == 0
    flush_redis_counts()
    assert totals(article) == (4, 4, 4)


def test_a_flush_that_read_the_batch_before_redis_died_does_not_count_it_again(redis_url, settings, article, check):
    count(article, range(3))
    client = rc.client()
    read_before_death = rc.read_batch(client, take_batch(client))
    lose_redis(settings)
    count(article, range(3, 4))
    assert check() == 1  # the process wrote its copy back first
    assert write_batch(read_before_death) == 0  # so the late flush does not
    flush_redis_counts()
    assert totals(article) == (4, 4, 4)


def test_a_copy_of_what_the_flush_wrote_before_redis_died_is_not_written_again(redis_url, settings, article, check):
    count(article, range(3))
    client = rc.client()
    assert write_batch(rc.read_batch(client, take_batch(client))) == 1  # in the database; Redis dies before `done`
    lose_redis(settings)
    count(article, range(3, 4))
    assert check() == 0
    assert not [unit for unit in copies.held() if unit[3] == 0 and unit[2] != rc.read_state(client)[0]]
    flush_redis_counts()
    assert totals(article) == (4, 4, 4)


def test_without_redis_nothing_is_kept(article, check):
    count(article, range(2))  # straight to the database
    assert copies.held() == {}
    assert totals(article) == (2, 2, 2)
