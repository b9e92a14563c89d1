"""Sending a rating: valid and invalid bodies, origins, one rating per visitor and page, the rate limit."""

from __future__ import annotations

import json
from http import HTTPStatus
from urllib.parse import urlencode

import pytest

from loa.ratings.models import PageRating

from .conftest import BROWSER_UA, OTHER_VISITOR, SAME_ORIGIN, URL, VISITOR

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


class TestValidRatings:
    def test_a_rating_with_a_comment_is_saved(self, rate, article):
        response = rate(article, 4, "Bài viết rõ ràng, dễ hiểu.")
        assert response.status_code == HTTPStatus.OK
        assert response.json() == {"saved": True, "updated": False, "rating": 4}
        stored = PageRating.objects.get()
        assert (stored.page_id, stored.rating, stored.comment) == (article.pk, 4, "Bài viết rõ ràng, dễ hiểu.")

    def test_the_comment_is_optional(self, rate, article):
        assert rate(article, 5, comment=None).status_code == HTTPStatus.OK
        assert PageRating.objects.get().comment == ""

    @pytest.mark.parametrize("rating", [1, 2, 3, 4, 5])
    def test_every_score_from_1_to_5_is_accepted(self, rate, article, rating):
        assert rate(article, rating).status_code == HTTPStatus.OK

    def test_the_comment_is_stored_in_nfc_without_invisible_characters(self, rate, article):
        decomposed = "Tho\u0302ng tin hu\u031b\u0303u i\u0301ch"  # NFD, as some phones type
        rate(article, 4, f"  {decomposed}\u200b\r\nCảm ơn\x00  ")
        assert PageRating.objects.get().comment == "Thông tin hữu ích\nCảm ơn"

    def test_html_in_a_comment_stays_text(self, rate, article):
        comment = '<script>alert("x")</script><b>Tốt</b>'
        rate(article, 3, comment)
        assert PageRating.objects.get().comment == comment


class TestInvalidRatings:
    @pytest.mark.parametrize("rating", [0, 6, -1, "abc", "4", 4.5, True, None, [4]])
    def test_a_rating_outside_1_to_5_or_not_a_whole_number_is_refused(self, rate, article, rating):
        response = rate(article, rating)
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "rating" in response.json()["errors"]
        assert not PageRating.objects.exists()

    def test_a_missing_rating_is_refused(self, rate, article):
        response = rate(body={"page": article.pk, "visitor": VISITOR})
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "rating" in response.json()["errors"]

    def test_a_comment_over_1000_characters_is_refused(self, rate, article):
        response = rate(article, 4, "ă" * 1001)
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "comment" in response.json()["errors"]
        assert not PageRating.objects.exists()

    def test_exactly_1000_characters_are_accepted(self, rate, article):
        assert rate(article, 4, "ă" * 1000).status_code == HTTPStatus.OK

    def test_a_huge_body_is_refused_before_it_is_read(self, rate, article):
        response = rate(article, 4, "x" * 100_000)
        assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        assert not PageRating.objects.exists()

    @pytest.mark.parametrize("visitor", [None, "", "abc", "0123456789ABCDEF0123456789ABCDEF", 12345])
    def test_a_missing_or_malformed_visitor_id_is_refused(self, rate, article, visitor):
        response = rate(article, 4, visitor=visitor)
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "visitor" in response.json()["errors"]

    @pytest.mark.parametrize("page", [None, "12", 0, 2**40, 999_999])
    def test_a_missing_or_unknown_page_is_refused(self, rate, article, page):
        response = rate(page, 4)
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "page" in response.json()["errors"]

    @pytest.mark.parametrize("name", ["home", "news", "video_index", "sitemap"])
    def test_pages_that_do_not_ask_cannot_be_rated(self, rate, portal, name):
        assert rate(getattr(portal, name), 4).status_code == HTTPStatus.BAD_REQUEST

    def test_an_unpublished_page_cannot_be_rated(self, rate, portal):
        portal.other_article.unpublish()
        assert rate(portal.other_article, 4).status_code == HTTPStatus.BAD_REQUEST

    def test_unknown_fields_are_refused(self, rate, article):
        response = rate(article, 4, ip="203.0.113.9")
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "__all__" in response.json()["errors"]

    @pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'"text"', b"   "])
    def test_a_body_that_is_not_a_json_object_is_refused(self, rate, article, body):
        assert rate(body=body).status_code == HTTPStatus.BAD_REQUEST

    def test_other_content_types_are_refused(self, client, article):
        response = client.post(URL, b"page=1", content_type="text/plain", **SAME_ORIGIN)
        assert response.status_code == HTTPStatus.UNSUPPORTED_MEDIA_TYPE

    def test_get_is_not_allowed(self, client):
        assert client.get(URL).status_code == HTTPStatus.METHOD_NOT_ALLOWED


