"""The beacon: one small POST after page load that counts and returns fresh numbers.

Counting lives here rather than in page views so that page HTML stays
cacheable by anyone (process cache, nginx, CDN). In production the same view is
also reached without Django's middleware stack, through `loa.stats.fastpath`.
"""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from io import BytesIO
from typing import NamedTuple

from django.core.handlers.wsgi import WSGIRequest, get_str_from_wsgi
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponseBase, JsonResponse, UnreadablePostError
from django.http.cookie import parse_cookie
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from loa.core.formats import vn_number
from loa.core.ratelimit import allow_client, client_address, client_digest

from . import conf
from .counters import Hit, beacon_counts, rate_allowed
from .localcache import MISSING, LocalCache
from .models import CounterSettings
from .redis_counters import NO_LIMIT, RateLimit
from .visitors import VISITOR_COOKIE, is_bot_remembered, visitor_ids_for

MAX_BODY_BYTES = 512
VISITOR_COOKIE_SECONDS = 365 * 24 * 3600

# The answers' messages, translated when an answer is written (`BeaconAnswer.json_data`), so
# that a beacon answered with numbers never touches the translation machinery.
TOO_LARGE = gettext_noop("The request is too large.")
NOT_JSON = gettext_noop("The request body is not valid JSON.")
NO_PAGE_ID = gettext_noop("The page id (page) is missing.")
BAD_PAGE_ID = gettext_noop("The page id is not valid.")
NOT_LIVE = gettext_noop("The page does not exist or is not published.")
TOO_MANY = gettext_noop("Too many requests.")

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


class BeaconRequest:
    """What the beacon reads of a request: its body, visitor cookie, user agent, address and site.

    The view builds it from Django's request (`from_django`); the fast path
    (`loa.stats.fastpath`) straight from the WSGI environ, reading each part as Django's
    `WSGIRequest` would (the body through the same length rule, the cookie header decoded and
    parsed by Django's own functions), so that the beacon's logic is the same on both paths
    without building a request per hit. A Django request is built only when one is needed:
    to find the site on a cache miss, and to log or answer an error.
    """

    __slots__ = ("environ", "user_agent", "address", "site_key", "_request", "_body")

    def __init__(self, environ: dict, site_key: tuple[str, str], request: HttpRequest | None = None) -> None:
        self.environ = environ
        self.user_agent: str = environ.get("HTTP_USER_AGENT", "")
        self.address = client_address(environ, conf.current().client_ip_header)  # loa.core.ratelimit's rule
        self.site_key = site_key  # (raw host, port): what names the site, for the carried-over visit count
        self._request = request
        self._body: bytes | None = None

    @classmethod
    def from_django(cls, request: HttpRequest) -> BeaconRequest:
        return cls(request.META, (request._get_raw_host(), request.get_port()), request)

    @property
    def content_length(self) -> str:
        return self.environ.get("CONTENT_LENGTH") or "0"

    def body(self) -> bytes:
        """The body, at most `content_length` bytes (checked by the caller to be at most MAX_BODY_BYTES).

        Read as WSGIRequest.body reads it: one read of exactly the announced length, none
        for a length of 0, and a failing read is Django's UnreadablePostError.
        """
        if self._request is not None:
            return self._request.body
        if self._body is None:
            length = int(self.content_length)
            try:
                self._body = self.environ["wsgi.input"].read(length) if length > 0 else b""
            except OSError as error:
                raise UnreadablePostError(*error.args) from error
        return self._body

    def visitor_cookie(self) -> str:
        if self._request is not None:
            return self._request.COOKIES.get(VISITOR_COOKIE, "")
        return parse_cookie(get_str_from_wsgi(self.environ, "HTTP_COOKIE", "")).get(VISITOR_COOKIE, "")

    def close(self) -> None:
        """What closing Django's request does, if one was built (the fast path's end of a request)."""
        if self._request is not None:
            self._request.close()

    def django_request(self) -> HttpRequest:
        """Django's request for the same environ (built once; its body is the one read here, if any)."""
        if self._request is None:
            if self._body is not None:
                self.environ["wsgi.input"] = BytesIO(self._body)
            self._request = WSGIRequest(self.environ)
        return self._request


_client_limits = LocalCache(3600, max_entries=10_000)


def _rate_limit(beacon: BeaconRequest) -> RateLimit:
    """The beacon's per-client limit: loa.core.ratelimit's settings, client rule and bucket name.

    Remembered per address (forgotten when settings change): parsing the address and
    hashing it cost more than the rest of the check.
    """
    settings = conf.current()
    if settings.beacon_rate_limit <= 0:
        return NO_LIMIT
    rate = _client_limits.get(beacon.address)
    if rate is MISSING:
        rate = RateLimit(client_digest(beacon.address), settings.beacon_rate_limit, settings.beacon_rate_window)
        _client_limits.set(beacon.address, rate)
    return rate


def _forget_client_limits(**kwargs) -> None:
    _client_limits.clear()


setting_changed.connect(_forget_client_limits, dispatch_uid="loa-stats-client-limits")


def _visit_offset(beacon: BeaconRequest) -> int:
    """The carried-over visit count of the request's site."""
    offset = _offsets.get(beacon.site_key)
    if offset is MISSING:
        offset = CounterSettings.cached_offset(Site.find_for_request(beacon.django_request()))
        _offsets.set(beacon.site_key, offset)
    return offset


# The usual body, `{"page": 123}` (a space or none): its value is the id, exactly as json.loads
# would read it (no leading zero, which JSON forbids); anything else goes through json.loads.
_USUAL_BODY = re.compile(rb'\{"page": ?(0|[1-9][0-9]{0,9})\}')


