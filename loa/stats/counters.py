"""Where counts go: straight to the database, or to Redis and flushed by a task.

`beacon_counts()` is the beacon's path: it counts a hit and returns the numbers the
beacon answers with. `page_view_count()`, `visit_totals()` and `unique_visitors()` are
the read paths of templates and reports. With `LOA_COUNTER_REDIS_URL` (default:
`REDIS_URL`) set, a hit is one Lua script in Redis (see `loa.stats.redis_counters`) whose
pending counts `flush_redis_counts()` moves to the database in batches, and a beacon costs
one Redis round trip and, most of the time, no database query. If Redis cannot be reached
the hit goes to the database instead, so nothing is lost; and if Redis loses what it held
(it died keeping nothing on disk), the processes that counted those hits write them back
from the copies they keep until the flush (`loa.stats.copies`).

Displayed numbers are always database + pending. The beacon keeps the database part in
a per-process cache: with Redis until the next flush (Redis's flush generation tells
every process), without Redis for one second (the visit totals and "online now"; the
page's own count is read each time).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from wagtail.models import Page

from . import copies
from . import redis_counters as rc
from .localcache import MISSING, LocalCache
from .models import (
    CountedVisitor,
    CounterFallbackDay,
    DailyPageView,
    DailyVisit,
    DailyVisitors,
    FlushedBatch,
    OnlineVisitor,
    PageViewCount,
)
from .redis_counters import RedisError
from .sql import increment_row_returning, increment_rows, insert_new_rows, raise_rows, upsert_rows
from .sqlite_writer import sqlite_writer

logger = logging.getLogger(__name__)

DATABASE_TOTALS_SECONDS = 1.0


class Hit(NamedTuple):
    """One beacon from a human reader.

    This and the other per-beacon records are NamedTuples rather than frozen dataclasses:
    as immutable, and several times cheaper to make, which counts once per beacon.
    """

    page_id: int | None
    visitor: str
    now: dt.datetime
    alias: str = ""  # a cookie-less reader's fingerprint, checked as well as `visitor`

    @property
    def day(self) -> dt.date:
        return local_day(self.now)

    @property
    def counts_as_visitor(self) -> bool:
        """A reader without a cookie carries a new id on every hit: a new visitor only with a new visit."""
        return not self.alias


class Recorded(NamedTuple):
    view_counted: bool
    visit_counted: bool
    stored_views: int | None = None  # the page's count in the database right after this hit, when it wrote there


NOT_RECORDED = Recorded(False, False)


class Numbers(NamedTuple):
    """What the beacon shows: the page's views and the visit counter (without the carried-over offset)."""

    views: int | None
    total: int
    today: int
    online: int


# Compatibility names: the Redis store's helpers as they were imported from here.
redis_client = rc.client
keys = rc.keys


def reset_redis_client() -> None:
    """Forget the Redis client, any Redis failure and every cached count (settings changed, tests)."""
    rc.reset()
    copies.forget()
    from .localcache import clear_all

    clear_all()


# --- Database store ------------------------------------------------------------


def _first_time(key: str, alias_key: str, seconds: int) -> bool:
    """True the first time `key` (and `alias_key`, if given) is seen within `seconds`.

    Without Redis this is the process cache, so with several worker processes a
    reload served by another process may be counted once more; counts are never lost.
    """
    fresh = django_cache.add(key, 1, timeout=seconds)
    if alias_key:
        fresh = django_cache.add(alias_key, 1, timeout=seconds) and fresh
    return fresh


