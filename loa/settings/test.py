"""Tests: fast hashing, tasks run immediately unless a test asks otherwise.

DATABASE_URL and REDIS_URL may point the suite at PostgreSQL and Redis.
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789abcdef"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A server a test starts (conftest.app_server) may be given the test's own folder to serve media from.
MEDIA_ROOT = Path(os.environ.get("LOA_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="loa-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="loa-test-static-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "loa.core.private_files.PrivateFileSystemStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOA_WEATHER_URL = "http://127.0.0.1:9/unused"  # tests start their own replay server

# A file, not memory: concurrency tests and the live server need real separate connections.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"loa-test-{os.getpid()}.sqlite3")}  # noqa: F405

# The page cache is off unless a test turns it on (tests change rows inside transactions that
# never commit, so the version mirror would not follow); loa/core/tests/test_pagecache.py does.
LOA_PAGE_CACHE_SECONDS = int(os.environ.get("LOA_PAGE_CACHE_SECONDS", "0"))
LOA_PAGE_CACHE_VERSION_FILE = os.environ.get(
    "LOA_PAGE_CACHE_VERSION_FILE", str(Path(tempfile.mkdtemp(prefix="loa-test-pages-")) / "version")
)
# Load tests send thousands of beacons from 127.0.0.1; loa/security/tests/test_rate_limits.py turns the limit on.
LOA_BEACON_RATE_LIMIT = int(os.environ.get("LOA_BEACON_RATE_LIMIT", "0"))
