"""Whether a legal document is in force, computed from its dates on the day the reader asks.

Stored nowhere: a document expires at midnight without anyone saving it, so the
status is worked out from the dates, in Python for one page and as a database
condition for the list's filter (so filtering never loads every document).
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loa.core.formats import VN_TZ


class Status(models.TextChoices):
    IN_FORCE = "con-hieu-luc", _("in force")
    EXPIRED = "het-hieu-luc", _("no longer in force")
    NOT_YET = "chua-co-hieu-luc", _("not yet in force")


#: What citizens read on the portal (public pages are written in Vietnamese, not translated).
PUBLIC_LABELS = {
    Status.IN_FORCE: "Còn hiệu lực",
    Status.EXPIRED: "Hết hiệu lực",
    Status.NOT_YET: "Chưa có hiệu lực",
}


def today() -> dt.date:
    """Today in Vietnam: a document taking effect on 1 January is in force from 00:00 Hà Nội time."""
    return timezone.now().astimezone(VN_TZ).date()


def status_of(
    issued_on: dt.date, effective_from: dt.date | None, effective_until: dt.date | None, on: dt.date
) -> Status:
    """A document without a date of effect takes effect on the day it is issued; it no longer
    applies from its expiry date onwards."""
    start = effective_from or issued_on
    if on < start:
        return Status.NOT_YET
    if effective_until is not None and on >= effective_until:
        return Status.EXPIRED
    return Status.IN_FORCE


def effective_start() -> Coalesce:
    return Coalesce("effective_from", "issued_on", output_field=models.DateField())


def status_condition(status: str, on: dt.date) -> Q:
    """The same rule as `status_of`, as a filter on a queryset annotated with `starts_on`."""
    if status == Status.NOT_YET:
        return Q(starts_on__gt=on)
    if status == Status.EXPIRED:
        return Q(starts_on__lte=on, effective_until__lte=on)
    return Q(starts_on__lte=on) & (Q(effective_until__isnull=True) | Q(effective_until__gt=on))