def record_in_database(hit: Hit, *, fallback: bool = False) -> Recorded:
    """Count `hit` in the database; `fallback` when Redis should have counted it (see `CounterFallbackDay`)."""
    k = rc.keys()
    count_view = bool(hit.page_id) and _first_time(
        k.seen(hit.visitor, hit.page_id),
        k.seen(hit.alias, hit.page_id) if hit.alias else "",
        settings.LOA_VIEW_DEDUP_SECONDS,
    )
    count_visit = _first_time(k.visit(hit.visitor), k.visit(hit.alias) if hit.alias else "", settings.LOA_VISIT_SECONDS)
    day = hit.day
    stored_views = None
    database = connections[DEFAULT_DB_ALIAS]  # once: each use of `django.db.connection` looks it up again
    with sqlite_writer(database), transaction.atomic(using=DEFAULT_DB_ALIAS), database.cursor() as cursor:
        if count_view:
            stored_views = increment_row_returning(PageViewCount, ["page_id"], (hit.page_id, 1), cursor=cursor)
            increment_rows(DailyPageView, ["page_id", "day"], [(hit.page_id, day, 1)], cursor=cursor)
        if count_visit:
            increment_rows(DailyVisit, ["day"], [(day, 1)], cursor=cursor)
        if (hit.counts_as_visitor or count_visit) and insert_new_rows(
            CountedVisitor, ["day", "visitor"], [(day, hit.visitor)], cursor=cursor
        ):
            increment_rows(DailyVisitors, ["day"], [(day, 1)], count_column="database_count", cursor=cursor)
        if fallback:
            insert_new_rows(CounterFallbackDay, ["day"], [(day,)], cursor=cursor)
        upsert_rows(OnlineVisitor, ["visitor"], "last_seen", [(hit.visitor, hit.now)], cursor=cursor)
    return Recorded(count_view, count_visit, stored_views)


def _stored_views(page_id: int) -> int:
    return PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0


def _stored_visits(today: dt.date) -> tuple[int, int]:
    """(all days, today) from DailyVisit."""
    rows = DailyVisit.objects.aggregate(total=Sum("count"), today=Sum("count", filter=Q(day=today)))
    return rows["total"] or 0, rows["today"] or 0


def _stored_online(now: dt.datetime) -> int:
    return OnlineVisitor.objects.filter(last_seen__gte=now - dt.timedelta(seconds=settings.LOA_ONLINE_SECONDS)).count()


# --- Per-process caches of database counts (see the module docstring) ----------------------------


class _StoredForGeneration:
    """Database counts cached until Redis's flush generation moves, or a minute at most.

    Between flushes the database changes only when a hit falls back to it (Redis down);
    a process that falls back forgets its own cache, the others catch up at the next
    flush or within the minute.
    """

    def __init__(self) -> None:
        self.generation: int | None = None
        self.cache = LocalCache(60)

    def get(self, generation: int, key: tuple, compute):
        if generation != self.generation:
            self.cache.clear()
            self.generation = generation
        value = self.cache.get(key)
        if value is MISSING:
            value = compute()
            self.cache.set(key, value)
        return value

    def clear(self) -> None:
        self.cache.clear()


_for_generation = _StoredForGeneration()
_recent_totals = LocalCache(DATABASE_TOTALS_SECONDS)


# --- The beacon -------------------------------------------------------------------


class _Day(NamedTuple):
    zone: dt.tzinfo
    start: float  # unix time of its first second
    end: float  # … and of the next day's
    date: dt.date


_day = _Day(dt.UTC, 0.0, 0.0, dt.date.min)


def local_day(now: dt.datetime) -> dt.date:
    """`timezone.localdate(now)`, remembered with the bounds of that day in the current time zone.

    Converting to local time costs more than the rest of finding the day; a beacon
    usually falls in the same day as the one before it.
    """
    global _day
    zone = timezone.get_current_timezone()
    day = _day
    if day.zone is zone and now.tzinfo is not None and day.start <= now.timestamp() < day.end:
        return day.date
    date = timezone.localdate(now, zone)
    start = dt.datetime.combine(date, dt.time.min, tzinfo=zone).timestamp()
    end = dt.datetime.combine(date + dt.timedelta(days=1), dt.time.min, tzinfo=zone).timestamp()
    if start <= now.timestamp() < end:  # always, unless the zone's midnight is skipped or repeated
        _day = _Day(zone, start, end, date)
    return date


def rate_allowed(rate: rc.RateLimit, allowed_without_redis: Callable[[], bool]) -> bool:
    """Count one request against `rate`: in Redis when it counts the hits, else by `allowed_without_redis()`."""
    if rate.limit <= 0:
        return True
    client = rc.client()
    if client is not None:
        try:
            return not rc.over_limit(client, rate)
        except RedisError:
            rc.mark_down()
    return allowed_without_redis()


