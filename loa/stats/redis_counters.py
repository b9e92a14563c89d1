"""The Redis store of the counters: one Lua script per hit, one round trip per beacon, batched flushes.

Keys, under `LOA_COUNTER_PREFIX` (so the portals of a province can share one Redis):

| key | type | holds |
|---|---|---|
| `pending:views` | hash | page id → views not yet in the database |
| `pending:daily` | hash | `YYYY-MM-DD:page id` → the same by day |
| `pending:visits` | hash | `YYYY-MM-DD` → visits not yet in the database |
| `pending:unique` | set | days whose unique-visitor HyperLogLog grew since the last flush |
| `mostread:YYYY-MM-DD` | sorted set | page id → views that day, for the most-read box |
| `unique:YYYY-MM-DD` | HyperLogLog | the day's visitor ids |
| `online` | sorted set | visitor → last seen (unix time), trimmed by every hit |
| `since` | string | unix time from which Redis counted every hit (see `loa.stats.ranking`) |
| `generation` | integer | +1 after each flush: cached database counts older than it are stale |
| `batches` | set | batches being flushed |
| `state` | hash | `incarnation`, `epoch`, `done` (below) |
| `seen:…`, `visit:…` | strings | de-duplication markers, expiring with their windows |
| `rate:…` | integers | the beacon's per-client rate limit (`loa.core.ratelimit`'s rule), one per window |

A beacon is one `EVALSHA` of `RECORD_SCRIPT`: it counts the hit and reads the numbers the
beacon answers with, atomically and in one round trip.

Per-day keys expire `DAY_KEY_DAYS` days after their last change, the online set
`LOA_ONLINE_SECONDS` after the last hit. Pending hashes never expire: they are the counts.
Keep Redis's default `maxmemory-policy noeviction` on the instance holding them.

`state`: `incarnation` is an id the data took at its first count (it changes when Redis comes
back empty), `epoch` numbers the batch now filling (each flush closes one), and every epoch up
to `done` is in the database. Each app process keeps a copy of what it counted here until
`done` passes its epoch, and writes it back itself if the incarnation changes (`loa.stats.copies`).

Every Redis call here may raise `RedisError`; callers fall back to the database. After a
failure Redis is left alone for `RETRY_AFTER_SECONDS`, so beacons do not each wait for a
connection time-out while it is down.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from django.conf import settings

from . import conf

logger = logging.getLogger(__name__)

try:  # redis is a runtime dependency, but the embedded default never connects.
    import redis
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import NoScriptError, RedisError, ResponseError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # pragma: no cover
    redis = None
    RedisError = RedisConnectionError = RedisTimeoutError = ResponseError = NoScriptError = OSError  # type: ignore
try:  # redis-py packs commands with it when it is installed (requirements.txt)
    from hiredis import pack_command as hiredis_pack_command
except ImportError:  # pragma: no cover
    hiredis_pack_command = None

DAY_KEY_DAYS = 40  # longer than the longest most-read window (30 days)
RETRY_AFTER_SECONDS = 5.0


class Keys:
    """Redis key names under LOA_COUNTER_PREFIX (see the module docstring)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.pending_views = prefix + "pending:views"
        self.pending_daily = prefix + "pending:daily"
        self.pending_visits = prefix + "pending:visits"
        self.pending_unique = prefix + "pending:unique"
        self.online = prefix + "online"
        self.since = prefix + "since"
        self.generation = prefix + "generation"
        self.batches = prefix + "batches"
        self.state = prefix + "state"
        self.batch_prefix = prefix + "batch:"

    @property
    def pending(self) -> tuple[str, str, str, str]:
        """The keys a flush moves to a batch, in batch order (batch:1 … batch:4)."""
        return self.pending_views, self.pending_daily, self.pending_visits, self.pending_unique

    def seen(self, visitor: str, page_id: int | None) -> str:
        return f"{self.prefix}seen:{visitor}:{page_id}"

    def visit(self, visitor: str) -> str:
        return f"{self.prefix}visit:{visitor}"

    def most_read(self, day: dt.date) -> str:
        return f"{self.prefix}mostread:{day.isoformat()}"

    def unique(self, day: dt.date) -> str:
        return f"{self.prefix}unique:{day.isoformat()}"

    def rate(self, bucket: str) -> str:
        return f"{self.prefix}rate:{bucket}"


def keys() -> Keys:
    return _keys(conf.current().counter_prefix)


@cache
def _keys(prefix: str) -> Keys:
    return Keys(prefix)


