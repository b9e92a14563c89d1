"""The beacon without Django's middleware stack: a WSGI wrapper answering `POST /api/beacon/`.

Why: every page view ends in one beacon, and through the full stack (twenty middleware, URL
resolution, a content-version query, request and response objects) a beacon cost several
times the counting itself; on this project's 2-CPU reference machine that kept the beacon
far from the issue's goals (bench/beacon.py measures it; figures in bench/README.md).

What stays the same: the beacon's logic is the view's own function, `views.answer()` (rate
limit, validation, bot check, visitor cookie, de-duplication, counting, the JSON), and the
cookie is set by the view's own `set_visitor_cookie()`. The headers the middleware give a
beacon answer are taken, once per process (and per HTTP/HTTPS), from a probe response run
through those middleware and the view's `never_cache`; only `Expires`, `Content-Length` and
`Set-Cookie` are per answer. Requests those middleware would refuse or redirect (a host not
in ALLOWED_HOSTS, plain HTTP under SECURE_SSL_REDIRECT, DISALLOWED_USER_AGENTS,
PREPEND_WWW) are passed to Django, which answers them as always.

Every middleware of `settings.MIDDLEWARE` is classified: applied as above
(`APPLIED_MIDDLEWARE`) or skipped, with the reason it does not concern the beacon
(`SKIPPED_MIDDLEWARE`). One in neither list turns the wrapper off (a warning at start-up;
every beacon then goes through Django), so a middleware added later is never silently
bypassed; the tests check the classification too.

What a hit costs here, and why each shortcut is safe (measured in bench/README.md):

- No request object. The body, cookie header, user agent and address are read from the
  environ the way WSGIRequest reads them (`views.BeaconRequest`). Host, scheme and port,
  which decide whether Security/Common middleware would step in, are found by Django's own
  request methods once per distinct set of the environ values they read (`_Setup.route`),
  and remembered: the answer depends on those values and the settings alone.
- Settings, the beacon's URL, the middleware headers, the error answers (translated into
  LANGUAGE_CODE and encoded) and the visitor cookie's attributes are computed once per
  process (the cookie's once a second, for its expiry date) and dropped on `setting_changed`.
- No translation on the way to a counted hit: only error messages are translated, and
  those answers are encoded once.
- Django's request signals are replaced by what their receivers do, as long as the
  receivers are Django's own (`_Setup.djangos_receivers`): `close_old_connections()`
  before and after the beacon, as always, so a connection past CONN_MAX_AGE, broken, or left
  in a transaction is closed and health-checked again; `reset_queries()` when DEBUG logs
  queries at all; `close_caches()` when a configured cache has something to close (none of
  Loa's do); never `reset_urlconf`, since the beacon sets no URLconf of its own. With any
  other receiver connected (an added library, or a test that disconnects one, as Django's
  test client does) the signals are sent as Django sends them.
- An exception becomes Django's 500 answer with its logging, and 4xx answers are logged as
  Django's handler logs them, through a request built then.
"""

from __future__ import annotations

import json
import logging
import re
import time
import weakref
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.cookies import SimpleCookie

from django.conf import settings
from django.core import signals
from django.core.cache import caches, close_caches
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import DisallowedHost
from django.core.handlers.base import reset_urlconf
from django.core.handlers.exception import convert_exception_to_response, response_for_exception
from django.core.handlers.wsgi import WSGIRequest, get_script_name
from django.core.signals import setting_changed
from django.db import close_old_connections, reset_queries
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse, set_script_prefix
from django.utils import translation
from django.utils.http import http_date
from django.utils.log import log_response
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

