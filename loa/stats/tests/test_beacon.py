"""The beacon counts humans once per reload window and refuses bad input with a clear message."""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest

from loa.core.testing import default_site
from loa.stats.models import CounterSettings, DailyPageView, DailyVisit, PageViewCount

pytestmark = pytest.mark.django_db


def views(page) -> int:
    return PageViewCount.objects.filter(page_id=page.pk).values_list("count", flat=True).first() or 0


class TestCounting:
    def test_counts_a_view_and_a_visit_and_returns_fresh_numbers(self, article, beacon_post):
        response = beacon_post({"page": article.pk})
        assert response.status_code == HTTPStatus.OK
        data = response.json()
        assert data["counted"] is True
        assert data["views"] == 1
        assert data["visits"]["today"] == 1
        assert data["visits"]["online"] == 1
        assert views(article) == 1
        assert DailyPageView.objects.get(page_id=article.pk).count == 1
        assert DailyVisit.objects.get().count == 1

    def test_sets_a_visitor_cookie(self, article, beacon_post):
        response = beacon_post({"page": article.pk})
        cookie = response.cookies["loa_vid"]
        assert len(cookie.value) == 32
        assert cookie["httponly"]

    def test_reload_within_window_is_not_counted_again(self, article, beacon_post):
        beacon_post({"page": article.pk})
        second = beacon_post({"page": article.pk}).json()
        assert second["counted"] is False
        assert second["views"] == 1
        assert views(article) == 1

    def test_another_visitor_is_counted(self, article, beacon_post, client):
        beacon_post({"page": article.pk})
        client.cookies["loa_vid"] = "f" * 32
        assert beacon_post({"page": article.pk}).json()["views"] == 2

    def test_reader_refusing_cookies_is_not_counted_on_every_reload(self, article, beacon_post, client):
        beacon_post({"page": article.pk})
        client.cookies.clear()  # the browser threw the cookie away
        assert beacon_post({"page": article.pk}).json()["counted"] is False
        assert views(article) == 1

    def test_readers_sharing_an_address_and_browser_are_told_apart_by_cookie(self, article, beacon_post, client):
        client.cookies["loa_vid"] = "a" * 32
        beacon_post({"page": article.pk})
        client.cookies["loa_vid"] = "b" * 32
        assert beacon_post({"page": article.pk}).json()["counted"] is True
        assert views(article) == 2

    def test_a_new_reader_gets_a_random_cookie_not_a_fingerprint(self, article, beacon_post, client):
        first = beacon_post({"page": article.pk}).cookies["loa_vid"].value
        client.cookies.clear()
        second = beacon_post({"page": article.pk}).cookies["loa_vid"].value
        assert first != second

    def test_offset_is_added_to_the_total_and_labels_are_vietnamese(self, article, beacon_post):
        CounterSettings.objects.update_or_create(site=default_site(), defaults={"visit_offset": 4238431})
        data = beacon_post({"page": article.pk}).json()
        assert data["visits"]["total"] == 4238432
        assert data["labels"]["total"] == "4.238.432"

    @pytest.mark.parametrize(
        "user_agent",
        [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "facebookexternalhit/1.1",
            "curl/8.5.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0 Safari/537.36",
            "",
        ],
    )
    def test_bots_get_numbers_but_are_not_counted(self, article, beacon_post, user_agent):
        response = beacon_post({"page": article.pk}, user_agent=user_agent)
        assert response.status_code == HTTPStatus.OK
        assert response.json()["counted"] is False
        assert views(article) == 0
        assert not DailyVisit.objects.exists()


class TestBadInput:
    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("not json", "JSON"),
            (b"\xff\xfe\x00", "JSON"),
            ("[]", "Thiếu mã trang"),
            ("{}", "Thiếu mã trang"),
            ('{"page": "12"}', "không hợp lệ"),
            ('{"page": true}', "không hợp lệ"),
            ('{"page": -1}', "không hợp lệ"),
            ('{"page": 1.5}', "không hợp lệ"),
            ('{"page": 99999999999}', "không hợp lệ"),
            ('{"page": 987654}', "không tồn tại"),
            ('{"page": 1}', "không tồn tại"),  # the tree root is not a page readers see
        ],
    )
    def test_malformed_beacon_gets_400_and_changes_nothing(self, article, beacon_post, body, message):
        response = beacon_post(body)
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert message in response.json()["error"]
        assert not PageViewCount.objects.exists()
        assert not DailyVisit.objects.exists()

    def test_huge_body_is_refused(self, article, beacon_post):
        response = beacon_post(json.dumps({"page": article.pk, "x": "a" * 100_000}))
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "quá lớn" in response.json()["error"]
        assert not PageViewCount.objects.exists()

    def test_unpublished_page_is_refused(self, article, beacon_post):
        article.unpublish()
        assert beacon_post({"page": article.pk}).status_code == HTTPStatus.BAD_REQUEST

    def test_get_is_not_allowed(self, client, article):
        assert client.get("/api/beacon/").status_code == HTTPStatus.METHOD_NOT_ALLOWED

    def test_foreign_visitor_cookie_is_replaced(self, article, beacon_post, client):
        client.cookies["loa_vid"] = "<script>alert(1)</script>"
        response = beacon_post({"page": article.pk})
        assert response.status_code == HTTPStatus.OK
        assert "<" not in response.cookies["loa_vid"].value
