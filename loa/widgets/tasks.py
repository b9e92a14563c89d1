"""Weather refresh, run by the task worker on a schedule."""

from __future__ import annotations

from django_tasks import task

from .weather import refresh_weather


@task()
def refresh_weather_task() -> bool:
    return refresh_weather()
