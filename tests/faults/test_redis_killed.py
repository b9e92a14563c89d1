"""Redis killed in the middle of a load: pages keep answering, and no acknowledged count is lost.

granian (two workers) serves the portal with `REDIS_URL` on a redis-server of the test's
own that keeps nothing on disk, so killing it loses everything it held: the page cache, and
the counts still pending there. Readers on four threads open pages and send beacons
throughout. The order is fixed by counts, not by time: N beacons acknowledged, Redis
SIGKILLed, M more (they go to the database), Redis started again, empty, on the same port,
until it holds counts again and K more were acknowledged; then the load stops and the
worker's flush task runs. Every page must have been a 200, every beacon acknowledged, and the
database must hold exactly one view, one daily view and one visit per acknowledged beacon,
including those that were pending in the Redis that died (see `loa.stats.copies`).

Runs on SQLite, and on PostgreSQL in the suite's second run.
"""

from __future__ import annotations

import time

import pytest
import redis

from loa.core.testing import make_article, make_section

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.redis]

# Beacons acknowledged before the kill, while Redis is down (pages are rendered, not cached: slower), and
# after it is back.
BEFORE, DURING, AFTER = 200, 100, 200


def test_redis_killed_under_load_loses_no_acknowledged_count(
    own_redis, app_servers, readers, counted_totals, flush_counters, settings, client
):
    article = make_article(make_section("Thời sự"), "Khai mạc hội chợ nông sản")
    for path in (article.url, "/"):
        client.get(path)  # first renders create the sites' settings rows
    prefix = settings.LOA_COUNTER_PREFIX
    app = app_servers(
        workers=2, REDIS_URL=own_redis.url, LOA_COUNTER_REDIS_URL=own_redis.url, LOA_PAGE_CACHE_SECONDS="60"
    )
    load = readers(app.base, article.pk, [article.url, "/"])

    load.wait_for(acked=BEFORE)
    watch = redis.Redis.from_url(own_redis.url)
    assert watch.hlen(prefix + "pending:views")  # counts wait in Redis, as they should
    own_redis.kill()

    load.wait_for(acked=BEFORE + DURING)  # answered while Redis is gone: counted in the database
    own_redis.start()
    deadline = time.monotonic() + 60
    while not watch.exists(prefix + "pending:views"):  # the app has found the new Redis
        assert time.monotonic() < deadline, "the app never counted in Redis again"
        time.sleep(0.1)
    load.wait_for(acked=load.acked + AFTER)
    load.stop()

    outcome = load.summary()
    assert set(outcome["page_statuses"]) == {200}, outcome
    assert outcome["page_errors"] == 0, outcome
    assert set(outcome["beacon_statuses"]) == {200} and outcome["unknown"] == outcome["refused"] == 0, outcome

    acked = load.acked
    expected = {"views": acked, "daily": acked, "visits": acked}
    flush_counters(own_redis.url)
    totals = counted_totals(article.pk)
    deadline = time.monotonic() + 30
    while totals != expected and time.monotonic() < deadline:
        # Each app process writes back the counts the dead Redis held within a few seconds of
        # noticing the new one (loa.stats.copies); flushing again is what the worker does anyway.
        time.sleep(0.5)
        flush_counters(own_redis.url)
        totals = counted_totals(article.pk)
    print(f"Redis killed: {acked} beacons acknowledged, {totals} in the database; {outcome}")
    assert totals == expected, outcome
