"""Periodic counter work, run by the task worker."""

from __future__ import annotations

from django_tasks import task

from .counters import flush_redis_counts, prune_online


@task()
def flush_counters() -> int:
    """Move Redis counts to the database and forget visitors no longer online."""
    written = flush_redis_counts()
    prune_online()
    return written
