"""Each app process's copy of the counts it put in Redis, kept until they are in the database.

Why. With Redis, a beacon is acknowledged once Redis holds its count, and the worker moves
pending counts to the database once a minute (`flush_counters`). A Redis that dies keeping
nothing on disk (or whose keys are deleted by mistake) would take up to a minute of
acknowledged counts with it, while the issue asks that after Redis returns "the totals equal
the number of hits sent". The ways to close that gap:

- write every hit to the database as well: exact, but a database write per beacon is what
  counting in Redis is there to avoid (bench/beacon.py: about 2,000–3,000 hits/s on SQLite
  against 5,000–8,600 with Redis on the reference machine);
- flush more often: shrinks the loss, never removes it;
- Redis persistence (`appendonly yes`): right for the deployment (docs/deploy.md says so),
  but Loa cannot enforce it, and a Redis replaced, or started without its files, loses the
  pending counts all the same;
- keep every count in two places until it is in the database: in Redis, and in the memory
  of the process that counted it. One failure (Redis dies, or an app process dies) loses no
  acknowledged count; both at once lose what was pending in both. This module does that,
  for a few dictionary additions per beacon.

How. Redis's data carries an `incarnation` id (set by the first count into an empty Redis)
and numbers its batches by `epoch` (each flush closes one; see `loa.stats.redis_counters`).
The counting script answers both, and `keep()` adds the hit's view, daily view and visit to
this process's copy of that (incarnation, epoch). A watcher thread, every `WATCH_SECONDS`
while the process holds copies, reads Redis's state:

- epochs of the current incarnation up to `done` are in the database: their copies are dropped;
- copies of another incarnation were lost with the Redis that held them: the process writes
  them to the database itself (`counters.write_back`), once: the database records each
  (incarnation, epoch) written from Redis and each process's part written from a copy, and a
  lock on the epoch's row makes the worker's flush and the write-back exclude each other.

A Redis that answers no incarnation (it came back empty and nobody has counted in it yet, or
its keys were deleted) changes nothing: the copies wait until the first count names the new
incarnation, so an idle Redis is never taken for a lost one.

Not kept: unique visitors (a HyperLogLog, an estimate anyway) and the most-read sorted sets
(the ranking reads the days before a Redis restart from the database; see `loa.stats.ranking`).
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field

from . import conf

logger = logging.getLogger(__name__)

WATCH_SECONDS = 2.0


@dataclass
class Copy:
    """What this process counted into one (incarnation, epoch) of one Redis."""

    views: Counter = field(default_factory=Counter)  # page id → n
    daily: Counter = field(default_factory=Counter)  # (page id, day) → n
    visits: Counter = field(default_factory=Counter)  # day → n
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])  # names its write-back in the database

    def add(self, other: Copy) -> None:
        self.views.update(other.views)
        self.daily.update(other.daily)
        self.visits.update(other.visits)


# (Redis URL, key prefix, incarnation, epoch): the store is part of the key so that copies made
# under other settings (tests change them) are never compared with another Redis's state.
Unit = tuple[str, str, str, int]

_lock = threading.Lock()
_copies: dict[Unit, Copy] = {}
_process: dict = {"watcher": None}


def _forked() -> None:
    """A forked worker starts with no copies and a watcher of its own (its parent's thread is not in it)."""
    global _lock
    _lock = threading.Lock()
    _copies.clear()
    _process["watcher"] = None


os.register_at_fork(after_in_child=_forked)


def _store() -> tuple[str, str]:
    settings = conf.current()
    return settings.counter_redis_url, settings.counter_prefix


def keep(incarnation: str, epoch: int, page_id: int | None, day, view: bool, visit: bool) -> None:
    """Remember a hit Redis just counted (a view of `page_id` and/or a visit on `day`)."""
    if not incarnation or not (view or visit):
        return
    with _lock:
        copy = _copies.get(unit := (*_store(), incarnation, epoch))
        if copy is None:
            copy = _copies[unit] = Copy()
        if view:
            copy.views[page_id] += 1
            copy.daily[(page_id, day)] += 1
        if visit:
            copy.visits[day] += 1
        if _process["watcher"] is None:
            _process["watcher"] = watcher = threading.Thread(target=_watch, name="loa-count-copies", daemon=True)
            watcher.start()


def held() -> dict[Unit, Copy]:
    """The copies this process holds (a snapshot)."""
    with _lock:
        return dict(_copies)


def forget() -> None:
    """Drop every copy (settings changed, tests)."""
    with _lock:
        _copies.clear()


def _watch() -> None:
    from django.db import connections

    stop = threading.Event()
    while not stop.wait(WATCH_SECONDS):
        try:
            check()
        except Exception:  # the watcher must outlive a database or Redis failure: it tries again
            logger.exception("Could not check the counts kept for Redis")
        finally:
            connections.close_all()  # this thread's own connections


def check() -> int:
    """Drop copies Redis has flushed; write back those of a Redis that lost them. Returns the parts written."""
    from . import counters
    from . import redis_counters as rc

    mine = {unit: copy for unit, copy in held().items() if unit[:2] == _store()}
    if not mine:
        return 0
    client = rc.client()
    if client is None:
        return 0
    try:
        incarnation, done = rc.read_state(client)
    except rc.RedisError:
        return 0  # down, or unreachable: the copies wait
    if not incarnation:
        return 0
    written = 0
    for unit in sorted(mine, key=lambda unit: unit[3]):
        if unit[2] == incarnation:
            if unit[3] <= done:
                _take(unit)
            continue
        # Taken out first: a beacon answered by the lost Redis just before it died may still add
        # to this unit, and gets a copy of its own (written back on the next round) rather than
        # adding to one being written.
        copy = _take(unit)
        try:
            written += counters.write_back(unit[2], unit[3], copy)
        except BaseException:  # rolled back: keep the counts for the next round
            with _lock:
                if unit in _copies:
                    copy.add(_copies[unit])
                _copies[unit] = copy
            raise
    if written:
        logger.warning("Redis lost counts it held: %d batches written back to the database", written)
    return written


def _take(unit: Unit) -> Copy:
    with _lock:
        return _copies.pop(unit, None) or Copy()
