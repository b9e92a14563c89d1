"""With REDIS_URL set, pages and the beacon keep working when Redis is down."""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest
from django.core.cache import caches
from django.test import override_settings

from loa.core.testing import make_article, make_section
from loa.stats.models import PageViewCount

pytestmark = pytest.mark.django_db

UA = "Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36"


def redis_caches(url: str) -> dict:
    backend = {
        "BACKEND": "loa.core.cache.ResilientRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    return {"default": {**backend, "KEY_PREFIX": "t"}, "renditions": {**backend, "KEY_PREFIX": "tr"}}


def test_pages_and_beacon_work_with_redis_down(client, settings):
    article = make_article(make_section("Thời sự"), "Tin khi Redis hỏng")
    settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"
    with override_settings(CACHES=redis_caches("redis://127.0.0.1:1/0")):
        assert client.get(article.url).status_code == HTTPStatus.OK
        assert client.get("/").status_code == HTTPStatus.OK
        response = client.post(
            "/api/beacon/", json.dumps({"page": article.pk}), content_type="application/json", HTTP_USER_AGENT=UA
        )
        assert response.status_code == HTTPStatus.OK
        assert response.json()["views"] == 1
    assert PageViewCount.objects.get(page_id=article.pk).count == 1


@pytest.mark.redis
def test_fragments_are_cached_in_redis(client, redis_url):
    article = make_article(make_section("Thời sự"), "Tin khi Redis chạy")
    with override_settings(CACHES=redis_caches(redis_url)):
        caches["default"].set("loa-probe", "xin chào", 30)
        assert caches["default"].get("loa-probe") == "xin chào"
        assert client.get(article.url).status_code == HTTPStatus.OK
        assert caches["default"].delete("loa-probe")
