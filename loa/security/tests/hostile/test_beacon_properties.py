"""The beacon under arbitrary input (hypothesis): always a 2xx or 4xx, and a count only for a valid one.

Every example sends a beacon built from generated parts (body bytes, content type, user
agent, cookies, the client's address header, the Host, a forged Content-Length) through the
fast path (`loa.stats.fastpath`, what granian runs) or Django's full stack, on the real
database, and with Redis (db 15) in the second test. The oracle is the beacon's contract,
written here independently of its code: a valid beacon is a JSON object of at most 512
bytes whose "page" is the integer id of a published page, sent to an allowed host with its
true length; it is counted once (not for a bot), and sending it again with the visitor
cookie it got is not counted again. Anything else counts nothing.

The beacon's rate limit is on (3 per client and minute, each example sends at most 2) and
is reset between examples as the suite resets it between tests (loa/conftest.py): the
process cache cleared, Redis's keys under the test's prefix deleted.
"""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loa.core.testing import WSGIAnswer, make_article, make_section, redis_client
from loa.stats import counters
from loa.stats.fastpath import BeaconFastPath
from loa.stats.visitors import is_bot

pytestmark = pytest.mark.django_db

PROPERTIES = settings(
    max_examples=80,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout
    derandomize=True,  # the same examples on every run: CI never fails on a run of bad luck
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

BROWSERS = [
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
]
BOTS = ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "curl/8.5.0", ""]
ALLOWED_HOSTS = ["localhost", "LOCALHOST", "localhost:8000", "127.0.0.1", "testserver"]
REFUSED_HOSTS = ["evil.example", "evil.com@localhost", "localhost:abc", "a b", "[::1"]
FORGED_LENGTHS = ["²", "-1", "abc", "", "1e3", " 12", "99999999999999999999", "0x10"]

# Header values as a WSGI server hands them over: text of code points 0–255 (bytes read as latin-1).
latin1 = st.text(alphabet=st.characters(max_codepoint=255, exclude_categories=("Cs",)), max_size=120)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def bodies(draw, page_id: int) -> bytes:
    """Valid beacons, near misses and noise."""
    kinds = ["valid"] * 4 + ["valid-padded", "wrong-page", "json", "text", "bytes", "encoded"]
    kind = draw(st.sampled_from(kinds))
    if kind == "valid":
        extra = draw(st.dictionaries(st.text(max_size=8), json_values, max_size=3))
        return json.dumps({"page": page_id, **extra}).encode()
    if kind == "valid-padded":  # valid JSON, but maybe over 512 bytes
        return json.dumps({"page": page_id, "x": "a" * draw(st.integers(0, 700))}).encode()
    if kind == "wrong-page":
        wrong = draw(
            st.one_of(
                st.sampled_from([page_id + 0.0, str(page_id), True, None, [page_id], -page_id, 0, 2**31, 2**63]),
                st.integers().filter(lambda value: value != page_id),
                st.floats(),
            )
        )
        return json.dumps({"page": wrong}).encode()
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "text":
        return draw(st.text(max_size=300)).encode()
    if kind == "encoded":  # json.loads reads UTF-16 and UTF-32 too, and a UTF-8 byte order mark
        encoding = draw(st.sampled_from(["utf-16", "utf-32", "utf-8-sig", "latin-1"]))
        return json.dumps({"page": page_id, "t": draw(st.text(alphabet="aăâđêôơư", max_size=5))}).encode(encoding)
    return draw(st.binary(max_size=700))


def is_valid(body: bytes, page_id: int) -> bool:
    """The contract's valid body (the oracle: json.loads as any client library reads JSON)."""
    if len(body) > 512:
        return False
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and type(data.get("page")) is int and data["page"] == page_id


@st.composite
def beacons(draw, page_id: int) -> dict:
    cookie = draw(st.one_of(st.none(), st.from_regex(r"\A[0-9a-f]{32}\Z"), latin1))
    others = draw(latin1)
    return {
        "body": draw(bodies(page_id)),
        "content_type": draw(
            st.one_of(
                st.sampled_from(
                    [
                        "application/json",
                        "text/plain;charset=UTF-8",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "",
                        "application/json; charset=utf-16",
                    ]
                ),
                latin1,
            )
        ),  # fmt: skip
        "user_agent": draw(st.one_of(st.sampled_from(BROWSERS + BOTS), latin1)),
        "cookie": (f"loa_vid={cookie}; " if cookie is not None else "") + others,
        "address": draw(st.one_of(st.sampled_from(["203.0.113.7", "2001:db8::1", "::ffff:10.0.0.1"]), latin1)),
        "host": draw(st.sampled_from(ALLOWED_HOSTS * 3 + REFUSED_HOSTS)),
        "forged_length": draw(st.sampled_from([None] * 20 + FORGED_LENGTHS)),
        "path": draw(st.sampled_from(["fast", "django"])),
    }


