"""10,000 concurrent beacon hits give exactly 10,000, on the database in use and through Redis.

The hits go over HTTP to the production server (granian, two worker processes, the
beacon's fast path of loa/wsgi.py) from a separate load process, as they would in the field.

The suite runs on SQLite and again on PostgreSQL (bin/test sets DATABASE_URL),
so the database case covers both; the Redis case adds the flush.
"""

from __future__ import annotations

import pytest

from loa.core.testing import make_article, make_section
from loa.stats.counters import flush_redis_counts
from loa.stats.loadgen import fire_in_subprocess
from loa.stats.models import DailyPageView, DailyVisit, DailyVisitors, PageViewCount

HITS = 10_000

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.fixture
def target(db):
    return make_article(make_section("Thời sự"), "Bài được đọc nhiều")


def assert_exact(page) -> None:
    assert PageViewCount.objects.get(page_id=page.pk).count == HITS
    assert DailyPageView.objects.get(page_id=page.pk).count == HITS
    assert sum(DailyVisit.objects.values_list("count", flat=True)) == HITS


def unique_visitors() -> int:
    return sum(row.count for row in DailyVisitors.objects.all())


def test_database_counts_every_hit(app_server, target):
    result = fire_in_subprocess(app_server(), target.pk, HITS)
    assert result["statuses"] == {"200": HITS}
    assert_exact(target)
    assert unique_visitors() == HITS


@pytest.mark.redis
def test_redis_counts_every_hit_and_flushes_them(app_server, target, redis_url):
    result = fire_in_subprocess(app_server(LOA_COUNTER_REDIS_URL=redis_url), target.pk, HITS)
    assert result["statuses"] == {"200": HITS}
    assert not PageViewCount.objects.filter(page_id=target.pk).exists()  # still pending in Redis
    flush_redis_counts()
    assert_exact(target)
    assert abs(unique_visitors() - HITS) <= HITS * 0.025  # HyperLogLog: 0.81% standard error
