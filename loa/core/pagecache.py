"""The full-page cache: anonymous readers get stored bytes before Django wakes up.

Django's per-site cache middleware reaches only a few percent of what the machine can
serve, because every hit still walks the middleware stack, resolves the URL and builds
request and response objects. Here the hit path is a WSGI wrapper around Django
(`PageCacheApp`, see loa/wsgi.py): for a GET or HEAD without a session cookie it looks the
page up in the "pages" cache and answers with the stored bytes (gzip-compressed when the
reader accepts it). Everything else goes to Django, where `PageCacheMiddleware` stores what
is safe to share: a 200 answer to an anonymous reader that sets no cookie, carries no CSRF
token and was not marked private by its view.

Invalidation. Every stored page carries the content version it was rendered under
(`loa.core.versioning.current_version`, the number bumped on every change a public page
shows). A hit needs the stored version to equal the *mirror* of the current version,
which every app process can read without a database query:
- in the embedded default (local-memory cache, one machine) a small file in `var/`, which
  is `stat`ed on each request and re-read when it changes;
- with a shared cache (Redis, several servers) a key in that cache, fetched in the same
  round trip as the page.
`ContentVersion.bump()` writes the mirror once its transaction commits. A render never
overwrites a mirror that exists (its version may be older than a bump that raced it); it
only creates a missing one. Entries
expire after `LOA_PAGE_CACHE_SECONDS` whatever happens, which bounds the staleness a lost
mirror write (a process killed between commit and write, Redis restarted) could cause.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
VERSION_KEY = "page-cache:version"
KEY_ENVIRON = "loa.page_cache_key"
# Parameters that trackers add to shared links; the page is the same without them.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "zarsrc", "zaloid", "mc_cid", "mc_eid", "_ga", "igshid"})
_TRACKER_HINTS = ("utm_", *TRACKING_PARAMS)  # most query strings hold none: no parsing for them
GZIP_MIN_BYTES = 1024


class Entry(NamedTuple):
    """One stored page: what a hit sends back (a tuple: it unpickles several times faster than a dataclass)."""

    version: int
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    gzipped: bytes | None
    stored_at: float


# --- Which requests may use the cache ----------------------------------------------------


class Config(NamedTuple):
    """The settings the hit path reads, looked up once (Django's lazy settings cost a call each)."""

    seconds: int
    bypass_cookies: tuple[str, ...]
    uncached_prefixes: tuple[str, ...]
    https_header: tuple[str, str] | None
    cache_control: str


@functools.cache
def _config() -> Config:
    from django.contrib.messages.storage.cookie import CookieStorage

    from .paths import admin_prefix

    seconds = settings.LOA_PAGE_CACHE_SECONDS
    return Config(
        seconds=seconds,
        # A session (an editor, a private page's password) or a pending message: not for sharing.
        bypass_cookies=(f"{settings.SESSION_COOKIE_NAME}=", f"{CookieStorage.cookie_name}="),
        # Files (served by whitenoise, the media view or nginx), the admin, the APIs, documents (privacy-checked).
        uncached_prefixes=(settings.STATIC_URL, settings.MEDIA_URL, admin_prefix(), "/api/", "/documents/"),
        # The scheme as Django sees it: a client's own X-Forwarded-Proto must not split the cache.
        https_header=settings.SECURE_PROXY_SSL_HEADER,
        cache_control=(
            f"public, max-age=0, s-maxage={seconds}, stale-while-revalidate={settings.LOA_PAGE_CACHE_STALE_SECONDS}"
        ),
    )


def enabled() -> bool:
    return _config().seconds > 0


def clean_query(query: str) -> str:
    """The query string without trackers' parameters (`utm_*`, `fbclid`…); otherwise as sent."""
    if not query or not any(name in query for name in _TRACKER_HINTS):
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, v) for k, v in pairs if not k.startswith("utm_") and k not in TRACKING_PARAMS])


