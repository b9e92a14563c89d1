"""The app server SIGKILLed under load: no acknowledged count is lost, none is invented.

granian (two workers) serves the portal; readers on four threads open pages and send
beacons throughout. After N beacons were acknowledged, the whole granian (main process and
workers) is SIGKILLed, as the OOM killer or a crashed host would; readers keep knocking and
are refused; granian is started again on the same port and K more beacons are acknowledged.
A count is acknowledged only once it is in the database (embedded default) or in Redis
(with Redis: the worker's flush then moves it), so the database must hold at least one view,
one daily view and one visit per acknowledged beacon, and at most one per beacon sent (those
cut off by the kill may or may not have counted).

Runs on SQLite, and on PostgreSQL in the suite's second run; with Redis, on a redis-server of
the test's own.
"""

from __future__ import annotations

import pytest

from loa.core.testing import make_article, make_section

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

BEFORE, AFTER = 200, 200  # beacons acknowledged before the kill, and after the restart


@pytest.mark.parametrize("store", ["database", pytest.param("redis", marks=pytest.mark.redis)])
def test_app_killed_under_load_loses_no_acknowledged_count(
    store, app_servers, readers, counted_totals, flush_counters, request, client
):
    article = make_article(make_section("Thời sự"), "Khai mạc hội chợ nông sản")
    for path in (article.url, "/"):
        client.get(path)  # first renders create the sites' settings rows
    env = {"LOA_PAGE_CACHE_SECONDS": "60"}
    if store == "redis":
        redis_url = request.getfixturevalue("own_redis").url
        env |= {"REDIS_URL": redis_url, "LOA_COUNTER_REDIS_URL": redis_url}
    app = app_servers(workers=2, **env)
    load = readers(app.base, article.pk, [article.url, "/"])

    load.wait_for(acked=BEFORE)
    app.kill()
    load.wait_for(refused=10)  # the readers found nobody there
    app.start()
    load.wait_for(acked=load.acked + AFTER)
    load.stop()

    outcome = load.summary()
    assert set(outcome["page_statuses"]) == {200}, outcome  # no 5xx; while down, no answer at all
    assert set(outcome["beacon_statuses"]) == {200}, outcome
    if store == "redis":
        flush_counters(redis_url)
    totals = counted_totals(article.pk)
    acked, sent = load.acked, load.acked + load.unknown  # refused requests never reached the app
    print(f"App killed ({store}): {acked} beacons acknowledged, {sent} sent, {totals} in the database; {outcome}")
    for name, counted in totals.items():
        assert acked <= counted <= sent, (name, totals, outcome)