APPLIED_MIDDLEWARE = {
    "django.middleware.security.SecurityMiddleware": "its headers; plain HTTP under SECURE_SSL_REDIRECT goes to Django",
    "loa.security.csp.ContentSecurityPolicyMiddleware": "its header",
    "loa.about.middleware.PathLanguageMiddleware": "LANGUAGE_CODE, what it chooses for an address without /en/",
    "django.middleware.common.CommonMiddleware": "its Content-Length; bad hosts, agents, PREPEND_WWW go to Django",
    "django.middleware.clickjacking.XFrameOptionsMiddleware": "its header",
}
SKIPPED_MIDDLEWARE = {
    "loa.core.pagecache.PageCacheMiddleware": "a POST is never served from or stored in the page cache",
    "loa.core.db_router.ReplicaRoutingMiddleware": "without it reads go to the primary, which the beacon wants",
    "whitenoise.middleware.WhiteNoiseMiddleware": "serves static files only",
    "django.contrib.sessions.middleware.SessionMiddleware": "the beacon neither reads nor sets a session",
    "loa.core.versioning.ContentVersionMiddleware": "the beacon caches nothing under the content version",
    "django.middleware.csrf.CsrfViewMiddleware": "the view is csrf_exempt: no session, no form, a count at most",
    "loa.core.unicode.UnicodeNormalisationMiddleware": "the beacon's body is JSON holding a number",
    "django.contrib.auth.middleware.AuthenticationMiddleware": "the beacon never looks at the user",
    "django_otp.middleware.OTPMiddleware": "the beacon never looks at the user",
    "loa.security.two_factor.TwoFactorMiddleware": "acts on admin paths only",
    "django.contrib.messages.middleware.MessageMiddleware": "the beacon shows no messages",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware": "acts on 404 answers only",
    "axes.middleware.AxesMiddleware": "acts on sign-in lockouts only",
}
PER_ANSWER_HEADERS = frozenset({"content-type", "content-length", "expires", "set-cookie"})


def unclassified_middleware() -> list[str]:
    return [path for path in settings.MIDDLEWARE if path not in APPLIED_MIDDLEWARE and path not in SKIPPED_MIDDLEWARE]


_http_date: tuple[int, str] = (0, "")


def _now_http_date() -> str:
    """`http_date()` of now, formatted once a second rather than once a beacon."""
    global _http_date
    second = int(time.time())
    if _http_date[0] != second:
        _http_date = (second, http_date(second))
    return _http_date[1]


class _CookieJar:
    """Just enough of a response for Django's own `set_cookie` to format the visitor cookie."""

    set_cookie = HttpResponseBase.set_cookie

    def __init__(self) -> None:
        self.cookies = SimpleCookie()


def _receivers(signal: signals.Signal) -> list:
    return [ref() if isinstance(ref, weakref.ReferenceType) else ref for _key, ref, *_rest in signal.receivers]


class _Body(list):
    """The answer's bytes; closing it ends the request as Django's responses do."""

    def __init__(self, content: bytes, finish: Callable[[], None]) -> None:
        super().__init__([content])
        self.finish = finish

    def close(self) -> None:
        self.finish()