# The beacon's one round trip: the client's rate limit, then count a hit (unless ARGV[1] is '0': a
# bot) and read the pending numbers.
# KEYS: 1 view-seen, 2 visit-seen, 3 alias view-seen, 4 alias visit-seen (3 and 4 equal 1 and 2 when
#       the reader holds a cookie), 5 pending views, 6 pending daily, 7 pending visits, 8 most-read of
#       the day, 9 unique visitors of the day, 10 pending unique days, 11 online, 12 since,
#       13 generation, 14 the client's rate-limit counter, 15 state
# ARGV: 1 record ('1' or '0'), 2 page id ('' for none), 3 day, 4 now (unix seconds), 5 view window,
#       6 visit window, 7 online window, 8 visitor, 9 lifetime of the per-day keys (seconds),
#       10 rate limit (0: none), 11 rate window (seconds), 12 an incarnation id for a Redis without one
# Returns {-1} when the client is over its limit (nothing counted), else: view counted, visit
# counted, the page's pending views, the pending visits hash (flat), visitors online, the flush
# generation, and when recording, the incarnation and the epoch the counts went to.
RATE_LIMIT_LUA = """
local function over_limit(key, limit, window)
  if tonumber(limit) <= 0 then return false end
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, window) end
  return n > tonumber(limit)
end
"""
RECORD_SCRIPT = (
    RATE_LIMIT_LUA
    + """
if over_limit(KEYS[14], ARGV[10], ARGV[11]) then return {-1} end
local function first_time(key, alias_key, ttl)
  local fresh = redis.call('SET', key, '1', 'NX', 'EX', ttl)
  if alias_key ~= key then
    local fresh_alias = redis.call('SET', alias_key, '1', 'NX', 'EX', ttl)
    fresh = fresh and fresh_alias
  end
  return fresh
end
local now = tonumber(ARGV[4])
local view, visit = 0, 0
local state = {false, false}
if ARGV[1] == '1' then
  redis.call('HSETNX', KEYS[15], 'incarnation', ARGV[12])
  state = redis.call('HMGET', KEYS[15], 'incarnation', 'epoch')
  redis.call('SET', KEYS[12], ARGV[4], 'NX')
  if ARGV[2] ~= '' and first_time(KEYS[1], KEYS[3], ARGV[5]) then
    redis.call('HINCRBY', KEYS[5], ARGV[2], 1)
    redis.call('HINCRBY', KEYS[6], ARGV[3] .. ':' .. ARGV[2], 1)
    redis.call('ZINCRBY', KEYS[8], 1, ARGV[2])
    redis.call('EXPIRE', KEYS[8], ARGV[9])
    view = 1
  end
  if first_time(KEYS[2], KEYS[4], ARGV[6]) then
    redis.call('HINCRBY', KEYS[7], ARGV[3], 1)
    visit = 1
  else
    redis.call('EXPIRE', KEYS[2], ARGV[6])
  end
  -- A reader without a cookie carries a new id on every hit: a new visitor only with a new visit.
  if (KEYS[4] == KEYS[2] or visit == 1) and redis.call('PFADD', KEYS[9], ARGV[8]) == 1 then
    redis.call('EXPIRE', KEYS[9], ARGV[9])
    redis.call('SADD', KEYS[10], ARGV[3])
  end
  redis.call('ZADD', KEYS[11], now, ARGV[8])
  redis.call('ZREMRANGEBYSCORE', KEYS[11], '-inf', now - tonumber(ARGV[7]))
  redis.call('EXPIRE', KEYS[11], ARGV[7])
end
local views = false
if ARGV[2] ~= '' then views = redis.call('HGET', KEYS[5], ARGV[2]) end
return {
  view, visit, views, redis.call('HGETALL', KEYS[7]),
  redis.call('ZCOUNT', KEYS[11], now - tonumber(ARGV[7]), '+inf'), redis.call('GET', KEYS[13]),
  state[1], state[2]
}
"""
)
RECORD_SHA = hashlib.sha1(RECORD_SCRIPT.encode()).hexdigest()
# The rate limit alone, for requests refused before counting (KEYS: counter; ARGV: limit, window).
RATE_SCRIPT = RATE_LIMIT_LUA + "return over_limit(KEYS[1], ARGV[1], ARGV[2]) and 1 or 0"
RATE_SHA = hashlib.sha1(RATE_SCRIPT.encode()).hexdigest()

