"""The beacon's per-hit shortcuts give exactly what the general code they replace gives.

Each shortcut in loa.stats.fastpath, views, counters and redis_counters is checked against
that code: Django's request parsing, json.dumps, Django's cookie formatting,
timezone.localdate, and Django's own request signals.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from http import HTTPStatus

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from loa.stats import counters, redis_counters, views
from loa.stats.fastpath import BeaconFastPath, _Setup
from loa.stats.models import PageViewCount

from .conftest import BROWSER_UA

HEX_ID = "0123456789abcdef" * 2


def environ(body: bytes = b'{"page": 1}', **extra) -> dict:
    request = RequestFactory(HTTP_HOST="localhost").generic(
        "POST", "/api/beacon/", body, content_type="application/json", HTTP_USER_AGENT=BROWSER_UA, **extra
    )
    return request.environ


def from_environ(env: dict) -> views.BeaconRequest:
    return views.BeaconRequest(env, ("localhost", "80"))


class TestReadingTheRequestWithoutDjangos:
    @pytest.mark.parametrize(
        "cookie",
        [
            f"loa_vid={HEX_ID}",
            f"a=1; loa_vid={HEX_ID}; b=2",
            f"loa_vid=ffff; loa_vid={HEX_ID}",  # the last one wins, as in Django
            f"loa_vid={HEX_ID}; x=\xe9\xff",  # bytes that are not UTF-8 (WSGI gives them as latin-1)
            f"\xa0loa_vid={HEX_ID}",  # a no-break space byte: not white space once Django decodes it
            f' loa_vid = "{HEX_ID}" ',
            "",
        ],
    )
    def test_the_visitor_cookie_is_the_one_django_reads(self, cookie):
        env = environ(HTTP_COOKIE=cookie)
        assert (
            from_environ(dict(env)).visitor_cookie()
            == views.BeaconRequest.from_django(WSGIRequest(dict(env))).visitor_cookie()
        )

    @pytest.mark.parametrize("length", ["11", "0", "", None])
    def test_the_body_is_the_one_django_reads(self, length):
        env = environ(b'{"page": 7}')
        if length is None:
            del env["CONTENT_LENGTH"]
        else:
            env["CONTENT_LENGTH"] = length
        django_env = dict(env, **{"wsgi.input": type(env["wsgi.input"])(b'{"page": 7}')})
        assert from_environ(env).body() == WSGIRequest(django_env).body

    def test_a_request_built_afterwards_sees_the_same_body(self):
        beacon = from_environ(environ(b'{"page": 7}'))
        assert beacon.body() == b'{"page": 7}'
        assert beacon.django_request().body == b'{"page": 7}'


def reference_page_id(body: bytes) -> int | str:
    """`views._parse_page_id` as it was: json.loads for every body."""
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        return views.NOT_JSON
    if not isinstance(data, dict) or "page" not in data:
        return views.NO_PAGE_ID
    page_id = data["page"]
    if isinstance(page_id, bool) or not isinstance(page_id, int) or not 0 < page_id < 2**31:
        return views.BAD_PAGE_ID
    return page_id


BODIES = st.one_of(
    st.from_regex(rb'\A\{"page": ?-?[0-9]{1,12}\}\Z'),
    st.from_regex(rb'\A\{ ?"page" ?: ?[0-9a-z.+-]{0,12} ?\}\s?\Z'),
    st.builds(
        lambda value: json.dumps({"page": value}).encode(),
        st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(), st.text(max_size=5)),
    ),
    st.binary(max_size=24),
)


@settings(max_examples=400, deadline=None)
@given(body=BODIES)
def test_the_usual_body_is_read_as_json_loads_reads_it(body):
    env = environ(body)
    assert views._parse_page_id(from_environ(env)) == reference_page_id(body)


class TestAnswerBytes:
    @pytest.mark.parametrize(
        "answer",
        [
            views.BeaconAnswer(HTTPStatus.OK, True, (1, 1, 1), 1, HEX_ID),
            views.BeaconAnswer(HTTPStatus.OK, False, (4_238_431, 0, 1), None),
            views.BeaconAnswer(HTTPStatus.OK, True, (10**15, 12_345, 999), 0),
            views.BeaconAnswer(HTTPStatus.OK, True, (-5, 0, 1), 7),  # a negative offset someone typed
            views.BeaconAnswer(HTTPStatus.OK, True, (1.0, 2, 3), 4),  # not an int: json.dumps writes it
        ],
    )
    def test_the_template_writes_what_json_dumps_writes(self, answer):
        assert answer.json_bytes() == json.dumps(answer.json_data()).encode()


class TestCookieTemplate:
    @pytest.mark.parametrize("visitor", [HEX_ID, "f" * 32, "a" * 32 + "\n"])
    def test_the_cookie_is_what_django_writes(self, visitor):
        setup = _Setup()
        for _attempt in range(5):  # unless the second turns between the two (then the expiry dates differ)
            second = int(time.time())
            fast, django = setup.cookie_header(visitor), setup.django_cookie_header(visitor)
            if int(time.time()) == second:
                break
        assert fast == django


class TestLocalDay:
    def test_the_day_is_timezone_localdate_around_midnight(self):
        midnight = dt.datetime(2026, 11, 30, tzinfo=timezone.get_current_timezone())
        instants = [midnight + dt.timedelta(seconds=s) for s in (-86_401, -1, 0, 1, -2, 86_399, 86_400, -1, 5)]
        for now in instants:
            assert counters.local_day(now) == timezone.localdate(now), now

    def test_a_naive_time_is_refused_as_timezone_localdate_refuses_it(self):
        counters.local_day(timezone.now())
        with pytest.raises(ValueError):
            counters.local_day(dt.datetime.now())


def test_incarnation_candidates_never_repeat_across_threads():
    seen: list[str] = []

    def offer() -> None:
        seen.extend(redis_counters.incarnation_candidate() for _ in range(2_000))

    threads = [threading.Thread(target=offer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == len(seen) == 8_000
    assert all(len(value) == 16 and int(value, 16) >= 0 for value in seen)


@pytest.mark.django_db
class TestRoutes:
    def test_a_bad_host_is_left_to_django_each_time(self, article, wsgi_call):
        fast = BeaconFastPath(WSGIHandler())
        for host in ("evil.example", "localhost", "evil.example", "other.example"):
            answer = wsgi_call(fast, payload={"page": article.pk}, HTTP_HOST=host)
            assert answer.status_code == (HTTPStatus.OK if host == "localhost" else HTTPStatus.BAD_REQUEST), host
        assert PageViewCount.objects.get(page_id=article.pk).count == 1

    def test_remembered_routes_are_bounded(self, article, wsgi_call):
        fast = BeaconFastPath(WSGIHandler())
        for port in range(_Setup.MAX_ROUTES + 10):
            assert wsgi_call(fast, payload="{}", SERVER_PORT=str(10_000 + port)).status_code == HTTPStatus.BAD_REQUEST
        assert 0 < len(fast._setup.routes) <= _Setup.MAX_ROUTES


class TestRequestSignals:
    def test_djangos_own_receivers_are_recognised(self):
        setup = _Setup()
        assert setup.djangos_receivers(signals.request_started, setup.DJANGO_STARTED)
        assert setup.djangos_receivers(signals.request_finished, setup.DJANGO_FINISHED)

    def test_any_other_receiver_makes_the_fast_path_send_the_signals(self):
        setup = _Setup()

        def receiver(**kwargs) -> None:
            pass

        signals.request_finished.connect(receiver)
        try:
            assert not setup.djangos_receivers(signals.request_finished, setup.DJANGO_FINISHED)
        finally:
            signals.request_finished.disconnect(receiver)
        assert setup.djangos_receivers(signals.request_finished, setup.DJANGO_FINISHED)

    @pytest.mark.django_db
    def test_with_another_receiver_the_signals_are_sent(self, article, wsgi_call):
        received = []

        def receiver(sender, **kwargs) -> None:
            received.append(sender)

        signals.request_finished.connect(receiver)
        try:
            assert wsgi_call(BeaconFastPath(WSGIHandler()), payload={"page": article.pk}).status_code == HTTPStatus.OK
        finally:
            signals.request_finished.disconnect(receiver)
        assert received == [BeaconFastPath]

    @pytest.mark.django_db(transaction=True)
    def test_a_connection_past_its_age_is_closed_as_djangos_receivers_close_it(self, article):
        """No test client here: Django's receivers stay connected, so the fast path does their work itself."""
        fast = BeaconFastPath(WSGIHandler())
        connection.ensure_connection()
        old = connection.connection
        connection.close_at = time.monotonic() - 1  # older than CONN_MAX_AGE
        statuses = []
        body = json.dumps({"page": article.pk}).encode()
        result = fast(environ(body), lambda status, headers: statuses.append(status))
        b"".join(result)
        result.close()
        assert statuses == ["200 OK"]
        assert connection.connection is not old
        assert PageViewCount.objects.get(page_id=article.pk).count == 1
