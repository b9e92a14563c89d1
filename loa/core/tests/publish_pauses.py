"""Pauses inside a worker's scheduled publishing, so a test can kill it at a chosen moment.

Installed only by `loa.core.tests.scheduled_publish_settings`, and only when the
environment variable LOA_TEST_PUBLISH_PAUSE names one of these points:

- ``in-publish``: in Wagtail's `page_published` signal, after the page row was saved and
  before the publication commits (Loa publishes each revision in one transaction);
- ``after-commit``: right after the publication committed, before the task returns and
  the worker records it as done;
- ``listed``: right after the worker read which revisions are due, before it publishes
  any (two workers paused there have both seen the same revision as due).

At the point the process creates ``<LOA_TEST_PAUSE_DIR>/<point>-<pid>`` and waits until
``<LOA_TEST_PAUSE_DIR>/release`` exists, or until it is killed. It pauses once per process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

POINTS = ("in-publish", "after-commit", "listed")
RELEASE = "release"


class Pause:
    def __init__(self, point: str, directory: Path) -> None:
        self.point = point
        self.directory = directory
        self.paused = False

    def wait(self) -> None:
        """Say where we are, then wait for the test to release (or kill) this process."""
        if self.paused:
            return
        self.paused = True
        (self.directory / f"{self.point}-{os.getpid()}").touch()
        while not (self.directory / RELEASE).exists():
            time.sleep(0.02)

    # Receivers and wrappers, one per point.

    def on_published(self, **kwargs: Any) -> None:
        self.wait()

    def on_published_then_commit(self, **kwargs: Any) -> None:
        from django.db import transaction

        transaction.on_commit(self.wait)

    def on_connection(self, sender: Any, connection: Any, **kwargs: Any) -> None:
        if self.after_listing not in connection.execute_wrappers:
            connection.execute_wrappers.append(self.after_listing)

    def after_listing(self, execute: Callable, sql: str, params: Any, many: bool, context: dict) -> Any:
        """Pause after the query for revisions due (approved_go_live_at before now) has run."""
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith("SELECT") and '"approved_go_live_at" <' in sql:
            self.wait()
        return result


def install(point: str, directory: str) -> None:
    """Connect the pause for `point` (nothing when it is empty)."""
    if not point:
        return
    if point not in POINTS or not directory:
        raise ValueError(f"LOA_TEST_PUBLISH_PAUSE must be one of {POINTS}, with LOA_TEST_PAUSE_DIR set")
    from django.db.backends.signals import connection_created
    from wagtail.signals import page_published

    pause = Pause(point, Path(directory))
    if point == "in-publish":
        page_published.connect(pause.on_published, weak=False, dispatch_uid="loa-test-pause")
    elif point == "after-commit":
        page_published.connect(pause.on_published_then_commit, weak=False, dispatch_uid="loa-test-pause")
    else:
        connection_created.connect(pause.on_connection, weak=False, dispatch_uid="loa-test-pause")
