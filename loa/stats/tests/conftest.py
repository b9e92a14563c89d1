from __future__ import annotations

import json

import pytest
from django.test import RequestFactory

from loa.core.testing import WSGIAnswer, make_article, make_section

BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


@pytest.fixture
def article(db):
    return make_article(make_section("Thời sự"), "Bài thử đếm lượt xem")


@pytest.fixture
def beacon_post(client):
    """POST to the beacon as a phone browser would; extra headers by keyword."""

    def post(payload, *, content_type="application/json", user_agent=BROWSER_UA, **headers):
        body = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)
        return client.post("/api/beacon/", body, content_type=content_type, HTTP_USER_AGENT=user_agent, **headers)

    return post


@pytest.fixture
def wsgi_call():
    """Call a WSGI application with a request built by RequestFactory (method, path, body, headers)."""

    def call(app, method="POST", path="/api/beacon/", payload=None, *, user_agent=BROWSER_UA, secure=False, **headers):
        body = payload if isinstance(payload, (str, bytes)) or payload is None else json.dumps(payload)
        factory = RequestFactory(HTTP_HOST="localhost")
        if method == "GET":
            request = factory.get(path, secure=secure, HTTP_USER_AGENT=user_agent, **headers)
        else:
            request = factory.generic(
                method,
                path,
                body or "",
                content_type="application/json",
                secure=secure,
                HTTP_USER_AGENT=user_agent,
                **headers,
            )
        return WSGIAnswer(app, request.environ)

    return call
