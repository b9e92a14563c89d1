"""Scheduled publishing, run by the task worker every minute.

Wagtail's `publish_scheduled` command does this job, but in autocommit: it clears the
revision's go-live approval, saves the page live, sends `page_published` (search
index, content version) and writes the log entry as separate statements, and it
never checks that another process is not publishing the same revision. A worker
killed halfway left a page live without its log entry or search entry, and not due
any more, so never completed; two workers (two app servers, or a run that overlaps
the next) that both read the revision as due published it twice.

Here each object is published or unpublished in its own transaction, after locking
its row and checking again, inside the transaction, that it is still due: a killed
worker's half-done publication rolls back and the next run does it whole; a second
worker waits for the lock, then finds nothing left to do. `select_for_update` locks
the row on PostgreSQL; on SQLite, Loa's transactions begin IMMEDIATE (settings), so
the database's write lock does the same.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)


def _draft_state_models() -> list[type]:
    """Pages, then every other model with live/expire_at (snippets with drafts), as Wagtail's command does."""
    return [Page] + [
        model for model in apps.get_models() if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def _unpublish_expired(model: type, pk: object) -> bool:
    now = timezone.now()
    with transaction.atomic():
        obj = model.objects.select_for_update().filter(pk=pk, live=True, expire_at__lt=now).first()
        if obj is None:  # another worker got there first
            return False
        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        return True


def _publish_due(revision_pk: int) -> bool:
    now = timezone.now()
    with transaction.atomic():
        revision = Revision.objects.select_for_update().filter(pk=revision_pk, approved_go_live_at__lt=now).first()
        if revision is None:  # published by another worker meanwhile
            return False
        revision.publish(log_action="wagtail.publish.scheduled")
        return True


@task()
def publish_scheduled() -> dict[str, int]:
    """Unpublish what has expired, publish revisions whose go-live time has come; each exactly once.

    One object's failure does not hold up the others; the task fails afterwards, so the
    error shows in the task results, and the next run tries that object again.
    """
    done = {"unpublished": 0, "published": 0}
    failures = []
    for model in _draft_state_models():
        due = list(model.objects.filter(live=True, expire_at__lt=timezone.now()).values_list("pk", flat=True))
        for pk in due:
            try:
                done["unpublished"] += _unpublish_expired(model, pk)
            except Exception:
                logger.exception("Scheduled unpublishing of %s %s failed", model._meta.label, pk)
                failures.append(f"{model._meta.label} {pk}")
    # Read in full before publishing: on SQLite an open cursor would keep an old snapshot.
    due = list(
        Revision.objects.filter(approved_go_live_at__lt=timezone.now())
        .order_by("approved_go_live_at")
        .values_list("pk", flat=True)
    )
    for pk in due:
        try:
            done["published"] += _publish_due(pk)
        except Exception:
            logger.exception("Scheduled publishing of revision %s failed", pk)
            failures.append(f"revision {pk}")
    if failures:
        raise RuntimeError(f"scheduled publishing failed for {', '.join(failures)}")
    return done