# Move the pending keys under a batch named after this Redis's incarnation and the epoch it
# closes, in one atomic step. KEYS: the four pending keys, state, batches. ARGV: batch-name prefix,
# a nonce, an incarnation id for a Redis without one. Returns the batch's name, or false if
# nothing was pending.
TAKE_BATCH_SCRIPT = """
redis.call('HSETNX', KEYS[5], 'incarnation', ARGV[3])
local incarnation = redis.call('HGET', KEYS[5], 'incarnation')
local epoch = tonumber(redis.call('HGET', KEYS[5], 'epoch') or '0')
local batch = ARGV[1] .. incarnation .. ':' .. epoch .. ':r:' .. ARGV[2]
local moved = 0
for i = 1, 4 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('RENAME', KEYS[i], batch .. ':' .. i)
    moved = 1
  end
end
if moved == 0 then return false end
redis.call('SADD', KEYS[6], batch)
redis.call('HINCRBY', KEYS[5], 'epoch', 1)
return batch
"""

# Record in `state` which epochs are all in the database: those below the open epoch and below
# every batch still being flushed. KEYS: state, batches.
MARK_DONE_SCRIPT = """
local lowest = tonumber(redis.call('HGET', KEYS[1], 'epoch') or '0')
for _, batch in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local epoch = tonumber(string.match(batch, ':(%d+):r:%x+$') or '')
  if epoch and epoch < lowest then lowest = epoch end
end
redis.call('HSET', KEYS[1], 'done', lowest - 1)
return lowest - 1
"""

# --- The client, and leaving Redis alone for a while after a failure -----------------------------

_down_until = 0.0


def _new_candidates() -> None:
    global _candidates
    _candidates = itertools.count(int.from_bytes(os.urandom(8), "big"))


_candidates: itertools.count
_new_candidates()
os.register_at_fork(after_in_child=_new_candidates)


def incarnation_candidate() -> str:
    """A new id for Redis's data to take if it has none yet (the first offer is kept).

    New at every offer: a process offering the same id to a Redis that came back empty
    would make the new data look like the lost data. Every beacon offers one, so rather
    than 8 random bytes from the kernel each time, a process draws a random 64-bit start
    once (again in a forked child) and counts up from it (`itertools.count`: atomic, so
    threads never share an id): its offers never repeat, and two processes' runs of ids
    would have to start within a few billion of each other in 2**64 to meet.
    """
    return f"{next(_candidates) % 2**64:016x}"


@cache
def _client():
    url = settings.LOA_COUNTER_REDIS_URL
    if not url or redis is None:
        return None
    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5, health_check_interval=30)


def configured() -> bool:
    return _client() is not None


def client():
    """The counters' Redis client, or None without Redis or while it is considered down."""
    if time.monotonic() < _down_until:
        return None
    return _client()


def mark_down() -> None:
    """Called after a RedisError: count in the database for a few seconds without trying Redis."""
    global _down_until
    if _down_until == 0.0 or time.monotonic() >= _down_until:
        logger.warning("Redis unreachable: counting in the database", exc_info=True)
    _down_until = time.monotonic() + RETRY_AFTER_SECONDS


def reset() -> None:
    """Forget the client and any failure (settings changed, a test, a new process)."""
    global _down_until
    _client.cache_clear()
    _down_until = 0.0


# --- The beacon's one round trip ---------------------------------------------------------------


class Pending(NamedTuple):
    """What Redis holds beyond the database, as read by one beacon (a NamedTuple: one per beacon, cheap to make)."""

    view_counted: bool
    visit_counted: bool
    views: int  # pending views of the page asked about (0 when none was)
    visits_total: int
    visits_today: int
    online: int
    generation: int
    incarnation: str = ""  # when a hit was recorded: the Redis data it went to (see `loa.stats.copies`)
    epoch: int = 0  # … and the batch it will be flushed with


@dataclass(frozen=True)
class RateLimit:
    """A fixed-window limit for one client: `limit` requests per `window` seconds (0: none)."""

    bucket: str
    limit: int
    window: int


NO_LIMIT = RateLimit("", 0, 1)


class OverLimit(Exception):
    """The client sent more than its limit: nothing was counted."""


_thread = threading.local()


