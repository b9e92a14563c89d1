"""The worker's scheduler enqueues periodic jobs on time, and scheduled publishing takes effect."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from loa.core.scheduler import Job, default_jobs, enqueue_due
from loa.core.tasks import publish_scheduled
from loa.core.testing import make_section
from loa.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_jobs_run_when_due_and_not_before():
    jobs = [Job("loa.stats.tasks.flush_counters", 60)]
    assert enqueue_due(jobs, now=1000.0) == ["loa.stats.tasks.flush_counters"]
    assert enqueue_due(jobs, now=1030.0) == []
    assert enqueue_due(jobs, now=1061.0) == ["loa.stats.tasks.flush_counters"]


def test_default_jobs_cover_publishing_counters_and_weather():
    paths = {job.task_path for job in default_jobs()}
    assert paths == {
        "loa.core.tasks.publish_scheduled",
        "loa.stats.tasks.flush_counters",
        "loa.widgets.tasks.refresh_weather_task",
    }
    assert all(job.task() for job in default_jobs())


def test_a_failing_enqueue_does_not_stop_the_others():
    jobs = [Job("loa.core.tasks.no_such_task", 60), Job("loa.stats.tasks.flush_counters", 60)]
    assert enqueue_due(jobs, now=0.0) == ["loa.stats.tasks.flush_counters"]


def test_scheduled_article_goes_live():
    section = make_section("Thời sự")
    article = ArticlePage(title="Tin hẹn giờ", live=False)
    section.add_child(instance=article)
    # What the admin stores when an editor publishes with a "go live" time: a revision
    # approved for that time. The time has now passed.
    article.go_live_at = timezone.now() - dt.timedelta(minutes=1)
    article.save_revision(approved_go_live_at=article.go_live_at)
    assert not ArticlePage.objects.get(pk=article.pk).live
    publish_scheduled.enqueue()  # the immediate backend in tests runs it now
    assert ArticlePage.objects.get(pk=article.pk).live


def test_worker_command_exists():
    with pytest.raises(SystemExit):
        call_command("loa_worker", "--help")
