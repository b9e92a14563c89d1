"""Settings of the search bench: Loa's own settings plus the bench app, on the database in DATABASE_URL.

run.py sets DATABASE_URL (a SQLite file under bench/out/search/, or the loa_bench_search
PostgreSQL database) and removes REDIS_URL, so the cache is local memory as in the embedded
default. Nothing under the repository's var/ is used.
"""

from pathlib import Path

from loa.settings.base import *  # noqa: F403
from loa.settings.base import BASE_DIR, INSTALLED_APPS

OUT = Path(BASE_DIR) / "bench" / "out" / "search"
SECRET_KEY = "bench-only-secret-key-not-for-production-use-0123456789"
DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "bench.search.benchapp.apps.BenchSearchConfig"]
MEDIA_ROOT = OUT / "media"
STATIC_ROOT = OUT / "static"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
