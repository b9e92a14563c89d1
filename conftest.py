"""Fixtures shared by every test: service connections that must not be faked."""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI") == "true"


def _service_missing(message: str) -> None:
    if IN_CI:
        pytest.fail(f"{message} (CI=true: service-backed tests must run)")
    pytest.skip(message)


@pytest.fixture
def redis_url(settings):
    """A real Redis (LOA_TEST_REDIS_URL, db 15 by default), flushed before and after the test."""
    import redis

    url = os.environ.get("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        _service_missing(f"Redis not reachable at {url}: {error}")
    client.flushdb()
    from loa.stats import counters

    settings.LOA_COUNTER_REDIS_URL = url
    counters.reset_redis_client()
    yield url
    client.flushdb()
    counters.reset_redis_client()


@pytest.fixture(autouse=True)
def _fresh_cache_and_counters(settings):
    """Each test starts with an empty process cache and no Redis unless it asks."""
    from django.core.cache import cache

    from loa.stats import counters

    settings.LOA_COUNTER_REDIS_URL = ""
    counters.reset_redis_client()
    cache.clear()
    yield
    counters.reset_redis_client()
