"""Same-origin check for the rating endpoint, which cannot carry a CSRF token.

The widget's HTML is served from a full-page cache, identical for everyone, so
it holds no token. Browsers tell where a request comes from instead: modern
ones send Sec-Fetch-Site, and every browser sends Origin with a cross-origin
POST (form or fetch). A page on another site therefore cannot make a reader's
browser rate on its behalf. Tools other than browsers can say anything; the
rate limit is what holds them back.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def own_origins(request: HttpRequest) -> set[str]:
    return {f"{request.scheme}://{request.get_host()}", *getattr(settings, "CSRF_TRUSTED_ORIGINS", ())}


def is_same_origin(request: HttpRequest) -> bool:
    """Sec-Fetch-Site decides when sent; else Origin; else Referer; a request with none of them is refused."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site:
        return fetch_site == "same-origin"
    origin = request.META.get("HTTP_ORIGIN")
    if origin:
        return origin in own_origins(request)
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return _origin_of(referer) in own_origins(request)
    return False
