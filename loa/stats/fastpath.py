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

Django's request life cycle is kept: `request_started` / `request_finished` (database
connection upkeep), an exception becomes Django's 500 answer with its logging, 4xx answers
are logged as Django's handler logs them.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.cookies import SimpleCookie

from django.conf import settings
from django.core import signals
from django.core.exceptions import DisallowedHost
from django.core.handlers.exception import convert_exception_to_response, response_for_exception
from django.core.handlers.wsgi import WSGIRequest, get_script_name
from django.core.signals import setting_changed
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


class _Body(list):
    """The answer's bytes; closing it ends the request as Django's responses do."""

    def __init__(self, content: bytes, request: HttpRequest) -> None:
        super().__init__([content])
        self.request = request

    def close(self) -> None:
        self.request.close()
        signals.request_finished.send(sender=BeaconFastPath)


class BeaconFastPath:
    """Wraps a WSGI application; answers `POST <beacon URL>` itself and passes everything else on."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.enabled = True
        self._path: str | None = None
        self._headers: dict[bool, list[tuple[str, str]]] = {}
        missing = unclassified_middleware()
        if missing:
            logger.warning("Beacon fast path off: unclassified middleware %s (see loa.stats.fastpath)", missing)
            self.enabled = False
        setting_changed.connect(self._forget_headers)  # tests change settings; production never does

    def _forget_headers(self, **kwargs) -> None:
        self._headers.clear()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if not self.enabled or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)
        if self._path is None:
            self._path = reverse("beacon")
        if environ.get("PATH_INFO") != self._path:
            return self.app(environ, start_response)
        request = WSGIRequest(environ)
        if self._left_to_django(request):
            return self.app(environ, start_response)
        return self.answer(request, start_response)

    @staticmethod
    def _left_to_django(request: HttpRequest) -> bool:
        """Whether Security or Common middleware would refuse or redirect this request."""
        try:
            host = request.get_host()
        except DisallowedHost:
            return True
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return True
        if settings.PREPEND_WWW and not host.startswith("www."):
            return True
        user_agent = request.META.get("HTTP_USER_AGENT", "")
        return any(re.search(pattern, user_agent) for pattern in settings.DISALLOWED_USER_AGENTS)

    def _middleware_headers(self, request: HttpRequest) -> list[tuple[str, str]]:
        """The headers the applied middleware and `never_cache` give a beacon answer, computed once."""
        secure = request.is_secure()
        headers = self._headers.get(secure)
        if headers is None:
            handler = convert_exception_to_response(never_cache(lambda probe: HttpResponse(b"")))
            for path in reversed(settings.MIDDLEWARE):
                if path in APPLIED_MIDDLEWARE:
                    handler = convert_exception_to_response(import_string(path)(handler))
            probe = handler(request)
            headers = [(name, value) for name, value in probe.items() if name.lower() not in PER_ANSWER_HEADERS]
            self._headers[secure] = headers
        return headers

    def answer(self, request: HttpRequest, start_response: Callable) -> Iterable[bytes]:
        """The beacon's answer, with what django.core.handlers.wsgi.WSGIHandler does around a view."""
        from .views import answer, set_visitor_cookie

        set_script_prefix(get_script_name(request.environ))
        signals.request_started.send(sender=self.__class__, environ=request.environ)
        try:
            if translation.get_language() == settings.LANGUAGE_CODE:  # as always, unless a thread leaked another
                result = answer(request)
                content = json.dumps(result.data).encode()
            else:
                with translation.override(settings.LANGUAGE_CODE):
                    result = answer(request)
                    content = json.dumps(result.data).encode()
            headers = [
                ("Content-Type", "application/json"),
                ("Expires", _now_http_date()),
                *self._middleware_headers(request),
                ("Content-Length", str(len(content))),
            ]
            if result.visitor:
                jar = _CookieJar()
                set_visitor_cookie(jar, result.visitor)
                headers.extend(("Set-Cookie", cookie.output(header="")) for cookie in jar.cookies.values())
        except Exception as error:  # as Django's handler would: its 500 page, logged, got_request_exception sent
            return self._django_response(request, response_for_exception(request, error), start_response)
        status = HTTPStatus(result.status)
        if status >= 400:
            log_response("%s: %s", status.phrase, request.path, response=HttpResponse(status=status), request=request)
        start_response(f"{status.value} {status.phrase}", headers)
        return _Body(content, request)

    def _django_response(self, request: HttpRequest, response: HttpResponseBase, start_response: Callable):
        response._handler_class = self.__class__
        response._resource_closers.append(request.close)
        headers = [*response.items(), *(("Set-Cookie", c.output(header="")) for c in response.cookies.values())]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return response
