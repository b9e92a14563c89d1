"""Error pages speak Vietnamese and the 500 page needs nothing that may be broken."""

from __future__ import annotations

from http import HTTPStatus

from django.test import RequestFactory

from loa.core.views import favicon, server_error


def test_server_error_page_renders_without_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_favicon_redirects_to_the_icon():
    response = favicon(RequestFactory().get("/favicon.ico"))
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"].endswith("favicon.svg")