def key_for(environ: dict) -> str | None:
    """The cache key of a request, or None when it must not be served from the cache."""
    config = _config()
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or config.seconds <= 0:
        return None
    cookies = environ.get("HTTP_COOKIE", "")
    if any(name in cookies for name in config.bypass_cookies):
        return None
    path = environ.get("PATH_INFO", "")
    if path.startswith(config.uncached_prefixes):
        return None
    host = (environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}").lower()
    if "HTTP_HOST" in environ:
        # Pages write their host into links (canonical, Open Graph): rendered for "LOCALHOST",
        # they must not be stored for "localhost" readers. Host names ignore case anyway.
        environ["HTTP_HOST"] = host
    query = clean_query(environ.get("QUERY_STRING", ""))
    environ["QUERY_STRING"] = query  # Django renders exactly the page stored under the key
    scheme = environ.get("wsgi.url_scheme", "http")
    if config.https_header and environ.get(config.https_header[0]) == config.https_header[1]:
        scheme = "https"
    raw = f"{scheme}://{host}{path}?{query}"
    return "page:" + hashlib.blake2b(raw.encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()


class PageMemCache(LocMemCache):
    """Django's local-memory cache without its per-call key check.

    `validate_key` walks every character looking for memcached-unsafe ones; page keys
    are a fixed prefix and a hex digest, and on the hit path that walk cost as much as
    unpickling the page.
    """

    def validate_key(self, key: str) -> None:
        return None


# --- The version mirror --------------------------------------------------------------------


class FileMirror:
    """The current version in a file on this machine, for processes that share no cache."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._version: int | None = None

    def read(self) -> int | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        stamp = (st.st_ino, st.st_mtime_ns)
        if stamp != self._stamp:
            try:
                self._version = int(self.path.read_text() or 0)
            except (OSError, ValueError):
                return None
            self._stamp = stamp
        return self._version

    def write(self, version: int) -> None:
        """Replace the file atomically: a reader sees the old or the new number, never half."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(str(version))
        os.replace(tmp, self.path)

    def create(self, version: int) -> None:
        if not self.path.exists():
            self.write(version)


class CacheMirror:
    """The current version as a key in the shared cache (Redis) that holds the pages."""

    def __init__(self, cache) -> None:
        self.cache = cache

    def read(self) -> int | None:
        return self.cache.get(VERSION_KEY)

    def write(self, version: int) -> None:
        self.cache.set(VERSION_KEY, version, settings.LOA_PAGE_CACHE_SECONDS)

    def create(self, version: int) -> None:
        self.cache.add(VERSION_KEY, version, settings.LOA_PAGE_CACHE_SECONDS)


class PageStore:
    """Pages and the version mirror, read together."""

    def __init__(self) -> None:
        self.cache = caches[CACHE_ALIAS]
        self.local = isinstance(self.cache, LocMemCache)
        self.mirror = FileMirror(Path(settings.LOA_PAGE_CACHE_VERSION_FILE)) if self.local else CacheMirror(self.cache)

    def get(self, key: str) -> Entry | None:
        if self.local:
            version = self.mirror.read()
            if version is None:
                return None
            entry = self.cache.get(key)
        else:
            found = self.cache.get_many([VERSION_KEY, key])  # one round trip
            version, entry = found.get(VERSION_KEY), found.get(key)
        if entry is None or version is None or entry.version != version:
            return None
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.cache.set(key, entry, settings.LOA_PAGE_CACHE_SECONDS)
        self.mirror.create(entry.version)


_store: PageStore | None = None


def store() -> PageStore:
    global _store
    if _store is None:
        _store = PageStore()
    return _store


def reset_store(**kwargs) -> None:
    """Forget the store and the settings read from (tests change them)."""
    global _store
    _store = None
    _config.cache_clear()


setting_changed.connect(reset_store, dispatch_uid="loa-page-cache-settings")


def publish_version(version: int) -> None:
    """Make `version` the one every process serves pages for (called after a bump commits)."""
    if enabled():
        store().mirror.write(version)


# --- Serving a hit ---------------------------------------------------------------------------


def _accepts_gzip(environ: dict) -> bool:
    return "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")