class TestOrigin:
    @pytest.mark.parametrize(
        "headers",
        [
            {"HTTP_SEC_FETCH_SITE": "cross-site"},
            {"HTTP_SEC_FETCH_SITE": "same-site"},
            {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "https://evil.example"},
            {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "null"},
            {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "", "HTTP_REFERER": "https://evil.example/trang"},
            {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": ""},
        ],
        ids=["cross-site", "same-site", "other-origin", "null-origin", "other-referer", "no-origin-at-all"],
    )
    def test_a_rating_from_another_site_is_refused(self, rate, article, headers):
        response = rate(article, 5, headers=headers)
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not PageRating.objects.exists()

    @pytest.mark.parametrize(
        "headers",
        [
            {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": ""},
            {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "http://testserver"},
            {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "", "HTTP_REFERER": "http://testserver/tin-tuc/bai/"},
        ],
        ids=["fetch-metadata", "origin", "referer"],
    )
    def test_a_rating_from_the_portal_itself_is_accepted(self, rate, article, headers):
        assert rate(article, 5, headers=headers).status_code == HTTPStatus.OK

    def test_a_trusted_origin_from_settings_is_accepted(self, rate, article, settings):
        settings.CSRF_TRUSTED_ORIGINS = ["https://hungyen.gov.vn"]
        headers = {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "https://hungyen.gov.vn"}
        assert rate(article, 5, headers=headers).status_code == HTTPStatus.OK

    @pytest.mark.parametrize("agent", ["", "Googlebot/2.1", "python-requests/2.32", "curl/8.5"])
    def test_declared_bots_are_refused(self, rate, article, agent):
        assert rate(article, 5, headers={"HTTP_USER_AGENT": agent}).status_code == HTTPStatus.FORBIDDEN


class TestOnePerVisitor:
    def test_a_second_rating_of_the_same_page_replaces_the_first(self, rate, article):
        rate(article, 2, "Chưa rõ")
        response = rate(article, 5, "Đã sửa, rất rõ")
        assert response.json() == {"saved": True, "updated": True, "rating": 5}
        assert list(PageRating.objects.values_list("rating", "comment")) == [(5, "Đã sửa, rất rõ")]

    def test_the_same_visitor_may_rate_other_pages(self, rate, portal):
        rate(portal.article, 4)
        rate(portal.about, 3)
        assert PageRating.objects.count() == 2

    def test_other_visitors_count_separately(self, rate, article):
        rate(article, 4, visitor=VISITOR)
        rate(article, 2, visitor=OTHER_VISITOR)
        assert sorted(PageRating.objects.values_list("rating", flat=True)) == [2, 4]

    def test_the_database_refuses_a_duplicate_row(self, rate, article):
        from django.db import IntegrityError, transaction

        rate(article, 4)
        stored = PageRating.objects.get()
        with pytest.raises(IntegrityError), transaction.atomic():
            PageRating.objects.create(page_id=stored.page_id, voter=stored.voter, rating=1)

    def test_the_database_refuses_a_score_outside_1_to_5(self, article):
        from django.db import IntegrityError, transaction

        with pytest.raises(IntegrityError), transaction.atomic():
            PageRating.objects.create(page=article, voter="x" * 64, rating=6)


class TestRateLimit:
    def test_a_client_sending_too_many_ratings_is_slowed_down(self, rate, article, settings):
        settings.LOA_RATINGS_RATE_LIMIT = 3
        visitors = [f"{n:032x}" for n in range(5)]
        statuses = [rate(article, 4, visitor=visitor).status_code for visitor in visitors]
        assert statuses == [HTTPStatus.OK] * 3 + [HTTPStatus.TOO_MANY_REQUESTS] * 2
        assert PageRating.objects.count() == 3

    def test_the_limit_says_when_to_come_back(self, rate, article, settings):
        settings.LOA_RATINGS_RATE_LIMIT = 1
        rate(article, 4)
        response = rate(article, 4)
        assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert response["Retry-After"] == "600"

    def test_invalid_requests_count_too(self, rate, article, settings):
        settings.LOA_RATINGS_RATE_LIMIT = 2
        rate(article, 9)
        rate(article, 9)
        assert rate(article, 4).status_code == HTTPStatus.TOO_MANY_REQUESTS

    def test_each_client_address_has_its_own_limit(self, rate, article, settings):
        settings.LOA_RATINGS_RATE_LIMIT = 1
        assert rate(article, 4, headers={"REMOTE_ADDR": "198.51.100.1"}).status_code == HTTPStatus.OK
        response = rate(article, 4, visitor=OTHER_VISITOR, headers={"REMOTE_ADDR": "198.51.100.2"})
        assert response.status_code == HTTPStatus.OK


class TestWithoutJavaScript:
    """The plain form: a normal POST, back to the page's thank-you anchor, or a page saying what is wrong."""

    def post_form(self, client, data, **headers):
        return client.post(URL, urlencode(data), content_type=FORM, **{**SAME_ORIGIN, **headers})

    def test_the_form_saves_and_returns_to_the_thanks(self, client, article):
        response = self.post_form(client, {"page": article.pk, "rating": "4", "comment": "Hữu ích"})
        assert response.status_code == HTTPStatus.SEE_OTHER
        assert response["Location"] == article.url + "#danh-gia-cam-on"
        assert PageRating.objects.get().rating == 4

    def test_the_form_gives_a_reader_without_a_cookie_an_anonymous_one(self, client, article):
        response = self.post_form(client, {"page": article.pk, "rating": "4"})
        cookie = response.cookies["loa_vid"]
        assert len(cookie.value) == 32 and cookie["httponly"]
        # The same browser rating again replaces its rating.
        self.post_form(client, {"page": article.pk, "rating": "2"})
        assert list(PageRating.objects.values_list("rating", flat=True)) == [2]

    def test_the_beacons_visitor_cookie_is_the_anonymous_id(self, client, article):
        client.cookies["loa_vid"] = VISITOR
        response = self.post_form(client, {"page": article.pk, "rating": "5"})
        assert "loa_vid" not in response.cookies
        assert PageRating.objects.count() == 1

    def test_a_mistake_shows_the_form_again_with_what_was_typed(self, client, article):
        response = self.post_form(client, {"page": article.pk, "rating": "9", "comment": "Ý kiến <b>của tôi</b>"})
        assert response.status_code == HTTPStatus.BAD_REQUEST
        html = response.content.decode()
        assert "Chưa gửi được đánh giá" in html
        assert "Ý kiến &lt;b&gt;của tôi&lt;/b&gt;</textarea>" in html
        assert 'id="danh-gia-loi-muc" data-rating-error="rating">' in html  # shown, next to the choices
        assert 'aria-describedby="danh-gia-loi-muc"' in html
        assert not PageRating.objects.exists()

    def test_a_choice_made_is_kept_when_the_comment_is_too_long(self, client, article):
        response = self.post_form(client, {"page": article.pk, "rating": "3", "comment": "a" * 1001})
        html = response.content.decode()
        assert 'value="3" required checked' in html
        assert 'id="danh-gia-loi-y-kien" data-rating-error="comment">' in html

    def test_the_form_from_another_site_is_refused(self, client, article):
        response = self.post_form(client, {"page": article.pk, "rating": "5"}, HTTP_SEC_FETCH_SITE="cross-site")
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not PageRating.objects.exists()

    def test_the_form_is_rate_limited_too(self, client, article, settings):
        settings.LOA_RATINGS_RATE_LIMIT = 1
        self.post_form(client, {"page": article.pk, "rating": "5"})
        response = self.post_form(client, {"page": article.pk, "rating": "4", "comment": "Giữ lại"})
        assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert "Giữ lại</textarea>" in response.content.decode()

    def test_a_form_for_a_page_that_does_not_exist_says_so(self, client, portal):
        response = self.post_form(client, {"page": "999999", "rating": "4"})
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "Về trang chủ" in response.content.decode()


def test_responses_are_never_cached(rate, article):
    assert "no-cache" in rate(article, 4)["Cache-Control"]


def test_the_json_error_names_each_field(rate, article):
    body = json.loads(rate(article, "7", 42).content)
    assert body["saved"] is False
    assert set(body["errors"]) == {"rating", "comment"}
    assert BROWSER_UA  # the requests above came from a reader's browser
