"""The beacon's fast path answers exactly as the view does through Django's full stack, with less work."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.handlers.wsgi import WSGIHandler

from loa.stats import counters
from loa.stats.fastpath import APPLIED_MIDDLEWARE, SKIPPED_MIDDLEWARE, BeaconFastPath, unclassified_middleware
from loa.stats.models import DailyVisit, PageViewCount

pytestmark = pytest.mark.django_db

COOKIE_A = "loa_vid=" + "a" * 32
COOKIE_B = "loa_vid=" + "b" * 32
# Headers whose values are times or differ by design (the CSP's directive order is not stable).
VARYING = {"expires", "date", "content-security-policy", "set-cookie", "content-length"}


@pytest.fixture
def django_app():
    return WSGIHandler()


@pytest.fixture
def fast_app(django_app):
    return BeaconFastPath(django_app)


def views(page) -> int:
    return PageViewCount.objects.filter(page_id=page.pk).values_list("count", flat=True).first() or 0


class TestSameAnswerAsTheView:
    def test_counts_and_answers_with_fresh_numbers(self, article, fast_app, wsgi_call):
        answer = wsgi_call(fast_app, payload={"page": article.pk})
        assert answer.status_code == HTTPStatus.OK
        data = answer.json()
        assert data["counted"] is True
        assert data["views"] == 1
        assert data["visits"] == {"total": 1, "today": 1, "online": 1}
        assert data["labels"]["views"] == "1"
        assert views(article) == 1
        assert DailyVisit.objects.get().count == 1

    def test_status_json_and_headers_match_the_full_stack(self, article, django_app, fast_app, wsgi_call):
        full = wsgi_call(django_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_A)
        fast = wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_B)
        assert fast.status == full.status == "200 OK"
        assert full.json()["counted"] and fast.json()["counted"]
        assert (full.json()["views"], fast.json()["views"]) == (1, 2)
        assert full.json().keys() == fast.json().keys()
        assert {(k.lower(), v) for k, v in fast.headers if k.lower() not in VARYING} == {
            (k.lower(), v) for k, v in full.headers if k.lower() not in VARYING
        }
        assert {k.lower() for k, _ in fast.headers} == {k.lower() for k, _ in full.headers}
        assert (
            fast.header("Set-Cookie").replace("b" * 32, "a" * 32).split("expires=")[0]
            == (full.header("Set-Cookie").split("expires=")[0])
        )
        assert "HttpOnly" in fast.header("Set-Cookie") and "SameSite=Lax" in fast.header("Set-Cookie")

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("not json", "JSON"),
            ("{}", "Thiếu mã trang"),
            ('{"page": true}', "không hợp lệ"),
            ('{"page": 987654}', "không tồn tại"),
        ],
    )
    def test_bad_input_gets_the_views_400_in_vietnamese(self, article, django_app, fast_app, wsgi_call, body, message):
        full = wsgi_call(django_app, payload=body)
        fast = wsgi_call(fast_app, payload=body)
        assert fast.status_code == full.status_code == HTTPStatus.BAD_REQUEST
        assert message in fast.json()["error"]
        assert fast.json() == full.json()
        assert not PageViewCount.objects.exists()

    def test_bots_get_numbers_but_are_not_counted(self, article, fast_app, wsgi_call):
        answer = wsgi_call(fast_app, payload={"page": article.pk}, user_agent="Mozilla/5.0 (compatible; Googlebot/2.1)")
        assert answer.status_code == HTTPStatus.OK
        assert answer.json()["counted"] is False
        assert views(article) == 0

    def test_reload_is_not_counted_again(self, article, fast_app, wsgi_call):
        wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_A)
        again = wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_A)
        assert again.json()["counted"] is False
        assert views(article) == 1

    def test_the_views_rate_limit_applies(self, article, fast_app, wsgi_call, settings):
        settings.LOA_BEACON_RATE_LIMIT = 2
        statuses = [wsgi_call(fast_app, payload={"page": article.pk}).status_code for _ in range(3)]
        assert statuses == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]

    def test_page_check_and_site_are_cached_in_the_process(self, article, fast_app, wsgi_call):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_A)
        with CaptureQueriesContext(connection) as queries:
            assert wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_B).status_code == HTTPStatus.OK
        tables = " ".join(query["sql"] for query in queries.captured_queries)
        assert "wagtailcore_page" not in tables
        assert "wagtailcore_site" not in tables
        assert "loa_core_contentversion" not in tables


class TestLeftToDjango:
    def test_get_is_answered_by_django(self, fast_app, wsgi_call):
        assert wsgi_call(fast_app, "GET").status_code == HTTPStatus.METHOD_NOT_ALLOWED

    def test_other_posts_are_answered_by_django(self, article, django_app, fast_app, wsgi_call):
        assert wsgi_call(fast_app, path="/api/beacon/x/").status == wsgi_call(django_app, path="/api/beacon/x/").status

    def test_disallowed_host_is_refused(self, article, fast_app, wsgi_call):
        answer = wsgi_call(fast_app, payload={"page": article.pk}, HTTP_HOST="evil.example")
        assert answer.status_code == HTTPStatus.BAD_REQUEST
        assert not PageViewCount.objects.exists()

    def test_plain_http_is_redirected_when_https_is_required(self, article, wsgi_call, settings):
        settings.SECURE_SSL_REDIRECT = True  # read by SecurityMiddleware when the handler loads it
        answer = wsgi_call(BeaconFastPath(WSGIHandler()), payload={"page": article.pk})
        assert answer.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert answer.header("Location").startswith("https://")
        assert not PageViewCount.objects.exists()

    def test_https_answers_carry_hsts_like_django(self, article, wsgi_call, settings):
        settings.SECURE_HSTS_SECONDS = 3600
        full = wsgi_call(WSGIHandler(), payload={"page": article.pk}, secure=True)
        fast = wsgi_call(BeaconFastPath(WSGIHandler()), payload={"page": article.pk}, secure=True)
        assert fast.status_code == full.status_code == HTTPStatus.OK
        assert fast.header("Strict-Transport-Security") == full.header("Strict-Transport-Security") == "max-age=3600"


class TestMiddlewareClassification:
    def test_every_project_middleware_is_applied_or_skipped_with_a_reason(self):
        assert unclassified_middleware() == []
        assert not APPLIED_MIDDLEWARE & SKIPPED_MIDDLEWARE.keys()
        assert all(SKIPPED_MIDDLEWARE.values())

    def test_an_unclassified_middleware_turns_the_fast_path_off(self, settings, wsgi_call, article):
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, "example.NewMiddleware"]
        seen = []

        def inner_app(environ, start_response):
            seen.append(environ["PATH_INFO"])
            start_response("204 No Content", [])
            return [b""]

        fast = BeaconFastPath(inner_app)
        assert not fast.enabled
        assert wsgi_call(fast, payload={"page": article.pk}).status_code == HTTPStatus.NO_CONTENT
        assert seen == ["/api/beacon/"]

    def test_the_served_application_is_wrapped(self):
        from loa.wsgi import application

        assert isinstance(application, BeaconFastPath)
        assert application.enabled


@pytest.fixture
def redis_round_trips(monkeypatch):
    """Commands sent to Redis (a pipeline or a script is one), counted as they go out."""
    from redis.connection import Connection

    sent = []
    original = Connection.send_packed_command

    def counting(self, command, check_health=True):
        sent.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(Connection, "send_packed_command", counting)
    return sent


@pytest.mark.redis
class TestWithRedis:
    @pytest.mark.parametrize("limit", [0, 600])
    def test_warm_beacon_is_one_redis_round_trip_and_no_query(
        self, article, redis_url, fast_app, wsgi_call, django_assert_num_queries, redis_round_trips, settings, limit
    ):
        settings.LOA_BEACON_RATE_LIMIT = limit  # counted inside the same script
        wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_A)  # page check, offset, stored counts
        redis_round_trips.clear()
        with django_assert_num_queries(0):
            answer = wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=COOKIE_B)
        assert answer.json()["counted"] is True
        assert answer.json()["views"] == 2
        assert len(redis_round_trips) == 1

    def test_the_rate_limit_is_counted_in_redis(self, article, redis_url, fast_app, wsgi_call, settings):
        settings.LOA_BEACON_RATE_LIMIT = 3
        statuses = [
            wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=f"loa_vid={n:032x}").status_code
            for n in range(4)
        ]
        assert statuses == [HTTPStatus.OK] * 3 + [HTTPStatus.TOO_MANY_REQUESTS]
        assert counters.page_view_count(article.pk) == 3
        other = wsgi_call(fast_app, payload={"page": article.pk}, REMOTE_ADDR="198.51.100.20")
        assert other.status_code == HTTPStatus.OK

    def test_refused_requests_count_against_the_limit_too(self, article, redis_url, fast_app, wsgi_call, settings):
        settings.LOA_BEACON_RATE_LIMIT = 3
        assert [wsgi_call(fast_app, payload="{}").status_code for _ in range(3)] == [HTTPStatus.BAD_REQUEST] * 3
        assert wsgi_call(fast_app, payload="{}").status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert wsgi_call(fast_app, payload={"page": article.pk}).status_code == HTTPStatus.TOO_MANY_REQUESTS
        assert counters.page_view_count(article.pk) == 0

    def test_with_redis_down_the_limit_is_counted_in_the_cache(self, article, fast_app, wsgi_call, settings):
        settings.LOA_COUNTER_REDIS_URL = "redis://127.0.0.1:1/0"
        counters.reset_redis_client()
        settings.LOA_BEACON_RATE_LIMIT = 2
        statuses = [
            wsgi_call(fast_app, payload={"page": article.pk}, HTTP_COOKIE=f"loa_vid={n:032x}").status_code
            for n in range(3)
        ]
        assert statuses == [HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]
        assert views(article) == 2