def _command(redis_client, *command):
    """One command on this thread's own connection to the client's Redis.

    The beacon's scripts go this way rather than through `redis_client.evalsha`: the
    client's pool and retry layers cost the Python side as much again as the round trip
    (measured on the reference machine). The connection is redis-py's own (URL, password,
    database, TLS, hiredis), taken from the client's pool once per thread. A failure while
    sending is retried once on a new connection (the command cannot have run); one while
    reading is not (it may have), and goes to the caller as for any Redis error.
    """
    pool = redis_client.connection_pool
    for attempt in (1, 2):
        connection = getattr(_thread, "connection", None)
        if connection is None or _thread.pool is not pool:
            connection = _thread.connection = pool.get_connection()
            _thread.pool = pool
        try:
            connection.send_packed_command(_pack(connection, command))
        except (RedisConnectionError, RedisTimeoutError, OSError):
            _drop_connection(connection)
            if attempt == 2:
                raise
            continue
        try:
            return connection.read_response()
        except ResponseError:
            raise  # an error reply: the connection is fine
        except BaseException:
            _drop_connection(connection)
            raise
    raise AssertionError("unreachable")


def _pack(connection, command: tuple) -> list[bytes]:
    """`connection.pack_command(*command)`, straight through hiredis when redis-py would use it.

    redis-py's hiredis packer first copies the arguments through a generator (to turn
    bytearrays and memoryviews into bytes, which the beacon never sends), a cost of the
    same order as packing itself for a command of 31 arguments; the bytes are the same.
    """
    if hiredis_pack_command is not None:
        return [hiredis_pack_command(command)]
    return connection.pack_command(*command)


def _drop_connection(connection) -> None:
    connection.disconnect()
    _thread.connection = None


def _evalsha(redis_client, script: str, sha: str, numkeys: int, *keys_and_args):
    try:
        return _command(redis_client, "EVALSHA", sha, numkeys, *keys_and_args)
    except NoScriptError:  # a restarted Redis forgot it (nothing was run): load it and run it once more
        redis_client.script_load(script)
        return _command(redis_client, "EVALSHA", sha, numkeys, *keys_and_args)


def over_limit(redis_client, rate: RateLimit) -> bool:
    """Count one request against `rate` in Redis; True once the client is over it."""
    return bool(_evalsha(redis_client, RATE_SCRIPT, RATE_SHA, 1, keys().rate(rate.bucket), rate.limit, rate.window))


def record_and_read(
    redis_client, hit, page_id: int | None, now: dt.datetime, today: dt.date, rate: RateLimit = NO_LIMIT
) -> Pending:
    """Count `hit` (None: only read, e.g. for a bot) and read the pending numbers: one script, one round trip.

    One script rather than a pipeline of reads after it: a single command to encode and
    answer to parse is the cheapest round trip for the client, and the numbers read are
    those right after this hit.
    """
    config = conf.current()
    k = _keys(config.counter_prefix)
    if hit is not None:
        page_id = hit.page_id
        day = today if hit.now == now else hit.day
        visitor, alias = hit.visitor, hit.alias or hit.visitor
        record = "1"
    else:
        day, visitor, alias, record = today, "", "", "0"
    reply = _evalsha(
        redis_client,
        RECORD_SCRIPT,
        RECORD_SHA,
        15,
        k.seen(visitor, page_id),
        k.visit(visitor),
        k.seen(alias, page_id),
        k.visit(alias),
        k.pending_views,
        k.pending_daily,
        k.pending_visits,
        k.most_read(day),
        k.unique(day),
        k.pending_unique,
        k.online,
        k.since,
        k.generation,
        k.rate(rate.bucket),
        k.state,
        record,
        page_id or "",
        day.isoformat(),
        int(now.timestamp()),
        config.view_dedup_seconds,
        config.visit_seconds,
        config.online_seconds,
        visitor,
        DAY_KEY_DAYS * 86400,
        rate.limit,
        rate.window,
        incarnation_candidate(),
    )
    if reply[0] == -1:
        raise OverLimit
    view, visit, views, visits, online, generation, *state = reply
    incarnation, epoch = (state + [None, None])[:2]
    today_key = today.isoformat().encode()
    pending_visits = dict(zip(visits[::2], visits[1::2], strict=True))
    return Pending(
        view_counted=bool(view),
        visit_counted=bool(visit),
        views=int(views or 0),
        visits_total=sum(int(v) for v in pending_visits.values()),
        visits_today=int(pending_visits.get(today_key, 0)),
        online=int(online),
        generation=int(generation or 0),
        incarnation=incarnation.decode() if incarnation else "",
        epoch=int(epoch or 0),
    )


# --- Flushing to the database --------------------------------------------------------------------


