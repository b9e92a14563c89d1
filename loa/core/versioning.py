"""The content version, read at most once per request, and what it lets us cache.

`ContentVersion` (see models) is bumped on every change a public page shows.
Reading it costs one query, so a request remembers it; everything cached under
a key containing it (fragments, routes, the site lookup, the restriction flag)
is correct on every process the moment the version moves.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

_request_memo: ContextVar[dict | None] = ContextVar("loa_request_memo", default=None)


def current_version() -> int:
    from .models import ContentVersion

    memo = _request_memo.get()
    if memo is None:
        return ContentVersion.current()
    if "version" not in memo:
        memo["version"] = ContentVersion.current()
    return memo["version"]


def cached_for_version(name: str, compute: Callable[[], Any], timeout: int = 3600) -> Any:
    """`compute()` cached until the content changes."""
    key = f"loa:v{current_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def restrictions_exist() -> bool:
    """Whether any page is private; when none is, privacy checks need no query."""
    from wagtail.models import PageViewRestriction

    return cached_for_version("restrictions", lambda: PageViewRestriction.objects.exists())


class ContentVersionMiddleware:
    """Gives each request its own memo, and finds the Wagtail site from the cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        memo: dict = {}
        token = _request_memo.set(memo)
        try:
            self._attach_site(request)
            # The page cache stores what this request renders under the version read now.
            request.loa_content_version = memo.get("version")
            return self.get_response(request)
        finally:
            _request_memo.reset(token)

    @staticmethod
    def _attach_site(request: HttpRequest) -> None:
        from wagtail.models import Site

        try:
            host, port = request.get_host().split(":")[0], request.get_port()
        except Exception:  # DisallowedHost: leave it to CommonMiddleware's 400
            return

        def find_site():
            site = Site.find_for_request(request)
            if site is None:
                return False
            site.root_page.specific  # noqa: B018 -- cached on the object, so pickled with it: serve() needs it
            return site

        request._wagtail_site = cached_for_version(f"site:{host}:{port}", find_site) or None


class LoaPageQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's `public()` reads every view restriction; skip that when there are none."""
        return super().public() if restrictions_exist() else self


LoaPageManager = PageManager.from_queryset(LoaPageQuerySet)
