"""Small per-process caches for the beacon's hot path.

Why not Django's cache: with `REDIS_URL` set, every `cache.get` is a network round trip,
and the beacon would pay two or three of them (is the page live, the site's carried-over
visit count) on top of its one counting round trip. What is kept here is either cheap to
be a few seconds late about or checked against a generation number on every use, and
every instance is forgotten at once by `clear_all()` (when content changes in this
process, and between tests).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Hashable
from typing import Any

MISSING: Any = object()
_instances: weakref.WeakSet[LocalCache] = weakref.WeakSet()


class LocalCache:
    """A dict whose entries expire after `seconds`; emptied whole when it reaches `max_entries`.

    Thread-safe enough for its use: single dict operations are atomic under the GIL, and a
    race only costs a repeated look-up.
    """

    def __init__(self, seconds: float, max_entries: int = 10_000) -> None:
        self.seconds = seconds
        self.max_entries = max_entries
        self._entries: dict[Hashable, tuple[float, Any]] = {}
        _instances.add(self)

    def get(self, key: Hashable) -> Any:
        """The value, or MISSING when absent or expired."""
        entry = self._entries.get(key)
        if entry is None or entry[0] < time.monotonic():
            return MISSING
        return entry[1]

    def set(self, key: Hashable, value: Any) -> None:
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[key] = (time.monotonic() + self.seconds, value)

    def clear(self) -> None:
        self._entries.clear()


def clear_all(**kwargs: Any) -> None:
    """Forget every local cache of this process (also usable as a signal receiver)."""
    for instance in list(_instances):
        instance.clear()
