"""The beacon: one small POST after page load that counts and returns fresh numbers.

Counting lives here rather than in page views so that page HTML stays
cacheable by anyone (process cache, nginx, CDN).
"""

from __future__ import annotations

import json
from http import HTTPStatus

from django.core.cache import cache
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from loa.core.formats import vn_number

from .counters import Hit, page_view_count, record_hit, visit_totals
from .models import CounterSettings
from .visitors import VISITOR_COOKIE, is_bot, visitor_ids

MAX_BODY_BYTES = 512


def _error(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=HTTPStatus.BAD_REQUEST)


def _is_live_page(page_id: int) -> bool:
    key = f"loa:stats:live-page:{page_id}"
    live = cache.get(key)
    if live is None:
        live = Page.objects.filter(pk=page_id, live=True, depth__gt=1).exists()
        cache.set(key, live, 60)
    return live


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
    if not _is_live_page(page_id):
        return _("The page does not exist or is not published.")
    return page_id


def counter_numbers(request: HttpRequest, page_id: int | None) -> dict:
    visits = visit_totals(CounterSettings.cached_offset(Site.find_for_request(request)))
    numbers = {"visits": visits, "labels": {k: vn_number(v) for k, v in visits.items()}}
    if page_id:
        views = page_view_count(page_id)
        numbers["views"] = views
        numbers["labels"]["views"] = vn_number(views)
    return numbers


@csrf_exempt
@require_POST
@never_cache
def beacon(request: HttpRequest) -> JsonResponse:
    page_id = _parse_page_id(request)
    if isinstance(page_id, str):
        return _error(page_id)
    visitor, alias = visitor_ids(request)
    counted = False
    if not is_bot(request.META.get("HTTP_USER_AGENT", "")):
        recorded = record_hit(Hit(page_id=page_id, visitor=visitor, now=timezone.now(), alias=alias))
        counted = recorded.view_counted
    response = JsonResponse({"counted": counted, **counter_numbers(request, page_id)})
    response.set_cookie(VISITOR_COOKIE, visitor, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response
