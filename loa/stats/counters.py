"""Where counts go: straight to the database, or to Redis and flushed by a task.

`record_hit()` is the beacon's write path, `page_view_count()` and
`visit_totals()` the read paths used by templates and the beacon's answer.
With `LOA_COUNTER_REDIS_URL` (default: `REDIS_URL`) set, hits are counted in
Redis by one Lua script (atomic, one round trip) as pending deltas that
`flush_redis_counts()` moves to the database in batches. If Redis cannot be
reached the hit goes to the database instead, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from wagtail.models import Page

from .models import DailyPageView, DailyVisit, FlushedBatch, OnlineVisitor, PageViewCount
from .sql import increment_rows, upsert_rows

logger = logging.getLogger(__name__)

try:  # redis is a runtime dependency, but the embedded default never connects.
    import redis
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover
    redis = None
    RedisError = OSError  # type: ignore[assignment,misc]


class Keys:
    """Redis key names under LOA_COUNTER_PREFIX, so that several portals (or test runs) share one Redis."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.pending_views = prefix + "pending:views"  # hash page_id -> n
        self.pending_daily = prefix + "pending:daily"  # hash "YYYY-MM-DD:page_id" -> n
        self.pending_visits = prefix + "pending:visits"  # hash "YYYY-MM-DD" -> n
        self.online = prefix + "online"  # sorted set visitor -> last seen (unix time)
        self.batches = prefix + "batches"  # set of batch ids being flushed

    def seen(self, visitor: str, page_id: int | None) -> str:
        return f"{self.prefix}seen:{visitor}:{page_id}"

    def visit(self, visitor: str) -> str:
        return f"{self.prefix}visit:{visitor}"


def keys() -> Keys:
    return Keys(settings.LOA_COUNTER_PREFIX)


@dataclass(frozen=True)
class Hit:
    """One beacon from a human reader."""

    page_id: int | None
    visitor: str
    now: dt.datetime
    alias: str = ""  # a cookie-less reader's fingerprint, checked as well as `visitor`

    @property
    def day(self) -> dt.date:
        return timezone.localdate(self.now)


@dataclass(frozen=True)
class Recorded:
    view_counted: bool
    visit_counted: bool


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


def record_in_database(hit: Hit, *, count_view: bool, count_visit: bool) -> None:
    with transaction.atomic():
        if count_view and hit.page_id:
            increment_rows(PageViewCount, ["page_id"], [(hit.page_id, 1)])
            increment_rows(DailyPageView, ["page_id", "day"], [(hit.page_id, hit.day, 1)])
        if count_visit:
            increment_rows(DailyVisit, ["day"], [(hit.day, 1)])
        upsert_rows(OnlineVisitor, ["visitor"], "last_seen", [(hit.visitor, hit.now)])


# --- Redis store -----------------------------------------------------------------

# KEYS: view-seen, visit-seen, pending views, pending daily, pending visits, online,
#       alias view-seen, alias visit-seen (the alias keys equal the first two when there is no alias)
# ARGV: page id ('' for none), daily field, day, now, view ttl, visit ttl, online window, visitor
RECORD_SCRIPT = """
local function first_time(key, alias_key, ttl)
  local fresh = redis.call('SET', key, '1', 'NX', 'EX', ttl)
  if alias_key ~= key then
    local fresh_alias = redis.call('SET', alias_key, '1', 'NX', 'EX', ttl)
    fresh = fresh and fresh_alias
  end
  return fresh
end
local view = 0
if ARGV[1] ~= '' and first_time(KEYS[1], KEYS[7], ARGV[5]) then
  redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
  redis.call('HINCRBY', KEYS[4], ARGV[2], 1)
  view = 1
end
local visit = 0
if first_time(KEYS[2], KEYS[8], ARGV[6]) then
  redis.call('HINCRBY', KEYS[5], ARGV[3], 1)
  visit = 1
else
  redis.call('EXPIRE', KEYS[2], ARGV[6])
end
redis.call('ZADD', KEYS[6], ARGV[4], ARGV[8])
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[7]))
return {view, visit}
"""

# Move the pending hashes under a batch id in one atomic step.
TAKE_BATCH_SCRIPT = """
local moved = 0
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    redis.call('RENAME', key, ARGV[1] .. ':' .. i)
    moved = 1
  end
end
if moved == 1 then redis.call('SADD', ARGV[2], ARGV[1]) end
return moved
"""


@cache
def redis_client():
    url = settings.LOA_COUNTER_REDIS_URL
    if not url or redis is None:
        return None
    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5, health_check_interval=30)


def reset_redis_client() -> None:
    redis_client.cache_clear()


