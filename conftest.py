"""Fixtures shared by every test: service connections that must not be faked.

Plain helpers live in loa.core.testing: a module named `conftest` cannot be imported
reliably (tests/deploy has a conftest of its own).
"""

from __future__ import annotations

import os

import pytest

from loa.core.testing import database_url_for_current_connection, redis_client  # noqa: F401


@pytest.fixture
def redis_url(settings):
    """A real Redis with a key prefix of this test's own.

    A prefix rather than FLUSHDB: test runs in parallel (xdist, a colleague's run) share the server.
    """
    import uuid

    client, url = redis_client()
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


@pytest.fixture
def page_cache(settings, tmp_path):
    """The full-page cache on (tests run with it off), with a version mirror file of this test's own."""
    settings.LOA_PAGE_CACHE_SECONDS = 60
    settings.LOA_PAGE_CACHE_VERSION_FILE = str(tmp_path / "page-cache-version")
    # Changing settings resets the page cache's store and settings (loa.core.pagecache.reset_store).


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change and what happens when it commits (the test's own transaction never does)."""

    def run(change) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run
