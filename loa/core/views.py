"""Error pages in Vietnamese that never depend on the database."""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template import Context, loader
from django.templatetags.static import static


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    html = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(html, status=HTTPStatus.NOT_FOUND)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the failure may be the database itself.
    html = loader.get_template("500.html").template.render(Context({}))
    return HttpResponse(html, status=HTTPStatus.INTERNAL_SERVER_ERROR)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; point them at the emblem icon."""
    return HttpResponsePermanentRedirect(static("loa/favicon.svg"))
