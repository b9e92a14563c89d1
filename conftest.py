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
    """A real Redis (LOA_TEST_REDIS_URL, db 15 by default) with a key prefix of this test's own.

    A prefix rather than FLUSHDB: test runs in parallel (xdist, a colleague's run) share the server.
    """
    import uuid

    import redis

    url = os.environ.get("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        _service_missing(f"Redis not reachable at {url}: {error}")
    from loa.stats import counters

    settings.LOA_COUNTER_REDIS_URL = url
    settings.LOA_COUNTER_PREFIX = f"loa-test:{uuid.uuid4().hex}:"
    counters.reset_redis_client()
    yield url
    for key in client.scan_iter(match=settings.LOA_COUNTER_PREFIX + "*"):
        client.delete(key)
    counters.reset_redis_client()


@pytest.fixture(autouse=True)
def _fresh_cache_and_counters(settings):
    """Each test starts with an empty process cache and no Redis unless it asks."""
    from django.core.cache import cache, caches

    from loa.core import pagecache
    from loa.stats import counters

    settings.LOA_COUNTER_REDIS_URL = ""
    counters.reset_redis_client()
    cache.clear()
    caches["pages"].clear()
    caches["renditions"].clear()  # SQLite reuses image ids after a rollback
    pagecache.reset_store()
    yield
    counters.reset_redis_client()


def database_url_for_current_connection() -> str:
    """A DATABASE_URL naming the database the tests are using (the test database)."""
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    host = s.get("HOST") or "127.0.0.1"
    port = s.get("PORT") or 5432
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s.get('USER') or 'postgres'}{password}@{host}:{port}/{s['NAME']}"


@pytest.fixture
def app_server():
    """Start the real production server (granian, 2 workers) on the test database.

    Returns a function taking extra environment variables and returning the base URL;
    every server started is stopped after the test.
    """
    import socket
    import subprocess
    import time
    from pathlib import Path

    from django.conf import settings as django_settings

    processes: list[subprocess.Popen] = []

    def start(workers: int = 2, **env: str) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "loa.settings.test",
            "DATABASE_URL": database_url_for_current_connection(),
            "LOA_COUNTER_REDIS_URL": "",
            "LOA_COUNTER_PREFIX": django_settings.LOA_COUNTER_PREFIX,
            **env,
        }
        from loa.core.serving import granian_argv

        process = subprocess.Popen(
            granian_argv("127.0.0.1", port, workers),
            env=environment,
            cwd=Path(__file__).parent,
        )
        processes.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("granian exited at start") from None
                time.sleep(0.1)
        raise RuntimeError("granian did not start in 30 s")

    yield start
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(10)
        except Exception:
            process.kill()