def hit_response(entry: Entry, environ: dict) -> tuple[str, list[tuple[str, str]], bytes]:
    body = entry.body
    headers = list(entry.headers)
    if entry.gzipped is not None and _accepts_gzip(environ):
        body = entry.gzipped
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    headers.append(("Age", str(int(time.time() - entry.stored_at))))
    headers.append(("X-Loa-Cache", "HIT"))
    if environ.get("REQUEST_METHOD") == "HEAD":
        body = b""
    return "200 OK", headers, body  # only 200 answers are stored


def lookup(environ: dict) -> Entry | None:
    """The stored page for this request, if any; leaves the key in the environ for the store."""
    key = environ[KEY_ENVIRON] = key_for(environ)
    if key is None:
        return None
    try:
        return store().get(key)
    except Exception:  # a broken cache must never cost a reader the page
        logger.warning("Page cache unreadable", exc_info=True)
        return None


class PageCacheApp:
    """WSGI wrapper: answers cache hits without entering Django."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        entry = lookup(environ)
        if entry is None:
            return self.app(environ, start_response)
        status, headers, body = hit_response(entry, environ)
        start_response(status, headers)
        return [body]


# --- Storing a miss --------------------------------------------------------------------------

_UNSHAREABLE = ("private", "no-store", "no-cache", "max-age=0")


def shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether every anonymous reader may get these exact bytes."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in _UNSHAREABLE)


def _drop_cookie_vary(response: HttpResponse) -> None:
    """Anonymous pages do not depend on cookies (sessions bypass the cache): keep CDNs sharing them."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]


def make_entry(response: HttpResponse, version: int) -> Entry:
    body = response.content
    gzipped = gzip.compress(body, 6, mtime=0) if len(body) >= GZIP_MIN_BYTES else None
    # Set-Cookie is never among items() (and shareable pages set none); X-Loa-Cache comes later.
    headers = tuple((k, v) for k, v in response.items() if k.lower() != "content-length")
    return Entry(version, response.status_code, headers, body, gzipped, time.time())


class PageCacheMiddleware:
    """Stores shareable pages; also serves hits for requests that did not come through the WSGI
    wrapper (the test client, a server started on Django's own WSGI handler).

    It is the outermost middleware, so a stored page carries every header the stack adds
    (security headers, the Content-Security-Policy). The version stored with it is the one
    `ContentVersionMiddleware` read when the request began: a bump during the render leaves
    the entry older than the mirror, never newer than its content.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if KEY_ENVIRON not in request.META:  # not through the WSGI wrapper
            entry = lookup(request.META)
            if entry is not None:
                return self._from_entry(entry, request)
        key = request.META[KEY_ENVIRON]
        response = self.get_response(request)
        if key is None or request.method != "GET":
            return response
        version = getattr(request, "loa_content_version", None)
        session = getattr(request, "session", None)
        if version is None or not shareable(request, response) or (session is not None and session.modified):
            response["X-Loa-Cache"] = "BYPASS"
            return response
        _drop_cookie_vary(response)
        patch_vary_headers(response, ["Accept-Encoding"])
        response["Cache-Control"] = _config().cache_control
        try:
            store().put(key, make_entry(response, version))
        except Exception:  # the reader still gets the page
            logger.warning("Page cache not writable", exc_info=True)
        response["X-Loa-Cache"] = "MISS"
        return response

    @staticmethod
    def _from_entry(entry: Entry, request: HttpRequest) -> HttpResponse:
        status, headers, body = hit_response(entry, request.META)
        response = HttpResponse(body, status=entry.status)
        for name, value in headers:
            response[name] = value
        return response