def record_hit(hit: Hit) -> Recorded:
    """Count a view of `hit.page_id` and a visit, unless this visitor was just counted."""
    client = redis_client()
    k = keys()
    if client is not None:
        try:
            view, visit = client.eval(
                RECORD_SCRIPT,
                8,
                k.seen(hit.visitor, hit.page_id),
                k.visit(hit.visitor),
                k.pending_views,
                k.pending_daily,
                k.pending_visits,
                k.online,
                k.seen(hit.alias or hit.visitor, hit.page_id),
                k.visit(hit.alias or hit.visitor),
                hit.page_id or "",
                f"{hit.day.isoformat()}:{hit.page_id}",
                hit.day.isoformat(),
                int(hit.now.timestamp()),
                settings.LOA_VIEW_DEDUP_SECONDS,
                settings.LOA_VISIT_SECONDS,
                settings.LOA_ONLINE_SECONDS,
                hit.visitor,
            )
            return Recorded(bool(view), bool(visit))
        except RedisError:
            logger.warning("Redis unreachable: counting in the database", exc_info=True)
    count_view = bool(hit.page_id) and _first_time(
        k.seen(hit.visitor, hit.page_id),
        k.seen(hit.alias, hit.page_id) if hit.alias else "",
        settings.LOA_VIEW_DEDUP_SECONDS,
    )
    count_visit = _first_time(k.visit(hit.visitor), k.visit(hit.alias) if hit.alias else "", settings.LOA_VISIT_SECONDS)
    record_in_database(hit, count_view=count_view, count_visit=count_visit)
    return Recorded(count_view, count_visit)


def flush_redis_counts() -> int:
    """Write Redis's pending counts to the database; returns the number of batches written.

    Each batch is recorded in `FlushedBatch` in the same transaction as its
    counts, so a flush interrupted after the commit but before the Redis
    clean-up is finished by the next run without counting twice.
    """
    client = redis_client()
    if client is None:
        return 0
    written = 0
    try:
        take_batch(client)
        for raw in client.smembers(keys().batches):
            batch = raw.decode()
            written += apply_batch(client, batch)
            client.delete(*(f"{batch}:{i}" for i in (1, 2, 3)))
            client.srem(keys().batches, raw)
    except RedisError:
        # Pending counts stay in Redis (or in a listed batch) and are flushed on a later run.
        logger.warning("Redis unreachable: counter flush postponed", exc_info=True)
    return written


def take_batch(client) -> str:
    """Atomically move the pending hashes under a new batch id (listed in `keys().batches`)."""
    k = keys()
    batch = f"{k.prefix}batch:{uuid.uuid4().hex}"
    client.eval(TAKE_BATCH_SCRIPT, 3, k.pending_views, k.pending_daily, k.pending_visits, batch, k.batches)
    return batch


def apply_batch(client, batch: str) -> int:
    """Add one batch's counts to the database, once: 1 if written now, 0 if it already was."""
    batch_id = batch.rsplit(":", 1)[-1]
    views, daily, visits = (client.hgetall(f"{batch}:{i}") for i in (1, 2, 3))
    daily_rows = []
    for key, value in daily.items():
        day, page_id = key.decode().split(":")
        daily_rows.append((int(page_id), dt.date.fromisoformat(day), int(value)))
    view_rows = [(int(k), int(v)) for k, v in views.items()]
    # Pages deleted since they were counted would break the foreign keys: drop their counts.
    existing = set(Page.objects.filter(pk__in={row[0] for row in view_rows}).values_list("pk", flat=True))
    view_rows = [row for row in view_rows if row[0] in existing]
    daily_rows = [row for row in daily_rows if row[0] in existing]
    with transaction.atomic():
        if FlushedBatch.objects.filter(batch_id=batch_id).exists():
            return 0
        increment_rows(PageViewCount, ["page_id"], view_rows)
        increment_rows(DailyPageView, ["page_id", "day"], daily_rows)
        increment_rows(DailyVisit, ["day"], [(dt.date.fromisoformat(k.decode()), int(v)) for k, v in visits.items()])
        FlushedBatch.objects.create(batch_id=batch_id)
    return 1


def prune_online(now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    OnlineVisitor.objects.filter(last_seen__lt=now - dt.timedelta(seconds=settings.LOA_ONLINE_SECONDS)).delete()
    FlushedBatch.objects.filter(flushed_at__lt=now - dt.timedelta(days=7)).delete()


# --- Reading -------------------------------------------------------------------------


def _pending(getter):
    """A value read from Redis's pending counts, or None without Redis."""
    client = redis_client()
    if client is None:
        return None
    try:
        return getter(client)
    except RedisError:
        return None


def page_view_count(page_id: int) -> int:
    stored = PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0
    return stored + int(_pending(lambda c: c.hget(keys().pending_views, page_id)) or 0)


def visit_totals(offset: int = 0, now: dt.datetime | None = None) -> dict[str, int]:
    """Total (with the carried-over offset), today and online now."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    rows = DailyVisit.objects.aggregate(total=Sum("count"), today=Sum("count", filter=Q(day=today)))
    today_count = rows["today"] or 0
    pending = _pending(lambda c: c.hgetall(keys().pending_visits)) or {}
    pending_today = int(pending.get(today.isoformat().encode(), 0))
    pending_all = sum(int(v) for v in pending.values())
    online = _online_count(now)
    return {
        "total": offset + (rows["total"] or 0) + pending_all,
        "today": today_count + pending_today,
        "online": max(online, 1),  # the reader looking at the number is online
    }


def _online_count(now: dt.datetime) -> int:
    window = settings.LOA_ONLINE_SECONDS
    client = redis_client()
    if client is not None:
        try:
            return int(client.zcount(keys().online, now.timestamp() - window, "+inf"))
        except RedisError:
            pass
    return OnlineVisitor.objects.filter(last_seen__gte=now - dt.timedelta(seconds=window)).count()
