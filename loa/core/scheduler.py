"""Periodic jobs: which task to enqueue, and how often.

django-tasks has no periodic scheduling of its own, so a small thread in the
worker process enqueues these on time; the database worker then runs them.
Each job is idempotent, so two workers (two app servers) enqueueing the same
job do no harm.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)


@dataclass
class Job:
    task_path: str
    every_seconds: int
    next_run: float = 0.0

    def task(self):
        from django.utils.module_loading import import_string

        return import_string(self.task_path)


def default_jobs() -> list[Job]:
    return [
        Job("loa.core.tasks.publish_scheduled", 60),
        Job("loa.stats.tasks.flush_counters", 60),
        Job("loa.widgets.tasks.refresh_weather_task", settings.LOA_WEATHER_REFRESH_MINUTES * 60),
    ]


def enqueue_due(jobs: list[Job], now: float) -> list[str]:
    enqueued = []
    for job in jobs:
        if now >= job.next_run:
            try:
                job.task().enqueue()
                enqueued.append(job.task_path)
            except Exception:  # the scheduler must outlive a failed enqueue (e.g. DB briefly locked)
                logger.exception("Could not enqueue %s", job.task_path)
                continue
            job.next_run = now + job.every_seconds
    return enqueued


def run_forever(jobs: list[Job], stop: threading.Event, tick: float = 5.0) -> None:
    while not stop.is_set():
        enqueue_due(jobs, time.monotonic())
        close_old_connections()
        stop.wait(tick)