def _parse_page_id(beacon: BeaconRequest) -> int | str:
    """The page id from the body, or the message to answer with."""
    length = beacon.content_length
    if not (length.isascii() and length.isdigit()) or int(length) > MAX_BODY_BYTES:  # int("²") fails
        return TOO_LARGE
    body = beacon.body()
    usual = _USUAL_BODY.fullmatch(body)
    if usual is not None:
        data = {"page": int(usual[1])}
    else:
        try:
            data = json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError):
            return NOT_JSON
    if not isinstance(data, dict) or "page" not in data:
        return NO_PAGE_ID
    page_id = data["page"]
    if isinstance(page_id, bool) or not isinstance(page_id, int) or not 0 < page_id < 2**31:
        return BAD_PAGE_ID
    return page_id


class BeaconAnswer(NamedTuple):
    """What the beacon answers, before it becomes an HTTP response (the view's, or the fast path's).

    A failure carries its message untranslated (`message`): `json_data()` translates it into
    the active language.
    """

    status: int
    counted: bool = False
    visits: tuple[int, int, int] = (0, 0, 0)  # total (with the carried-over offset), today, online
    views: int | None = None
    visitor: str = ""  # the visitor cookie to set, if any
    message: str = ""  # a failure's

    def json_data(self) -> dict:
        if self.message:
            return {"error": gettext(self.message)}
        visits = dict(zip(("total", "today", "online"), self.visits, strict=True))
        return {
            "counted": self.counted,
            "visits": visits,
            "labels": {**{k: vn_number(v) for k, v in visits.items()}, "views": vn_number(self.views)},
            "views": self.views,
        }

    def json_bytes(self) -> bytes:
        """`json.dumps(self.json_data()).encode()` of a counted answer, written into a template.

        The same bytes (the tests compare them): JSON writes an int as `%d` does and these
        labels (digits and dots) need no escaping; any other value goes through json.dumps.
        """
        total, today, online = self.visits
        views = self.views
        if type(total) is type(today) is type(online) is int and (views is None or type(views) is int):
            return (
                _ANSWER_TEMPLATE
                % (
                    "true" if self.counted else "false",
                    total,
                    today,
                    online,
                    vn_number(total),
                    vn_number(today),
                    vn_number(online),
                    vn_number(views),
                    "null" if views is None else views,
                )
            ).encode()
        return json.dumps(self.json_data()).encode()


_ANSWER_TEMPLATE = (
    '{"counted": %s, "visits": {"total": %d, "today": %d, "online": %d}, '
    '"labels": {"total": "%s", "today": "%s", "online": "%s", "views": "%s"}, "views": %s}'
)
OK, BAD_REQUEST, TOO_MANY_REQUESTS = HTTPStatus.OK, HTTPStatus.BAD_REQUEST, HTTPStatus.TOO_MANY_REQUESTS


def _failure(status: int, message: str) -> BeaconAnswer:
    return BeaconAnswer(status, message=message)


def answer(beacon: BeaconRequest) -> BeaconAnswer:
    """Validate, count (unless a bot) and say what to show: the beacon's whole logic, shared by both paths.

    Every request counts once against the client's rate limit, before anything reaches the
    database. With Redis that count is part of the counting script (no round trip of its
    own) unless the request is refused first or needs the database to check its page.
    """
    rate = client_rate = _rate_limit(beacon)

    def allowed_without_redis() -> bool:  # loa.core.ratelimit.beacon_allowed(), for the client named already
        return allow_client(client_rate.bucket, "beacon", client_rate.limit, client_rate.window)

    def over_limit() -> bool:
        return not rate_allowed(client_rate, allowed_without_redis)

    page_id = _parse_page_id(beacon)
    if isinstance(page_id, str):
        if over_limit():
            return _failure(TOO_MANY_REQUESTS, TOO_MANY)
        return _failure(BAD_REQUEST, page_id)
    live = _live_pages.get(page_id)
    counted_against_limit = live is MISSING
    if counted_against_limit:
        if over_limit():  # before the database is asked about the page
            return _failure(TOO_MANY_REQUESTS, TOO_MANY)
        live = _is_live_page(page_id)
    if not live:
        if not counted_against_limit and over_limit():
            return _failure(TOO_MANY_REQUESTS, TOO_MANY)
        return _failure(BAD_REQUEST, NOT_LIVE)
    if counted_against_limit:
        rate = NO_LIMIT
    visitor, alias = visitor_ids_for(beacon.visitor_cookie(), beacon.address, beacon.user_agent)
    human = not is_bot_remembered(beacon.user_agent)
    hit = Hit(page_id=page_id, visitor=visitor, now=timezone.now(), alias=alias) if human else None
    counted = beacon_counts(hit, page_id, rate=rate, allowed_without_redis=allowed_without_redis)
    if counted is None:
        return _failure(TOO_MANY_REQUESTS, TOO_MANY)
    recorded, numbers = counted
    visits = (_visit_offset(beacon) + numbers.total, numbers.today, numbers.online)
    return BeaconAnswer(OK, recorded.view_counted, visits, numbers.views, visitor)


def set_visitor_cookie(response: HttpResponseBase, visitor: str) -> None:
    response.set_cookie(VISITOR_COOKIE, visitor, max_age=VISITOR_COOKIE_SECONDS, samesite="Lax", httponly=True)


@csrf_exempt
@require_POST
@never_cache
def beacon(request: HttpRequest) -> JsonResponse:
    result = answer(BeaconRequest.from_django(request))
    response = JsonResponse(result.json_data(), status=result.status)
    if result.visitor:
        set_visitor_cookie(response, result.visitor)
    return response
