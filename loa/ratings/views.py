"""The rating endpoint, /api/danh-gia/: fetch() posts JSON, a browser without JavaScript posts the form.

It is exempt from CSRF because the widget lives in cached HTML without a token
(origin.py explains the check that replaces it). Every request, valid or not,
counts against the client's rate limit, so probing costs as much as rating.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from loa.core.ratelimit import allow
from loa.stats.visitors import VISITOR_COOKIE, is_bot

from .models import PageRating
from .origin import is_same_origin
from .submission import Submission, parse_json, validate
from .voters import COOKIE_MAX_AGE, cookie_visitor, voter_key

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
#: 1,000 Vietnamese characters percent-encoded take about 9 KB; JSON escapes less.
MAX_BODY_BYTES = 16 * 1024
#: Ratings per client address and window (seconds), unless settings say otherwise; readers behind
#: one carrier address share it, so it is generous for people and tight for scripts.
RATE_LIMIT = 20
RATE_WINDOW = 600
THANKS_ANCHOR = "#danh-gia-cam-on"


def record(submission: Submission, visitor: str) -> bool:
    """Save the visitor's rating of the page, replacing an earlier one; True if it is their first."""
    now = timezone.now()
    _rating, created = PageRating.objects.update_or_create(
        page_id=submission.page_id,
        voter=voter_key(visitor, submission.page_id),
        defaults={"rating": submission.rating, "comment": submission.comment, "rated_at": now},
        create_defaults={
            "rating": submission.rating,
            "comment": submission.comment,
            "rated_at": now,
            "created_at": now,
        },
    )
    return created


def _rate_limit() -> int:
    return int(getattr(settings, "LOA_RATINGS_RATE_LIMIT", RATE_LIMIT))


def _rate_window() -> int:
    return int(getattr(settings, "LOA_RATINGS_RATE_WINDOW", RATE_WINDOW))


def _body_too_large(request: HttpRequest) -> bool:
    length = request.META.get("CONTENT_LENGTH") or "0"
    return not (length.isascii() and length.isdigit()) or int(length) > MAX_BODY_BYTES  # int("²") fails


def _refusal(request: HttpRequest) -> tuple[HTTPStatus, str] | None:
    """Why the request is refused before its content is read, if it is."""
    if not is_same_origin(request):
        return HTTPStatus.FORBIDDEN, _("Ratings can only be sent from the portal's own pages.")
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return HTTPStatus.FORBIDDEN, _("Automated clients cannot rate pages.")
    if not allow(request, "ratings", _rate_limit(), _rate_window()):
        return HTTPStatus.TOO_MANY_REQUESTS, _("You have sent many ratings in a short time. Please try again later.")
    if _body_too_large(request):
        return HTTPStatus.REQUEST_ENTITY_TOO_LARGE, _("The rating is too large to be sent.")
    return None


@csrf_exempt
@require_POST
@never_cache
def submit(request: HttpRequest) -> HttpResponse:
    if request.content_type == JSON:
        return _submit_json(request)
    if request.content_type == FORM:
        return _submit_form(request)
    return JsonResponse(
        {"message": _("Send the rating as JSON or as a web form.")}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    )


def _json_error(status: HTTPStatus, message: str, errors: dict[str, list[str]] | None = None) -> JsonResponse:
    response = JsonResponse({"saved": False, "message": message, "errors": errors or {}}, status=status)
    if status == HTTPStatus.TOO_MANY_REQUESTS:
        response["Retry-After"] = str(_rate_window())
    return response


def _submit_json(request: HttpRequest) -> JsonResponse:
    if refusal := _refusal(request):
        return _json_error(*refusal)
    submission, visitor, errors = parse_json(request.body)
    if submission is None:
        return _json_error(HTTPStatus.BAD_REQUEST, _("The rating could not be saved. Please check it."), errors)
    created = record(submission, visitor)
    return JsonResponse({"saved": True, "updated": not created, "rating": submission.rating})


def _submit_form(request: HttpRequest) -> HttpResponse:
    """Without JavaScript: back to the page's thank-you anchor, or a page saying what went wrong."""
    if refusal := _refusal(request):
        status, message = refusal
        # A reader slowed down by the limit keeps what they typed; other refusals echo nothing back.
        keep = status == HTTPStatus.TOO_MANY_REQUESTS and not _body_too_large(request)
        data = QueryDict(request.body, encoding="utf-8") if keep else None
        return _form_failure(request, status, message, data, {})
    data = QueryDict(request.body, encoding="utf-8")
    submission, errors = validate(data)
    if submission is None:
        return _form_failure(
            request, HTTPStatus.BAD_REQUEST, _("The rating could not be saved. Please check it."), data, errors
        )
    visitor, new_visitor = cookie_visitor(request)
    record(submission, visitor)
    page = Page.objects.filter(pk=submission.page_id).first()
    url = (page.get_url(request) if page else None) or "/"
    response = HttpResponseRedirect(url + THANKS_ANCHOR, status=HTTPStatus.SEE_OTHER)
    if new_visitor:
        response.set_cookie(VISITOR_COOKIE, visitor, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True)
    return response


def _form_failure(
    request: HttpRequest,
    status: HTTPStatus,
    message: str,
    data: QueryDict | None,
    errors: dict[str, list[str]],
) -> HttpResponse:
    """The rated page's frame with the widget again, holding what the reader chose and typed."""
    page = None
    page_id = (data or {}).get("page", "")
    if page_id.isdigit() and "page" not in errors and int(page_id) < 2**31:
        page = Page.objects.filter(pk=int(page_id), live=True).specific().first()
    context: dict[str, Any] = {
        "page": page,
        "message": message,
        "rating_submission": {
            "rating": (data or {}).get("rating", ""),
            "comment": (data or {}).get("comment", ""),
            "errors": {field: " ".join(messages) for field, messages in errors.items()},
        },
    }
    response = render(request, "ratings/failed.html", context, status=status)
    if status == HTTPStatus.TOO_MANY_REQUESTS:
        response["Retry-After"] = str(_rate_window())
    return response
