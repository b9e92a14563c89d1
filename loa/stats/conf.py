"""The counters' settings, read once per process rather than on every beacon.

Why: `settings.X` goes through Django's lazy settings object on every access, and the
beacon's path read about twenty of them per hit (rate limit, windows, key prefix, Redis
URL, secret key…), a noticeable part of a hit that otherwise costs a few dozen
microseconds of Python. `current()` reads them once into a frozen snapshot.

Safe because settings do not change in a running server; when they do (tests,
`override_settings`), Django sends `setting_changed` and the snapshot is dropped here, so
the next beacon reads the new values.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed


@dataclass(frozen=True, slots=True)
class StatsSettings:
    counter_redis_url: str
    counter_prefix: str
    view_dedup_seconds: int
    visit_seconds: int
    online_seconds: int
    beacon_rate_limit: int
    beacon_rate_window: int
    client_ip_header: str
    secret_key: str
    debug: bool


_current: StatsSettings | None = None


def current() -> StatsSettings:
    """This process's snapshot of the settings the beacon reads."""
    global _current
    snapshot = _current
    if snapshot is None:
        snapshot = _current = StatsSettings(
            counter_redis_url=settings.LOA_COUNTER_REDIS_URL,
            counter_prefix=settings.LOA_COUNTER_PREFIX,
            view_dedup_seconds=settings.LOA_VIEW_DEDUP_SECONDS,
            visit_seconds=settings.LOA_VISIT_SECONDS,
            online_seconds=settings.LOA_ONLINE_SECONDS,
            beacon_rate_limit=settings.LOA_BEACON_RATE_LIMIT,
            beacon_rate_window=settings.LOA_BEACON_RATE_WINDOW,
            client_ip_header=getattr(settings, "LOA_CLIENT_IP_HEADER", ""),
            secret_key=settings.SECRET_KEY,
            debug=settings.DEBUG,
        )
    return snapshot


def forget(**kwargs) -> None:
    """Read the settings again at the next use (a receiver of `setting_changed`)."""
    global _current
    _current = None


setting_changed.connect(forget, dispatch_uid="loa-stats-settings-changed")