class Sent(WSGIAnswer):
    """One WSGI call, and the visitor cookie the answer set."""

    def visitor_cookie(self) -> str | None:
        for name, value in self.headers:
            if name.lower() == "set-cookie" and value.strip().startswith("loa_vid="):
                return value.strip().split(";")[0].split("=", 1)[1]
        return None


def send(app, beacon: dict, cookie: str | None = None) -> Sent:
    headers = {
        "HTTP_USER_AGENT": beacon["user_agent"],
        "HTTP_COOKIE": cookie if cookie is not None else beacon["cookie"],
        "HTTP_X_REAL_IP": beacon["address"],
    }
    factory = RequestFactory(HTTP_HOST=beacon["host"])
    environ = factory.generic(
        "POST", "/api/beacon/", beacon["body"], content_type=beacon["content_type"], **headers
    ).environ
    if beacon["forged_length"] is not None:
        environ["CONTENT_LENGTH"] = beacon["forged_length"]
    return Sent(app, environ)


@pytest.fixture
def article(db):
    return make_article(make_section("Thời sự"), "Bài thử đếm lượt xem")


@pytest.fixture
def apps():
    django = WSGIHandler()
    return {"fast": BeaconFastPath(django), "django": django}


@pytest.fixture
def limited(settings):
    """The beacon's limit on, per address as a proxy reports it (an address any example may invent)."""
    settings.LOA_BEACON_RATE_LIMIT = 3
    settings.LOA_BEACON_RATE_WINDOW = 60
    settings.LOA_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"


def counts(page_id: int) -> tuple[int, int]:
    counters.reset_redis_client()  # nothing remembered in this process: read what is stored and pending
    return counters.page_view_count(page_id), counters.visit_totals()["total"]


def check(apps: dict, beacon: dict, page_id: int, reset) -> str:
    """Send one generated beacon (and, if valid, once more as the same reader); say what it was."""
    reset()
    views_before, visits_before = counts(page_id)
    app = apps[beacon["path"]]
    first = send(app, beacon)
    assert HTTPStatus.OK <= first.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, (first.status_code, first.body[:200])
    assert first.status_code != HTTPStatus.TOO_MANY_REQUESTS  # the limit was reset before this example
    valid = beacon["host"] in ALLOWED_HOSTS and beacon["forged_length"] is None and is_valid(beacon["body"], page_id)
    counted = valid and not is_bot(beacon["user_agent"])
    assert first.status_code == (HTTPStatus.OK if valid else HTTPStatus.BAD_REQUEST), first.body[:200]
    views, visits = counts(page_id)
    assert views == views_before + counted
    if not valid:
        assert visits == visits_before
        return "refused"
    answer = json.loads(first.body)
    assert answer["counted"] is counted
    # The same reader again, with the cookie it was given (or kept): not counted twice.
    kept = first.visitor_cookie()
    again = send(app, beacon, cookie=f"loa_vid={kept}" if kept else None)
    assert again.status_code == HTTPStatus.OK, again.body[:200]
    assert json.loads(again.body)["counted"] is False
    assert counts(page_id)[0] == views_before + counted
    return "counted" if counted else "bot"


def run_properties(apps, page_id: int, reset) -> None:
    """Check every generated beacon; the oracle must have seen both kinds for the run to mean anything."""
    seen: list[str] = []

    @PROPERTIES
    @given(beacon=beacons(page_id))
    def property(beacon: dict) -> None:
        seen.append(check(apps, beacon, page_id, reset))

    property()
    assert seen.count("counted") >= 5 and seen.count("refused") >= 5, seen


def test_the_beacon_counts_exactly_the_valid_beacons(article, apps, limited):
    def reset() -> None:
        cache.clear()  # rate-limit windows and reload de-duplication (loa/conftest.py does the same per test)

    run_properties(apps, article.pk, reset)


@pytest.mark.redis
def test_the_beacon_counts_exactly_the_valid_beacons_in_redis(article, apps, limited, redis_url, settings):
    client, _ = redis_client()

    def reset() -> None:
        cache.clear()
        for key in client.scan_iter(match=settings.LOA_COUNTER_PREFIX + "*"):  # as the redis_url fixture's teardown
            client.delete(key)

    run_properties(apps, article.pk, reset)


def test_a_forged_length_that_is_a_digit_to_python_but_not_to_int_is_refused(article, apps):
    """ "²".isdigit() is True and int("²") fails: it was a 500 through Django's test client."""
    beacon = {"body": b'{"page": %d}' % article.pk, "content_type": "application/json", "user_agent": BROWSERS[0],
              "cookie": "", "address": "203.0.113.7", "host": "localhost", "forged_length": "²"}  # fmt: skip
    for app in apps.values():
        answer = send(app, beacon)
        assert answer.status_code == HTTPStatus.BAD_REQUEST
        assert json.loads(answer.body)["error"] == "Yêu cầu quá lớn."
