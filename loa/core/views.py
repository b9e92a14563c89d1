"""Error pages in Vietnamese that never depend on the database."""

from __future__ import annotations

import sys
from http import HTTPStatus

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template import Context, loader
from django.templatetags.static import static


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    html = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(html, status=HTTPStatus.NOT_FOUND)


# The database cannot be reached (down, restarting, failing over, SQLite locked too long):
# a temporary state, so readers and crawlers are told to come back rather than that the page broke.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the failure may be the database itself.
    if isinstance(sys.exc_info()[1], UNAVAILABLE_ERRORS):
        html = loader.get_template("503.html").template.render(Context({}))
        response = HttpResponse(html, status=HTTPStatus.SERVICE_UNAVAILABLE)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    html = loader.get_template("500.html").template.render(Context({}))
    return HttpResponse(html, status=HTTPStatus.INTERNAL_SERVER_ERROR)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; point them at the emblem icon."""
    return HttpResponsePermanentRedirect(static("loa/favicon.svg"))