class _Setup:
    """What the fast path needs from settings and Django, computed once per process (see the module docstring)."""

    MAX_ROUTES = 256
    DJANGO_STARTED = frozenset({reset_queries, close_old_connections})
    DJANGO_FINISHED = frozenset({close_old_connections, close_caches, reset_urlconf})

    PLACEHOLDER = "0" * 32

    def __init__(self) -> None:
        from . import views  # here, not at the top: loa.wsgi imports this module before Django is set up

        self.views = views
        self.path = reverse("beacon")
        self.disallowed_agents = list(settings.DISALLOWED_USER_AGENTS)
        self.debug = settings.DEBUG
        self.body_through_django = (
            settings.DATA_UPLOAD_MAX_MEMORY_SIZE is not None
            and settings.DATA_UPLOAD_MAX_MEMORY_SIZE < self.views.MAX_BODY_BYTES
        )
        self.caches_to_close = any(type(caches[alias]).close is not BaseCache.close for alias in settings.CACHES)
        # The environ values Django's get_host(), is_secure(), _get_raw_host() and get_port() read.
        proxy_header = settings.SECURE_PROXY_SSL_HEADER[0] if settings.SECURE_PROXY_SSL_HEADER else ""
        self.route_keys = tuple(
            name
            for name in (
                "HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "wsgi.url_scheme", proxy_header,
                "HTTP_X_FORWARDED_HOST" if settings.USE_X_FORWARDED_HOST else "",
                "HTTP_X_FORWARDED_PORT" if settings.USE_X_FORWARDED_PORT else "",
            )
            if name
        )  # fmt: skip
        self.routes: dict[tuple, tuple[bool, tuple[str, str]] | None] = {}
        self.headers: dict[bool, list[tuple[str, str]]] = {}
        self.error_bodies: dict[str, bytes] = {}
        self.cookie_template: tuple[int, str, str] = (0, "", "")

    def route(self, environ: dict) -> tuple[bool, tuple[str, str]] | None:
        """None if Security or Common middleware would refuse or redirect this request, else (secure, site key).

        Found with Django's own request methods once per distinct set of the environ values
        they read, then remembered (at most MAX_ROUTES at a time).
        """
        key = tuple(environ.get(name) for name in self.route_keys)
        try:
            return self.routes[key]
        except KeyError:
            pass
        request = WSGIRequest(environ)
        route = None
        try:
            host = request.get_host()
        except DisallowedHost:
            host = None
        if host is not None:
            secure = request.is_secure()
            if not (settings.SECURE_SSL_REDIRECT and not secure) and not (
                settings.PREPEND_WWW and not host.startswith("www.")
            ):
                route = (secure, (request._get_raw_host(), request.get_port()))
        if len(self.routes) >= self.MAX_ROUTES:
            self.routes.clear()
        self.routes[key] = route
        return route

    def djangos_receivers(self, signal: signals.Signal, expected: frozenset) -> bool:
        """Whether `signal`'s receivers are Django's own `expected` ones (in any order), and no other."""
        receivers = _receivers(signal)
        return len(receivers) == len(expected) and expected.issuperset(receivers)

    def middleware_headers(self, secure: bool, request: Callable[[], HttpRequest]) -> list[tuple[str, str]]:
        """The headers the applied middleware and `never_cache` give a beacon answer, computed once."""
        headers = self.headers.get(secure)
        if headers is None:
            handler = convert_exception_to_response(never_cache(lambda probe: HttpResponse(b"")))
            for path in reversed(settings.MIDDLEWARE):
                if path in APPLIED_MIDDLEWARE:
                    handler = convert_exception_to_response(import_string(path)(handler))
            probe = handler(request())
            headers = [(name, value) for name, value in probe.items() if name.lower() not in PER_ANSWER_HEADERS]
            self.headers[secure] = headers
        return headers

    def django_cookie_header(self, visitor: str) -> str:
        """The Set-Cookie value of `views.set_visitor_cookie()`, as Django's WSGI handler writes it."""
        jar = _CookieJar()
        self.views.set_visitor_cookie(jar, visitor)
        return jar.cookies[self.views.VISITOR_COOKIE].output(header="")

    def cookie_header(self, visitor: str) -> str:
        """`django_cookie_header(visitor)`, from a template made once a second.

        The template is that function's own output for a placeholder id, split around it: it
        changes only with its expiry date (a second's resolution). An id of ASCII letters and
        digits is written as it is (no quoting), so putting it in the placeholder's place gives
        the very same text; any other id goes through Django.
        """
        if not (visitor.isascii() and visitor.isalnum()):
            return self.django_cookie_header(visitor)
        second = int(time.time())
        if self.cookie_template[0] != second:
            head, _, tail = self.django_cookie_header(self.PLACEHOLDER).partition(self.PLACEHOLDER)
            if int(time.time()) != second:  # the second turned while it was made: use it once, keep nothing
                return head + visitor + tail
            self.cookie_template = (second, head, tail)
        return self.cookie_template[1] + visitor + self.cookie_template[2]

    def error_body(self, message: str) -> bytes:
        """An error answer's JSON, in LANGUAGE_CODE (what PathLanguageMiddleware picks for the beacon's address)."""
        body = self.error_bodies.get(message)
        if body is None:
            with translation.override(settings.LANGUAGE_CODE):
                body = json.dumps(self.views.BeaconAnswer(HTTPStatus.BAD_REQUEST, message=message).json_data())
            body = self.error_bodies[message] = body.encode()
        return body


_STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}
JSON_CONTENT_TYPE = ("Content-Type", "application/json")


class BeaconFastPath:
    """Wraps a WSGI application; answers `POST <beacon URL>` itself and passes everything else on."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.enabled = True
        self._setup: _Setup | None = None
        missing = unclassified_middleware()
        if missing:
            logger.warning("Beacon fast path off: unclassified middleware %s (see loa.stats.fastpath)", missing)
            self.enabled = False
        setting_changed.connect(self._forget_setup)  # tests change settings; production never does

    def _forget_setup(self, **kwargs) -> None:
        self._setup = None

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST" or not self.enabled:
            return self.app(environ, start_response)
        setup = self._setup
        if setup is None:
            setup = self._setup = _Setup()
        if environ.get("PATH_INFO") != setup.path:
            return self.app(environ, start_response)
        route = setup.route(environ)
        if route is None or (setup.disallowed_agents and self._disallowed_agent(setup, environ)):
            return self.app(environ, start_response)
        return self.answer(setup, environ, route, start_response)

    @staticmethod
    def _disallowed_agent(setup: _Setup, environ: dict) -> bool:
        user_agent = environ.get("HTTP_USER_AGENT", "")
        return any(re.search(pattern, user_agent) for pattern in setup.disallowed_agents)

    def answer(
        self, setup: _Setup, environ: dict, route: tuple[bool, tuple[str, str]], start_response: Callable
    ) -> Iterable[bytes]:
        """The beacon's answer, with what django.core.handlers.wsgi.WSGIHandler does around a view."""
        secure, site_key = route
        beacon = setup.views.BeaconRequest(environ, site_key)
        if setup.body_through_django:
            beacon.django_request()
        if setup.djangos_receivers(signals.request_started, setup.DJANGO_STARTED):
            if setup.debug:
                reset_queries()
            close_old_connections()
        else:
            signals.request_started.send(sender=self.__class__, environ=environ)
        try:
            result = setup.views.answer(beacon)
            content = setup.error_body(result.message) if result.message else result.json_bytes()
            headers = [
                JSON_CONTENT_TYPE,
                ("Expires", _now_http_date()),
                *setup.middleware_headers(secure, beacon.django_request),
                ("Content-Length", str(len(content))),
            ]
            if result.visitor:
                headers.append(("Set-Cookie", setup.cookie_header(result.visitor)))
        except Exception as error:  # as Django's handler would: its 500 page, logged, got_request_exception sent
            request = beacon.django_request()
            set_script_prefix(get_script_name(environ))
            return self._django_response(request, response_for_exception(request, error), start_response)
        status = result.status
        if status >= 400:
            request = beacon.django_request()
            phrase = HTTPStatus(status).phrase
            log_response("%s: %s", phrase, request.path, response=HttpResponse(status=status), request=request)
        start_response(_STATUS_LINES[status], headers)
        return _Body(content, lambda: self._finish(setup, beacon))

    def _finish(self, setup: _Setup, beacon) -> None:
        """What Django does when an answer is closed: close the request, send (or do) request_finished."""
        beacon.close()
        if setup.djangos_receivers(signals.request_finished, setup.DJANGO_FINISHED):
            close_old_connections()
            if setup.caches_to_close:
                close_caches()
        else:
            signals.request_finished.send(sender=self.__class__)

    def _django_response(self, request: HttpRequest, response: HttpResponseBase, start_response: Callable):
        response._handler_class = self.__class__
        response._resource_closers.append(request.close)
        headers = [*response.items(), *(("Set-Cookie", c.output(header="")) for c in response.cookies.values())]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return response
