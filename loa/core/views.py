"""Error pages in Vietnamese that never depend on the database."""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    html = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(html, status=HTTPStatus.NOT_FOUND)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the failure may be the database itself.
    html = loader.get_template("500.html").template.render(loader.Context({}))
    return HttpResponse(html, status=HTTPStatus.INTERNAL_SERVER_ERROR)
