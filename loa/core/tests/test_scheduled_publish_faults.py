"""The worker killed during a scheduled publish: the next run publishes the page, once.

Real `manage.py loa_worker` processes run on the test database (SQLite here,
PostgreSQL in the suite's second run) with the database task queue, exactly as
`make run` starts them: the scheduler thread enqueues `publish_scheduled` at start
and the worker runs it. A test-only settings module (`scheduled_publish_settings`)
lets a worker pause at a chosen point of the publish (`publish_pauses`), where the
test kills it with SIGKILL:

- before the publication commits (inside Wagtail's `page_published` signal);
- after it committed, before the task is recorded as done.

Then the next worker runs, and the page must be live exactly once: one live
revision, one "scheduled publish" log entry, one search entry, the public page
answering. Two workers that both saw the revision as due must not publish it twice.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry, Revision

from loa.core.models import ContentVersion
from loa.core.tasks import publish_scheduled
from loa.core.testing import database_url_for_current_connection, make_section
from loa.core.tests.publish_pauses import RELEASE
from loa.news.models import ArticlePage
from loa.search.models import SearchDocument

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
PUBLISH_TASK = "loa.core.tasks.publish_scheduled"
TITLE = "Khai mạc Lễ hội Văn hóa Phố Hiến"
# A bound on waiting for a worker to reach a point or finish a task; never asserted as a duration.
WAIT_SECONDS = 60.0


class Workers:
    """`manage.py loa_worker` processes on the test database; whatever is left is killed after the test."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.pauses = directory / "pauses"
        self.pauses.mkdir()
        self.processes: list[subprocess.Popen] = []

    def start(self, pause: str = "") -> subprocess.Popen:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "loa.core.tests.scheduled_publish_settings",
            "DATABASE_URL": database_url_for_current_connection(),
            "LOA_COUNTER_REDIS_URL": "",
            "LOA_TEST_PUBLISH_PAUSE": pause,
            "LOA_TEST_PAUSE_DIR": str(self.pauses),
        }
        log = (self.directory / f"worker-{len(self.processes)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "manage.py", "loa_worker"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.directory.glob("worker-*.log"))
        )

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Poll `condition`; fail with the workers' output if it never holds or a worker dies."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            exited = [p.args for p in self.processes if p.poll() not in (None, -signal.SIGKILL, 0)]
            if exited or time.monotonic() > deadline:
                pytest.fail(f"never {what} (exited: {exited})\n{self.logs()}")
            time.sleep(0.05)

    def wait_paused(self, point: str, *processes: subprocess.Popen) -> None:
        markers = [self.pauses / f"{point}-{p.pid}" for p in processes]
        self.wait_until(lambda: all(m.exists() for m in markers), f"paused at {point}")

    def release(self) -> None:
        (self.pauses / RELEASE).touch()

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        process.send_signal(signal.SIGKILL)
        process.wait()

    def stop(self, process: subprocess.Popen) -> None:
        """SIGTERM: the worker finishes the task it is running, then exits."""
        process.terminate()
        try:
            process.wait(WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail(f"worker did not stop\n{self.logs()}")

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()


@pytest.fixture
def workers(tmp_path) -> Iterator[Workers]:
    pool = Workers(tmp_path)
    yield pool
    pool.close()


@pytest.fixture
def scheduled() -> tuple[ArticlePage, Revision]:
    """An article an editor scheduled for a time that has now passed, not yet live."""
    # After the browser tests' flushes, this process may still cache content type ids that are gone.
    ContentType.objects.clear_cache()
    section = make_section("Văn hóa")
    article = ArticlePage(title=TITLE, live=False)
    section.add_child(instance=article)
    # What the admin stores for "publish at": a revision approved to go live at that time.
    article.go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision = article.save_revision(approved_go_live_at=article.go_live_at)
    return article, revision


def publish_tasks(*statuses: TaskResultStatus) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=PUBLISH_TASK, status__in=statuses))


def published_by_the_scheduler(article: ArticlePage) -> list[str]:
    """The publication log entries of the article (what the admin's history shows)."""
    return list(
        PageLogEntry.objects.filter(page_id=article.pk, action__startswith="wagtail.publish")
        .exclude(action="wagtail.publish.schedule")
        .values_list("action", flat=True)
    )


def assert_live_once(article: ArticlePage, revision: Revision, client) -> None:
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.live
    assert page.live_revision_id == revision.pk
    assert page.first_published_at is not None
    assert list(page.revisions.values_list("pk", flat=True)) == [revision.pk]  # publishing made no new revision
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()  # nothing left to publish
    assert published_by_the_scheduler(page) == ["wagtail.publish.scheduled"]
    assert SearchDocument.objects.filter(page_id=page.pk).count() == 1
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    assert TITLE in response.content.decode()


@pytest.mark.parametrize("point", ["in-publish", "after-commit"])
def test_worker_killed_during_publish_then_next_run_publishes_once(point, scheduled, workers, client):
    article, revision = scheduled
    version_before = ContentVersion.current()

    first = workers.start(pause=point)
    workers.wait_paused(point, first)
    workers.kill(first)

    page = ArticlePage.objects.get(pk=article.pk)
    if point == "in-publish":  # nothing of the half-done publication remains
        assert not page.live
        assert published_by_the_scheduler(page) == []
        assert not SearchDocument.objects.filter(page_id=page.pk).exists()
        assert page.revisions.filter(approved_go_live_at__isnull=False).count() == 1  # still due
    else:  # committed as a whole
        assert page.live
        assert published_by_the_scheduler(page) == ["wagtail.publish.scheduled"]
    [killed] = publish_tasks(TaskResultStatus.RUNNING)

    # The next worker (the next scheduler tick) runs publish_scheduled again.
    second = workers.start()
    workers.wait_until(lambda: publish_tasks(TaskResultStatus.SUCCESSFUL), "ran publish_scheduled")
    workers.stop(second)

    assert_live_once(article, revision, client)
    assert ContentVersion.current() != version_before
    # The killed worker's task stays RUNNING for ever (django-tasks-db cannot tell a dead worker
    # from a slow one); it blocked nothing: the next run was a new task.
    assert publish_tasks(TaskResultStatus.RUNNING) == [killed]
    assert len(publish_tasks(TaskResultStatus.SUCCESSFUL)) == 1
    assert not publish_tasks(TaskResultStatus.FAILED)

    publish_scheduled.call()  # a later minute's run finds nothing due
    assert_live_once(article, revision, client)


def test_two_workers_that_both_see_the_revision_due_publish_it_once(scheduled, workers, client):
    article, revision = scheduled
    first, second = workers.start(pause="listed"), workers.start(pause="listed")
    workers.wait_paused("listed", first, second)  # both have read the revision as due

    workers.release()  # and go on at the same moment

    workers.wait_until(
        lambda: len(publish_tasks(TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)) == 2, "ran both tasks"
    )
    for process in (first, second):
        workers.stop(process)
    assert len(publish_tasks(TaskResultStatus.SUCCESSFUL)) == 2, workers.logs()
    assert_live_once(article, revision, client)
