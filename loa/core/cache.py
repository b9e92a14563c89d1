"""A Redis cache that behaves like an empty cache while Redis is unreachable.

Django's RedisCache raises on every call when Redis is down, which would turn
every page into a 500. Here a failure is logged once, treated as a miss, and
Redis is left alone for a few seconds so pages do not wait on each fragment.
"""

from __future__ import annotations

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0


def _resilient(fallback):
    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError:
                if self._down_until == 0.0:
                    logger.warning("Redis cache unreachable: serving without it", exc_info=True)
                self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    # `add` answers True: callers use it to claim "first time"; counting twice beats losing a count.
    add = _resilient(lambda *a, **k: True)(RedisCache.add)
    get = _resilient(lambda key, default=None, version=None: default)(RedisCache.get)
    set = _resilient(lambda *a, **k: None)(RedisCache.set)
    touch = _resilient(lambda *a, **k: False)(RedisCache.touch)
    delete = _resilient(lambda *a, **k: False)(RedisCache.delete)
    get_many = _resilient(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _resilient(lambda *a, **k: False)(RedisCache.has_key)
    set_many = _resilient(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _resilient(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _resilient(lambda *a, **k: False)(RedisCache.clear)