def take_batch(redis_client) -> str:
    """Atomically move the pending keys under a new batch (listed in `keys().batches`); "" if none were pending.

    The batch is named `<incarnation>:<epoch>:r:<nonce>` after the batch prefix: which data
    and which epoch it holds (processes keep copies by epoch), and a nonce so that a Redis
    restored from an old snapshot, which numbers epochs again, never reuses a flushed name.
    """
    k = keys()
    batch = redis_client.eval(
        TAKE_BATCH_SCRIPT, 6, *k.pending, k.state, k.batches,
        k.batch_prefix, uuid.uuid4().hex[:8], incarnation_candidate(),
    )  # fmt: skip
    return batch.decode() if batch else ""


def mark_done(redis_client) -> int:
    """Record (and return) the last epoch whose counts are all in the database."""
    k = keys()
    return int(redis_client.eval(MARK_DONE_SCRIPT, 2, k.state, k.batches))


def read_state(redis_client) -> tuple[str, int]:
    """(incarnation, done): "" when this Redis has counted nothing since it started empty; -1: nothing done."""
    incarnation, done = redis_client.hmget(keys().state, "incarnation", "done")
    return (incarnation.decode() if incarnation else ""), (int(done) if done is not None else -1)


@dataclass
class Batch:
    """One batch's counts, read from Redis, ready to be written."""

    batch_id: str
    views: list[tuple[int, int]]  # (page id, n)
    daily: list[tuple[int, dt.date, int]]  # (page id, day, n)
    visits: list[tuple[dt.date, int]]  # (day, n)
    unique: list[tuple[dt.date, int]]  # (day, PFCOUNT now)


def read_batch(redis_client, batch: str) -> Batch:
    views, daily, visits, days = (
        redis_client.pipeline(transaction=False)
        .hgetall(f"{batch}:1")
        .hgetall(f"{batch}:2")
        .hgetall(f"{batch}:3")
        .smembers(f"{batch}:4")
        .execute()
    )
    daily_rows = []
    for key, value in daily.items():
        day, page_id = key.decode().split(":")
        daily_rows.append((int(page_id), dt.date.fromisoformat(day), int(value)))
    unique_days = sorted(dt.date.fromisoformat(day.decode()) for day in days)
    k = keys()
    counts = redis_client.pipeline(transaction=False)
    for day in unique_days:
        counts.pfcount(k.unique(day))
    return Batch(
        batch_id=batch.removeprefix(k.batch_prefix),  # "<incarnation>:<epoch>:r:<nonce>" (a uuid before those)
        views=[(int(key), int(value)) for key, value in views.items()],
        daily=daily_rows,
        visits=[(dt.date.fromisoformat(key.decode()), int(value)) for key, value in visits.items()],
        unique=list(zip(unique_days, counts.execute() if unique_days else [], strict=True)),
    )


def finish_batch(redis_client, batch: str) -> None:
    """The batch is in the database: drop it, and tell every process its cached database counts are stale."""
    k = keys()
    redis_client.pipeline(transaction=False).delete(*(f"{batch}:{i}" for i in (1, 2, 3, 4))).srem(
        k.batches, batch
    ).incr(k.generation).execute()


def listed_batches(redis_client) -> list[str]:
    return sorted(raw.decode() for raw in redis_client.smembers(keys().batches))


# --- Reading for rankings and reports ---------------------------------------------------------


def counting_since(redis_client) -> float | None:
    value = redis_client.get(keys().since)
    return float(value) if value else None


def most_read_days(redis_client, days: list[dt.date]) -> dict[int, int]:
    """Views per page summed over the days' sorted sets."""
    if not days:
        return {}
    k = keys()
    pairs = redis_client.zunion([k.most_read(day) for day in days], withscores=True)
    return {int(member): int(score) for member, score in pairs}


def pending_daily(redis_client, days: set[dt.date]) -> dict[int, int]:
    """Pending (unflushed) views per page on the given days."""
    wanted = {day.isoformat() for day in days}
    views: dict[int, int] = {}
    for key, value in redis_client.hgetall(keys().pending_daily).items():
        day, page_id = key.decode().split(":")
        if day in wanted:
            views[int(page_id)] = views.get(int(page_id), 0) + int(value)
    return views


def pending_views(redis_client) -> dict[int, int]:
    return {int(key): int(value) for key, value in redis_client.hgetall(keys().pending_views).items()}


def unique_count(redis_client, day: dt.date) -> int:
    return int(redis_client.pfcount(keys().unique(day)))