def beacon_counts(
    hit: Hit | None,
    page_id: int | None,
    now: dt.datetime | None = None,
    *,
    rate: rc.RateLimit = rc.NO_LIMIT,
    allowed_without_redis: Callable[[], bool] = lambda: True,
) -> tuple[Recorded, Numbers] | None:
    """Count `hit` (None: a bot, only read) and return the numbers to show for `page_id` (the hit's page).

    None when the client is over `rate` (counted in the same Redis script, or by
    `allowed_without_redis()` when the database counts): then nothing is counted.
    """
    now = hit.now if hit is not None else (now or timezone.now())
    today = local_day(now)
    client = rc.client()
    if client is not None:
        try:
            pending = rc.record_and_read(client, hit, page_id, now, today, rate)
        except rc.OverLimit:
            return None
        except RedisError:
            rc.mark_down()
        else:
            if hit is not None:
                copies.keep(pending.incarnation, pending.epoch, hit.page_id, today, pending.view_counted,
                            pending.visit_counted)  # fmt: skip
            generation = pending.generation
            views = None
            if page_id:
                views = _for_generation.get(generation, ("views", page_id), lambda: _stored_views(page_id))
                views += pending.views
            total, today_count = _for_generation.get(generation, ("visits", today), lambda: _stored_visits(today))
            return Recorded(pending.view_counted, pending.visit_counted), Numbers(
                views=views,
                total=total + pending.visits_total,
                today=today_count + pending.visits_today,
                online=max(pending.online, 1),  # the reader looking at the number is online
            )
    if rate.limit > 0 and not allowed_without_redis():
        return None
    recorded = NOT_RECORDED
    if hit is not None:
        fallback = rc.configured()
        if fallback:
            _for_generation.clear()  # this process's cached counts miss what it is about to write
        recorded = record_in_database(hit, fallback=fallback)
    totals = _recent_totals.get(today)
    if totals is MISSING:
        totals = (*_stored_visits(today), _stored_online(now))
        _recent_totals.set(today, totals)
    total, today_count, online = totals
    views = None
    if page_id:
        views = recorded.stored_views if recorded.stored_views is not None else _stored_views(page_id)
    return recorded, Numbers(views=views, total=total, today=today_count, online=max(online, 1))


def record_hit(hit: Hit) -> Recorded:
    """Count a view of `hit.page_id` and a visit, unless this visitor was just counted."""
    counted = beacon_counts(hit, hit.page_id)
    assert counted is not None  # no rate limit asked for
    return counted[0]


# --- Flushing Redis to the database -------------------------------------------------------


def flush_redis_counts() -> int:
    """Write Redis's pending counts to the database; returns the number of batches written.

    Each batch is recorded in `FlushedBatch` in the same transaction as its counts, so a
    flush interrupted after the commit but before the Redis clean-up is finished by the
    next run without counting twice. Unique visitors are *set* from the day's HyperLogLog
    (never lowered), so they are idempotent by nature.
    """
    client = rc.client()
    if client is None:
        return 0
    written = 0
    try:
        rc.take_batch(client)
        for batch in rc.listed_batches(client):
            written += apply_batch(client, batch)
            rc.finish_batch(client, batch)
        rc.mark_done(client)  # the app processes may drop their copies of these counts
    except RedisError:
        # Pending counts stay in Redis (or in a listed batch) and are flushed on a later run.
        logger.warning("Redis unreachable: counter flush postponed", exc_info=True)
    return written


take_batch = rc.take_batch


def apply_batch(client, batch: str) -> int:
    """Write one batch's counts to the database, once: 1 if written now, 0 if it already was.

    Nor is it written if an app process has already written back its part of the same
    (incarnation, epoch) from its copy: that Redis lost the batch, and this flush read it
    just before (see `_write_once`); the other processes write back their own parts.
    """
    return write_batch(rc.read_batch(client, batch))


def write_batch(data: rc.Batch) -> int:
    """`apply_batch` once the batch is read from Redis."""
    epoch, _, _nonce = data.batch_id.rpartition(":r:")
    return _write_once(
        data.batch_id,
        epoch=epoch,  # "<incarnation>:<epoch>", or "" for a batch named before epochs were
        unless=f"{epoch}:p:",
        views=data.views,
        daily=data.daily,
        visits=data.visits,
        unique=data.unique,
    )


