"""Reads to a PostgreSQL read replica, everything else to the primary.

Django asks the routers in DATABASE_ROUTERS which database each query uses
(https://docs.djangoproject.com/en/5.2/topics/db/multi-db/#automatic-database-routing).
With replicas configured (DATABASE_REPLICA_URLS → the aliases in
settings.LOA_DATABASE_REPLICAS), a read goes to a replica only when all of these hold:

- it happens in a web request (`ReplicaRoutingMiddleware` marks one). The task worker,
  management commands and migrations read what they are about to write, so they stay
  on the primary;
- the request is not the admin's: editors see exactly what they saved, and Wagtail's
  admin reads and writes together everywhere (locks, revisions, workflow);
- the browser did not write and get redirected in the last LOA_REPLICA_PIN_SECONDS (a
  short cookie), so the page after a save or a citizen's sent question shows it even when
  the replica lags a little;
- the request has not written yet: after its first INSERT, UPDATE or DELETE on the primary
  (seen by an execute wrapper, so raw SQL counts too), it reads from the primary. Django's
  db_for_write is no such sign: a get_or_create() asks for it before finding its row, and
  every page asks Wagtail's site settings that way;
- no atomic block is open on the primary (a transaction reads its own writes);
- the replica answers. One that cannot be reached is left alone for
  LOA_REPLICA_RETRY_SECONDS and the request reads from the primary, so a dead replica
  costs one failed connection attempt per process and period, never a broken page.

Writes always go to the primary, migrations run only there, and objects read from a
replica may be related to and saved with objects of the primary. The beacon writes on
the primary and answers 200 (no redirect), so it never pins a reader to the primary.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import Error as DatabaseError
from django.http import HttpRequest, HttpResponse

from loa.core.paths import is_admin_path

logger = logging.getLogger(__name__)

#: Set after a write that answered with a redirect: the browser reads from the primary for a while.
PIN_COOKIE = "loa_primary"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Statements that change nothing; any other statement on the primary counts as a write.
READ_STATEMENTS = frozenset({"SELECT", "SHOW", "EXPLAIN", "SET", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"})
DATA_CHANGE = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE)\b", re.IGNORECASE)


@dataclass(slots=True)
class Routing:
    """Where the current request reads from."""

    primary: bool
    wrote: bool = False
    replica: str | None = None  # chosen at the first read, then kept for the whole request


_routing: ContextVar[Routing | None] = ContextVar("loa_db_routing", default=None)
# Per process: replica alias → time.monotonic() before which it is not tried again.
_down_until: dict[str, float] = {}


def replica_aliases() -> list[str]:
    return list(getattr(settings, "LOA_DATABASE_REPLICAS", ()))


def forget_failures() -> None:
    """Try every replica again at the next read (tests; an operator's shell after a repair)."""
    _down_until.clear()


def _reachable(alias: str) -> bool:
    if _down_until.get(alias, 0.0) > time.monotonic():
        return False
    connection = connections[alias]
    try:
        # Once per request (CONN_HEALTH_CHECKS): a connection the replica dropped is replaced here,
        # before a query depends on it, rather than failing in the middle of a page.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DatabaseError as error:
        retry = float(getattr(settings, "LOA_REPLICA_RETRY_SECONDS", 10))
        _down_until[alias] = time.monotonic() + retry
        logger.warning("Read replica %s is unreachable; reading from the primary for %s s: %s", alias, retry, error)
        return False
    return True


def _choose_replica() -> str:
    aliases = replica_aliases()
    for alias in random.sample(aliases, len(aliases)):  # spread requests over the replicas
        if _reachable(alias):
            return alias
    return DEFAULT_DB_ALIAS


class ReplicaRouter:
    """Reads outside transactions to a replica (see the module's docstring), the rest to the primary."""

    def db_for_read(self, model, **hints) -> str:
        routing = _routing.get()
        if routing is None or routing.primary or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            # Explicitly the primary: left to Django, a read about an object loaded from a
            # replica (a related object, a refresh) would go back to that replica.
            return DEFAULT_DB_ALIAS
        if routing.replica is None:
            routing.replica = _choose_replica()
        return routing.replica

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # The replicas hold the primary's rows: an object read from one may point at one from the other.
        ours = {DEFAULT_DB_ALIAS, *replica_aliases()}
        if obj1._state.db in ours and obj2._state.db in ours:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool | None:
        # Replicas get the schema by replication; migrating them would fail (read-only) or fork it.
        return False if db in replica_aliases() else None


def is_write(sql: str) -> bool:
    words = sql.lstrip(" \t\r\n(").split(None, 1)
    verb = words[0].upper() if words else ""
    if verb == "WITH":  # a common table expression may hide a data-changing statement
        return bool(DATA_CHANGE.search(sql))
    return verb not in READ_STATEMENTS


class _WriteWatcher:
    """An execute wrapper on the primary's connection: the request's first write pins it there."""

    def __init__(self, routing: Routing) -> None:
        self.routing = routing

    def __call__(self, execute, sql, params, many, context):
        if not self.routing.wrote and is_write(sql):
            self.routing.primary = self.routing.wrote = True
        return execute(sql, params, many, context)


class ReplicaRoutingMiddleware:
    """Marks a web request so its reads may go to a replica; pins a browser that just saved something.

    Not loaded at all when no replica is configured.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not replica_aliases():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        routing = Routing(primary=PIN_COOKIE in request.COOKIES or is_admin_path(request.path_info))
        token = _routing.set(routing)
        try:
            with connections[DEFAULT_DB_ALIAS].execute_wrapper(_WriteWatcher(routing)):
                response = self.get_response(request)
        finally:
            _routing.reset(token)
        seconds = int(getattr(settings, "LOA_REPLICA_PIN_SECONDS", 10))
        if routing.wrote and response.status_code in REDIRECT_STATUSES and seconds > 0:
            response.set_cookie(
                PIN_COOKIE, "1", max_age=seconds, httponly=True, samesite="Lax", secure=request.is_secure()
            )
        return response
