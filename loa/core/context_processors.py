"""Values every public template needs, computed lazily once per request."""

from __future__ import annotations

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from .formats import header_date
from .versioning import current_version


def portal(request) -> dict:
    return {
        # Evaluated only if a fragment cache asks for it: one query per request at most.
        "content_version": SimpleLazyObject(lambda: str(current_version())),
        "today_label": SimpleLazyObject(lambda: header_date(timezone.localdate())),
        "today": SimpleLazyObject(timezone.localdate),
    }