def write_back(incarnation: str, epoch: int, copy: copies.Copy) -> int:
    """Write a process's copy of counts a lost Redis held, once: 1 if written now, 0 if the flush had them."""
    with sqlite_writer(connection):  # queue with this process's beacons rather than poll for the lock
        written = _write_once(
            f"{incarnation}:{epoch}:p:{copy.id}",
            epoch=f"{incarnation}:{epoch}",
            unless=f"{incarnation}:{epoch}:r:",
            views=list(copy.views.items()),
            daily=[(page_id, day, n) for (page_id, day), n in copy.daily.items()],
            visits=list(copy.visits.items()),
        )
    _for_generation.clear()
    return written


def _write_once(record: str, *, epoch: str, unless: str, views, daily, visits, unique=()) -> int:
    """Add counts to the database and record `record` in `FlushedBatch`, unless either is there already.

    `record` names where the counts come from: a batch flushed from Redis
    (`<incarnation>:<epoch>:r:<nonce>`) or one process's copy of an epoch a lost Redis held
    (`<incarnation>:<epoch>:p:<copy>`). The two hold the same hits, so neither is written
    once one of the other kind (`unless`) is. Both take a lock on the epoch's own row
    (`<incarnation>:<epoch>`) first, so that a flush that read the batch just before Redis
    died and a process writing back its copy cannot both decide they are first (SQLite's
    IMMEDIATE transactions serialise them anyway).
    """
    # Pages deleted since they were counted would break the foreign keys: drop their counts.
    existing = set(Page.objects.filter(pk__in={row[0] for row in views}).values_list("pk", flat=True))
    with transaction.atomic():
        if epoch:
            FlushedBatch.objects.bulk_create([FlushedBatch(batch_id=epoch)], ignore_conflicts=True)
            list(FlushedBatch.objects.select_for_update().filter(batch_id=epoch))
        done = Q(batch_id=record) | (Q(batch_id__startswith=unless) if epoch else Q(pk__in=[]))
        if FlushedBatch.objects.filter(done).exists():
            return 0
        increment_rows(PageViewCount, ["page_id"], [row for row in views if row[0] in existing])
        increment_rows(DailyPageView, ["page_id", "day"], [row for row in daily if row[0] in existing])
        increment_rows(DailyVisit, ["day"], visits)
        raise_rows(DailyVisitors, ["day"], "redis_count", unique)
        FlushedBatch.objects.create(batch_id=record)
    return 1


def prune_online(now: dt.datetime | None = None) -> None:
    """Forget what only mattered for a while: online visitors, visitors counted before yesterday, old batches."""
    now = now or timezone.now()
    OnlineVisitor.objects.filter(last_seen__lt=now - dt.timedelta(seconds=settings.LOA_ONLINE_SECONDS)).delete()
    CountedVisitor.objects.filter(day__lt=timezone.localdate(now) - dt.timedelta(days=1)).delete()
    CounterFallbackDay.objects.filter(day__lt=timezone.localdate(now) - dt.timedelta(days=rc.DAY_KEY_DAYS)).delete()
    FlushedBatch.objects.filter(flushed_at__lt=now - dt.timedelta(days=7)).delete()


# --- Reading (templates, reports) ---------------------------------------------------------------


def _pending_read(page_id: int | None, now: dt.datetime) -> rc.Pending | None:
    client = rc.client()
    if client is None:
        return None
    try:
        return rc.record_and_read(client, None, page_id, now, timezone.localdate(now))
    except RedisError:
        rc.mark_down()
        return None


def page_view_count(page_id: int) -> int:
    pending = _pending_read(page_id, timezone.now())
    return _stored_views(page_id) + (pending.views if pending else 0)


def visit_totals(offset: int = 0, now: dt.datetime | None = None) -> dict[str, int]:
    """Total (with the carried-over offset), today and online now."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    pending = _pending_read(None, now)
    total, today_count = _stored_visits(today)
    online = pending.online if pending else _stored_online(now)
    return {
        "total": offset + total + (pending.visits_total if pending else 0),
        "today": today_count + (pending.visits_today if pending else 0),
        "online": max(online, 1),  # the reader looking at the number is online
    }


def unique_visitors(day: dt.date) -> int:
    """Distinct visitors on `day`: the database's part plus Redis's HyperLogLog (live, or as last flushed)."""
    row = DailyVisitors.objects.filter(day=day).values_list("redis_count", "database_count").first() or (0, 0)
    redis_part, database_part = row
    client = rc.client()
    if client is not None:
        try:
            redis_part = max(redis_part, rc.unique_count(client, day))
        except RedisError:
            rc.mark_down()
    return database_part + redis_part
