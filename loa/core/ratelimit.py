"""Per-client rate limits for public endpoints (forms, ratings), on Django's cache.

A fixed window counter: simple, one or two cache operations per request, and
shared across processes and servers when the cache is Redis. With the embedded
default's local-memory cache each worker process counts on its own, which
loosens the limit by the number of workers but never blocks a legitimate user.
django-ratelimit does the same with more machinery (decorators, groups); a
dozen lines keep the client-address rule (below) in one place with the beacon.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the header a trusted proxy sets (LOA_CLIENT_IP_HEADER).

    X-Forwarded-For is not read by default: anyone can send it, and trusting it
    would let a spammer choose their own rate-limit bucket.
    """
    return client_address(request.META, getattr(settings, "LOA_CLIENT_IP_HEADER", ""))


def client_address(meta: Mapping[str, str], header: str) -> str:
    """`client_ip()` from the WSGI environ itself (the beacon's fast path has no request object)."""
    if header and (value := meta.get(header, "")):
        return value.split(",")[-1].strip()
    return meta.get("REMOTE_ADDR", "")


def client_bucket(address: str) -> str:
    """What one client is counted as: its IPv4 address, or its IPv6 /64.

    An IPv6 subscriber is usually handed a whole /64 and can pick a new address
    from it for every request; counting per address would give them 2**64
    buckets.
    """
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def allow(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count one request of this client in `scope`; False once it exceeds `limit` per `window` seconds.

    A limit of 0 (or less) turns the check off.
    """
    if limit <= 0:
        return True
    return allow_client(client_digest(client_ip(request)), scope, limit, window)


def client_digest(address: str) -> str:
    """The name of the client's bucket: a hash, so that no address is stored."""
    return hashlib.blake2s(client_bucket(address).encode(), digest_size=12).hexdigest()


def allow_client(digest: str, scope: str, limit: int, window: int) -> bool:
    """`allow()` for a client named by `client_digest()`."""
    if limit <= 0:
        return True
    key = f"ratelimit:{scope}:{digest}"
    try:
        if cache.add(key, 1, window):
            return True
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr: a new window
        cache.set(key, 1, window)
        return True


def beacon_allowed(request: HttpRequest) -> bool:
    """The beacon's limit (LOA_BEACON_RATE_LIMIT per LOA_BEACON_RATE_WINDOW seconds per client).

    Generous, because many readers can share one address (an office, a mobile
    carrier's NAT): it stops one machine from inflating the counters or flooding
    the database with writes, not a busy office.
    """
    return allow(request, "beacon", settings.LOA_BEACON_RATE_LIMIT, settings.LOA_BEACON_RATE_WINDOW)
