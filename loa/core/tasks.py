"""Scheduled publishing, run by the task worker every minute."""

from __future__ import annotations

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled() -> None:
    """Wagtail's own command: publishes pages whose go-live time has come, unpublishes expired ones."""
    call_command("publish_scheduled")
