"""Who is counted: a pseudonymous visitor id, and no bots."""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.http import HttpRequest

VISITOR_COOKIE = "loa_vid"
_VISITOR_RE = re.compile(r"^[0-9a-f]{32}$")
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|"
    r"curl|wget|python-requests|python-urllib|httpx|aiohttp|go-http-client|java/|libwww|scrapy|"
    r"headlesschrome|phantomjs|lighthouse|pingdom|zgrab|masscan|nmap",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_RE.search(user_agent))


def visitor_id(request: HttpRequest) -> str:
    """The reader's cookie if valid, else a salted hash of address and browser.

    The hash keeps readers without cookies from being counted on every reload,
    and stores no address.
    """
    cookie = request.COOKIES.get(VISITOR_COOKIE, "")
    if _VISITOR_RE.match(cookie):
        return cookie
    raw = "|".join([settings.SECRET_KEY, request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_USER_AGENT", "")])
    return hashlib.sha256(raw.encode()).hexdigest()[:32]
