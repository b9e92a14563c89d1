"""The task worker `make run` starts: a scheduler thread plus django-tasks-db's worker."""

from __future__ import annotations

import threading

from django.core.management import BaseCommand, call_command

from loa.core.scheduler import default_jobs, run_forever


class Command(BaseCommand):
    help = "Run the task worker with the periodic scheduler (publishing, counters, weather)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-scheduler", action="store_true", help="Only run queued tasks.")

    def handle(self, *args, **options) -> None:
        stop = threading.Event()
        if not options["no_scheduler"]:
            threading.Thread(target=run_forever, args=(default_jobs(), stop), daemon=True, name="loa-scheduler").start()
        try:
            call_command("db_worker", interval=1.0)
        finally:
            stop.set()
