"""The beacon: one small POST after page load that counts and returns fresh numbers.

Counting lives here rather than in page views so that page HTML stays
cacheable by anyone (process cache, nginx, CDN). In production the same view is
also reached without Django's middleware stack, through `loa.stats.fastpath`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from loa.core.formats import vn_number
from loa.core.ratelimit import beacon_allowed, client_bucket, client_ip

from .counters import Hit, beacon_counts, rate_allowed
from .localcache import MISSING, LocalCache
from .models import CounterSettings
from .redis_counters import NO_LIMIT, RateLimit
from .visitors import VISITOR_COOKIE, is_bot, visitor_ids

MAX_BODY_BYTES = 512
VISITOR_COOKIE_SECONDS = 365 * 24 * 3600

# Per process, a minute at most (forgotten here when content or counter settings change):
# the beacon then needs no cache or database round trip to validate a page or find the offset.
_live_pages = LocalCache(60)
_offsets = LocalCache(60, max_entries=100)


def _is_live_page(page_id: int) -> bool:
    """Whether readers can see the page (cached here for a minute: at most one query per page and minute)."""
    live = _live_pages.get(page_id)
    if live is MISSING:
        live = Page.objects.filter(pk=page_id, live=True, depth__gt=1).exists()
        _live_pages.set(page_id, live)
    return live


_client_keys = LocalCache(3600, max_entries=10_000)


def client_key(request: HttpRequest) -> str:
    """The client's bucket as `loa.core.ratelimit.allow` names it (a hash: no address is stored)."""
    address = client_ip(request)
    key = _client_keys.get(address)
    if key is MISSING:  # parsing the address and hashing it cost more than the rest of the check
        key = hashlib.blake2s(client_bucket(address).encode(), digest_size=12).hexdigest()
        _client_keys.set(address, key)
    return key


def _rate_limit(request: HttpRequest) -> RateLimit:
    """The beacon's per-client limit (loa.core.ratelimit's settings and client rule)."""
    limit = settings.LOA_BEACON_RATE_LIMIT
    if limit <= 0:
        return NO_LIMIT
    return RateLimit(client_key(request), limit, settings.LOA_BEACON_RATE_WINDOW)


def _visit_offset(request: HttpRequest) -> int:
    """The carried-over visit count of the request's site."""
    key = (request._get_raw_host(), request.get_port())
    offset = _offsets.get(key)
    if offset is MISSING:
        offset = CounterSettings.cached_offset(Site.find_for_request(request))
        _offsets.set(key, offset)
    return offset


def _parse_page_id(request: HttpRequest) -> int | str:
    """The page id from the body, or the message to answer with."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return _("The request is too large.")
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _("The request body is not valid JSON.")
    if not isinstance(data, dict) or "page" not in data:
        return _("The page id (page) is missing.")
    page_id = data["page"]
    if isinstance(page_id, bool) or not isinstance(page_id, int) or not 0 < page_id < 2**31:
        return _("The page id is not valid.")
    return page_id


@dataclass(frozen=True)
class BeaconAnswer:
    """What the beacon answers, before it becomes an HTTP response (the view's, or the fast path's)."""

    status: int
    data: dict
    visitor: str = ""  # the visitor cookie to set, if any


def _failure(status: int, message: str) -> BeaconAnswer:
    return BeaconAnswer(status, {"error": message})


def answer(request: HttpRequest) -> BeaconAnswer:
    """Validate, count (unless a bot) and say what to show: the beacon's whole logic, shared by both paths.

    Every request counts once against the client's rate limit, before anything reaches the
    database. With Redis that count is part of the counting script (no round trip of its
    own) unless the request is refused first or needs the database to check its page.
    """
    rate = _rate_limit(request)

    def over_limit() -> bool:
        return not rate_allowed(rate, lambda: beacon_allowed(request))

    too_many = _failure(HTTPStatus.TOO_MANY_REQUESTS, _("Too many requests."))
    page_id = _parse_page_id(request)
    if isinstance(page_id, str):
        return too_many if over_limit() else _failure(HTTPStatus.BAD_REQUEST, page_id)
    counted_against_limit = _live_pages.get(page_id) is MISSING
    if counted_against_limit and over_limit():  # before the database is asked about the page
        return too_many
    if not _is_live_page(page_id):
        if not counted_against_limit and over_limit():
            return too_many
        return _failure(HTTPStatus.BAD_REQUEST, _("The page does not exist or is not published."))
    if counted_against_limit:
        rate = NO_LIMIT
    visitor, alias = visitor_ids(request)
    human = not is_bot(request.META.get("HTTP_USER_AGENT", ""))
    hit = Hit(page_id=page_id, visitor=visitor, now=timezone.now(), alias=alias) if human else None
    counted = beacon_counts(hit, page_id, rate=rate, allowed_without_redis=lambda: beacon_allowed(request))
    if counted is None:
        return too_many
    recorded, numbers = counted
    visits = {"total": _visit_offset(request) + numbers.total, "today": numbers.today, "online": numbers.online}
    data = {
        "counted": recorded.view_counted,
        "visits": visits,
        "labels": {**{k: vn_number(v) for k, v in visits.items()}, "views": vn_number(numbers.views)},
        "views": numbers.views,
    }
    return BeaconAnswer(HTTPStatus.OK, data, visitor)


def set_visitor_cookie(response: HttpResponseBase, visitor: str) -> None:
    response.set_cookie(VISITOR_COOKIE, visitor, max_age=VISITOR_COOKIE_SECONDS, samesite="Lax", httponly=True)


@csrf_exempt
@require_POST
@never_cache
def beacon(request: HttpRequest) -> JsonResponse:
    result = answer(request)
    response = JsonResponse(result.data, status=result.status)
    if result.visitor:
        set_visitor_cookie(response, result.visitor)
    return response
