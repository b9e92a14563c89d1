"""The anonymous voter: a random id the browser keeps, and the only thing stored about it, a keyed hash.

The id is 128 random bits made by the reader's browser (portal.js keeps it in
localStorage) or, for a reader without JavaScript, the beacon's random visitor
cookie (loa.stats.visitors), made here if the reader has none. Neither is
derived from the address or the browser. The database keeps only
HMAC(SECRET_KEY, id + page): it detects a second rating of the same page by the
same browser, yet two pages rated by one reader cannot be linked to each other.
Rotating SECRET_KEY lets everyone rate again, which is harmless.
"""

from __future__ import annotations

import re
import secrets

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from loa.stats.visitors import VISITOR_COOKIE

VISITOR_RE = re.compile(r"^[0-9a-f]{32}$")
COOKIE_MAX_AGE = 365 * 24 * 3600


def is_visitor_id(value: object) -> bool:
    return isinstance(value, str) and bool(VISITOR_RE.match(value))


def voter_key(visitor: str, page_id: int) -> str:
    """64 hex characters; the key salt keeps these hashes apart from any other HMAC of the site."""
    return salted_hmac("loa.ratings.voter", f"{visitor}:{page_id}", algorithm="sha256").hexdigest()


def cookie_visitor(request: HttpRequest) -> tuple[str, bool]:
    """(id, is_new) for a form posted without JavaScript: the beacon's cookie, or a fresh random id."""
    cookie = request.COOKIES.get(VISITOR_COOKIE, "")
    if is_visitor_id(cookie):
        return cookie, False
    return secrets.token_hex(16), True
