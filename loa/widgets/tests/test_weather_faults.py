"""The weather source down, slow or talking nonsense: the page never waits, shows old data honestly or nothing.

A fake Open-Meteo on 127.0.0.1 misbehaves at the socket level (`FaultServer`):
it refuses connections, accepts and never answers, answers the headers and then
nothing, drips bytes, sends errors, or answers 200 with things that are not a
forecast. Each fault goes through the worker's real path (the refresh task, its
HTTP client, validation and storage) and then the public home page is rendered.

What a reader sees is decided here:

- a forecast stays as it was before the fault (the last good one);
- past ``LOA_WEATHER_STALE_MINUTES`` it is shown marked "Dữ liệu cũ, cập nhật
  lúc HH:MM dd/mm/yyyy", so old data says how old it is;
- past ``LOA_WEATHER_HIDE_HOURS`` it is not shown at all (nor when nothing good
  was ever fetched): no box rather than a misleading one.

"Never waits more than the timeout" is shown by the order of events, not by a
clock: the fake server records that the client closed the connection while
the server was still holding it, and the page answers while a refresh is still
waiting on the source.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import select
import socket
import struct
import threading
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache as memoize
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone
from django_tasks import TaskResultStatus

from loa.core.formats import VN_TZ
from loa.core.testing import home_page
from loa.widgets.models import WeatherPlace, WeatherReport
from loa.widgets.tasks import refresh_weather_task
from loa.widgets.weather import WeatherError, fetch_forecasts

from .replay import RECORDED_TZ, load_recording, make_places, rebase_dates

# Short, so the faults that hold the client (the timeout's worth each) keep the file quick.
TIMEOUT_SECONDS = 1.0
# A dripping server sends one byte this often: far inside any per-read timeout.
DRIP_SECONDS = 0.05
# The fake server's own bound, so a client that never gives up fails the test instead of hanging it.
SERVER_PATIENCE_SECONDS = 20.0
# Bounds on waiting for an event that is expected at once; never asserted as durations.
EVENT_SECONDS = 10.0


# --- The fake source ---------------------------------------------------------------------------


@dataclass
class Exchange:
    """One connection as the fake server saw it."""

    request: bytes = b""
    request_received: threading.Event = field(default_factory=threading.Event)
    client_closed: threading.Event = field(default_factory=threading.Event)
    answered: bool = False  # the whole answer was sent
    server_gave_up: bool = False  # the server's own patience ran out first

    @property
    def places(self) -> int:
        """How many coordinates the request asked for."""
        target = self.request.split(b" ", 2)[1].decode()
        latitudes = parse_qs(urlsplit(target).query).get("latitude", [""])[0]
        return len([v for v in latitudes.split(",") if v])


Behaviour = Callable[["FaultServer", socket.socket, Exchange], None]


class FaultServer:
    """An Open-Meteo stand-in that misbehaves as `use()` says, recording every connection."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.behaviour: Behaviour = serve_forecast
        self.exchanges: list[Exchange] = []
        self.released = threading.Event()  # ends every hold and drip at once
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._accept, daemon=True, name="weather-fault-server")
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1/forecast"

    def use(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour

    def release(self) -> None:
        self.released.set()

    def stop(self) -> None:
        self.release()
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()

    def wait_for_request(self) -> Exchange:
        """The first exchange whose request has arrived (bounded wait)."""
        deadline = threading.Event()
        timer = threading.Timer(EVENT_SECONDS, deadline.set)
        timer.start()
        try:
            while not deadline.is_set():
                with self.lock:
                    arrived = [e for e in self.exchanges if e.request_received.is_set()]
                if arrived:
                    return arrived[0]
                deadline.wait(0.01)
        finally:
            timer.cancel()
        raise AssertionError("the weather source never got a request")

    def _accept(self) -> None:
        while True:
            try:
                sock, _ = self.listener.accept()
            except OSError:
                return
            exchange = Exchange()
            with self.lock:
                self.exchanges.append(exchange)
            threading.Thread(target=self._serve, args=(sock, exchange), daemon=True).start()

    def _serve(self, sock: socket.socket, exchange: Exchange) -> None:
        behaviour = self.behaviour
        try:
            while b"\r\n\r\n" not in exchange.request:
                chunk = sock.recv(65536)
                if not chunk:
                    exchange.client_closed.set()
                    return
                exchange.request += chunk
            exchange.request_received.set()
            behaviour(self, sock, exchange)
        except OSError:  # the client went away while we were sending
            exchange.client_closed.set()
        finally:
            with contextlib.suppress(OSError):
                sock.close()

    # Helpers for behaviours.

    def client_gone(self, sock: socket.socket, wait: float = 0.0) -> bool:
        """True once the client has closed its end (reading gives end-of-file or a reset)."""
        readable, _, _ = select.select([sock], [], [], wait)
        if not readable:
            return False
        try:
            return sock.recv(65536) == b""
        except OSError:
            return True

    def hold(self, sock: socket.socket, exchange: Exchange) -> None:
        """Keep the connection open, saying nothing, until the client leaves or the test lets go."""
        patience = threading.Timer(SERVER_PATIENCE_SECONDS, self.release)
        patience.start()
        try:
            while not self.released.is_set():
                if self.client_gone(sock, wait=0.02):
                    exchange.client_closed.set()
                    return
            exchange.server_gave_up = True
        finally:
            patience.cancel()

    def drip(self, sock: socket.socket, exchange: Exchange, data: bytes) -> None:
        """Send `data` one byte at a time until it is all sent, the client leaves or the test lets go."""
        patience = threading.Timer(SERVER_PATIENCE_SECONDS, self.release)
        patience.start()
        try:
            for index in range(len(data)):
                if self.client_gone(sock):
                    exchange.client_closed.set()
                    return
                if self.released.wait(DRIP_SECONDS):
                    exchange.server_gave_up = True
                    return
                sock.sendall(data[index : index + 1])
            exchange.answered = True
        finally:
            patience.cancel()


def forecast_payload(places: int) -> Any:
    """The recorded answer for `places` coordinates, its dates moved to today (as Open-Meteo would send)."""
    return rebase_dates(load_recording(places), dt.datetime.now(RECORDED_TZ).date())


def response_bytes(status: HTTPStatus, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    head = [f"HTTP/1.1 {status.value} {status.phrase}"]
    fields = {"Content-Type": "application/json; charset=utf-8", "Content-Length": str(len(body))}
    fields.update(headers or {})
    head += [f"{name}: {value}" for name, value in fields.items() if value is not None]
    head += ["Connection: close", "", ""]
    return "\r\n".join(head).encode("latin-1") + body


def serve_forecast(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    """The healthy source."""
    body = json.dumps(forecast_payload(exchange.places), ensure_ascii=False).encode()
    sock.sendall(response_bytes(HTTPStatus.OK, body))
    exchange.answered = True


def answer(
    status: HTTPStatus, body: bytes | Callable[[Any], bytes] = b"", headers: dict[str, str] | None = None
) -> Behaviour:
    """A complete answer at once; `body` may be made from the good forecast."""

    def behave(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
        content = body(forecast_payload(exchange.places)) if callable(body) else body
        sock.sendall(response_bytes(status, content, headers))
        exchange.answered = True

    return behave


def broken_json(change: Callable[[dict], Any]) -> Behaviour:
    """HTTP 200 with the good forecast changed by `change` (which edits it in place or returns a new value)."""

    def body(payload: dict) -> bytes:
        changed = change(payload)
        return json.dumps(payload if changed is None else changed, allow_nan=True).encode()

    return answer(HTTPStatus.OK, body)


# Faults where the source keeps the client waiting: the client must be the one to give up.


def accept_and_hold(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    server.hold(sock, exchange)


def headers_then_hold(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    """Answers slowly: the status and headers at once, the body past any timeout."""
    sock.sendall(response_bytes(HTTPStatus.OK, b"")[:-2].replace(b"Content-Length: 0", b"Content-Length: 1500"))
    sock.sendall(b"\r\n")
    server.hold(sock, exchange)


def drip_headers(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    """A byte at a time from the status line on, with headers that never end."""
    endless = response_bytes(HTTPStatus.OK, b"")[:-2] + b"X-Padding: " + b"a" * 60_000
    server.drip(sock, exchange, endless)


def drip_body(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    """Headers at once, then the good forecast a byte at a time: each read is quick, the whole is not."""
    body = json.dumps(forecast_payload(exchange.places)).encode()
    sock.sendall(response_bytes(HTTPStatus.OK, body)[: -len(body)])
    server.drip(sock, exchange, body)


def endless_body(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    """Chunked transfer that never ends, as fast as the client reads."""
    sock.sendall(response_bytes(HTTPStatus.OK, b"", {"Content-Length": None, "Transfer-Encoding": "chunked"}))
    chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
    while not server.released.is_set():
        if server.client_gone(sock):
            exchange.client_closed.set()
            return
        sock.sendall(chunk)
    exchange.server_gave_up = True


# Faults that end at once on the server's side.


def reset_after_request(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close() sends RST


def close_without_answer(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    sock.shutdown(socket.SHUT_WR)


def short_body(server: FaultServer, sock: socket.socket, exchange: Exchange) -> None:
    """Content-Length promises the whole forecast; half of it comes, then the connection closes."""
    body = json.dumps(forecast_payload(exchange.places)).encode()
    full = response_bytes(HTTPStatus.OK, body)
    sock.sendall(full[: len(full) - len(body) // 2])


@memoize
def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # ~50 kB on the wire, 50 MB unpacked


def _set(path: tuple[str, ...], value: Any) -> Callable[[dict], None]:
    def change(payload: dict) -> None:
        target = payload
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _shift_dates(days: int) -> Callable[[dict], dict]:
    def change(payload: dict) -> dict:
        old = rebase_dates(payload, dt.datetime.now(RECORDED_TZ).date() - dt.timedelta(days=days))
        return old

    return change


def _units(section: str, name: str, unit: str, values: Callable[[Any], Any]) -> Callable[[dict], None]:
    """Another unit with numbers converted to it: plausible numbers that mean something else."""

    def change(payload: dict) -> None:
        payload[f"{section}_units"][name] = unit
        payload[section][name] = values(payload[section][name])

    return change


HOLDING_FAULTS = [
    pytest.param(accept_and_hold, id="accepts-never-answers"),
    pytest.param(headers_then_hold, id="headers-then-nothing"),
    pytest.param(drip_headers, id="drips-endless-headers"),
    pytest.param(drip_body, id="drips-body"),
    pytest.param(endless_body, id="endless-body"),
]

ANSWERED_FAULTS = [
    pytest.param(reset_after_request, id="reset"),
    pytest.param(close_without_answer, id="closed-without-answer"),
    pytest.param(answer(HTTPStatus.INTERNAL_SERVER_ERROR, b"Internal Server Error"), id="http-500"),
    pytest.param(answer(HTTPStatus.SERVICE_UNAVAILABLE, b"", {"Retry-After": "3600"}), id="http-503"),
    pytest.param(
        answer(HTTPStatus.TOO_MANY_REQUESTS, b'{"error":true,"reason":"Too many requests"}', {"Retry-After": "60"}),
        id="http-429",
    ),
    pytest.param(answer(HTTPStatus.MOVED_PERMANENTLY, b"", {"Location": "http://127.0.0.1:9/"}), id="http-301"),
    pytest.param(
        answer(HTTPStatus.OK, b"<html><body><h1>502 Bad Gateway</h1></body></html>", {"Content-Type": "text/html"}),
        id="html",
    ),
    pytest.param(answer(HTTPStatus.OK, lambda p: json.dumps(p).encode()[:300]), id="truncated-json"),
    pytest.param(short_body, id="shorter-than-content-length"),
    pytest.param(answer(HTTPStatus.OK, b""), id="empty-body"),
    pytest.param(answer(HTTPStatus.OK, b"\xff\xfe\x00{\x00}"), id="not-utf-8"),
    pytest.param(answer(HTTPStatus.OK, b"[" * 100_000 + b"]" * 100_000), id="deeply-nested-json"),
    pytest.param(answer(HTTPStatus.OK, lambda p: b" " * 3_000_000 + json.dumps(p).encode()), id="huge-body"),
    pytest.param(answer(HTTPStatus.OK, lambda p: gzip_bomb(), {"Content-Encoding": "gzip"}), id="gzip-bomb"),
    pytest.param(answer(HTTPStatus.OK, b"null"), id="json-null"),
    pytest.param(answer(HTTPStatus.OK, b'"33.4"'), id="json-string"),
    pytest.param(answer(HTTPStatus.OK, b"[]"), id="json-empty-list"),
    pytest.param(
        answer(HTTPStatus.OK, b'{"error":true,"reason":"Cannot initialize WeatherVariable"}'), id="error-object"
    ),
    pytest.param(broken_json(lambda p: [p, p]), id="two-forecasts-for-one-place"),
    pytest.param(broken_json(_set(("daily", "time"), "2025-06-10")), id="daily-time-a-string"),
    pytest.param(broken_json(_set(("current",), [33.4, 62])), id="current-a-list"),
    pytest.param(broken_json(_set(("current", "temperature_2m"), float("nan"))), id="nan"),
    pytest.param(broken_json(_set(("current", "temperature_2m"), float("inf"))), id="infinity"),
    pytest.param(answer(HTTPStatus.OK, lambda p: json.dumps(p).replace("33.4", "1e999").encode()), id="1e999"),
    pytest.param(answer(HTTPStatus.OK, lambda p: json.dumps(p).replace("33.4", "9" * 5000).encode()), id="5000-digits"),
    pytest.param(broken_json(_set(("current", "temperature_2m"), 1e308)), id="huge-temperature"),
    pytest.param(broken_json(_set(("current", "temperature_2m"), 334)), id="temperature-out-of-range"),
    pytest.param(broken_json(_set(("daily", "temperature_2m_max"), [34.6, 3e10, 31.8, 34.2])), id="huge-daily-max"),
    pytest.param(broken_json(_set(("current", "relative_humidity_2m"), 620)), id="humidity-over-100"),
    pytest.param(broken_json(_set(("current", "wind_speed_10m"), -9.7)), id="negative-wind"),
    pytest.param(broken_json(_set(("daily", "precipitation_probability_max"), [23, 680, 81, 15])), id="rain-over-100"),
    pytest.param(broken_json(_set(("current", "weather_code"), 2.5)), id="weather-code-a-fraction"),
    pytest.param(broken_json(_set(("current", "weather_code"), 10**20)), id="weather-code-out-of-range"),
    pytest.param(broken_json(_set(("current", "temperature_2m"), "ba mươi ba")), id="words-for-a-number"),
    pytest.param(broken_json(_set(("current", "temperature_2m"), "33.4")), id="string-for-a-number"),
    pytest.param(broken_json(_set(("current", "temperature_2m"), True)), id="boolean-for-a-number"),
    pytest.param(broken_json(_units("current", "temperature_2m", "°F", lambda c: c * 9 / 5 + 32)), id="fahrenheit"),
    pytest.param(broken_json(_units("current", "wind_speed_10m", "m/s", lambda v: v / 3.6)), id="wind-in-m-per-s"),
    pytest.param(
        broken_json(_units("daily", "temperature_2m_min", "°F", lambda v: [t * 9 / 5 + 32 for t in v])),
        id="daily-fahrenheit",
    ),
    pytest.param(broken_json(_set(("current_units",), None)), id="units-missing"),
    pytest.param(broken_json(_shift_dates(365)), id="last-years-forecast"),
    pytest.param(broken_json(_shift_dates(-30)), id="next-months-forecast"),
]


# --- Fixtures and helpers ----------------------------------------------------------------------


@pytest.fixture
def source(settings) -> Iterator[FaultServer]:
    server = FaultServer()
    settings.LOA_WEATHER_URL = server.url
    settings.LOA_WEATHER_TIMEOUT = TIMEOUT_SECONDS
    yield server
    server.stop()


@pytest.fixture
def place(db) -> WeatherPlace:
    return make_places(1)[0]


def run_refresh_task() -> bool:
    """The worker's path: the task, as the database worker would call it; fails the test if it raised."""
    result = refresh_weather_task.enqueue()  # the tests' immediate backend runs it now
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    return result.return_value


def stored() -> dict[int, tuple[dt.datetime, Any]]:
    return {r.place_id: (r.fetched_at, r.data) for r in WeatherReport.objects.all()}


def age_reports(minutes: float) -> None:
    WeatherReport.objects.update(fetched_at=timezone.now() - dt.timedelta(minutes=minutes))


def weather_box(client) -> Any:
    """The home page's weather box as a new reader gets it (None when there is none)."""
    cache.clear()  # the box is a cached fragment
    response = client.get(home_page().url)
    assert response.status_code == HTTPStatus.OK
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".sidebar") is not None  # the rest of the sidebar stays
    return page.select_one(".box--weather")


def words(element: Any) -> str:
    """An element's text as a reader reads it: words separated by single spaces."""
    return " ".join(element.get_text().split())


def stale_line(report: WeatherReport) -> str:
    return f"Dữ liệu cũ, cập nhật lúc {report.fetched_at.astimezone(VN_TZ):%H:%M %d/%m/%Y}"


def get(base: str, path: str) -> tuple[int, str]:
    request = urllib.request.Request(base + path, headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=EVENT_SECONDS) as response:  # noqa: S310 -- loopback
        return response.status, response.read().decode()


def assert_gave_up_while_held(source: FaultServer) -> None:
    """The client closed the connection itself while the server was still holding or dripping."""
    [exchange] = source.exchanges
    assert exchange.client_closed.wait(EVENT_SECONDS), "the client never closed the connection"
    assert not exchange.server_gave_up and not exchange.answered
    assert not source.released.is_set()


# --- The faults ---------------------------------------------------------------------------------


class TestEveryFaultKeepsTheLastGoodForecast:
    """Whatever the source does, the task returns False, nothing is stored, the page shows the old data as old."""

    def check(self, client, source: FaultServer, behaviour: Behaviour) -> None:
        assert run_refresh_task() is True
        age_reports(180)  # three hours without a good answer: stale, not yet hidden
        before = stored()
        source.exchanges.clear()
        source.use(behaviour)

        assert run_refresh_task() is False

        assert stored() == before
        box = weather_box(client)
        assert box is not None
        assert box.select_one(".weather__temp").get_text(strip=True) == "33°C"
        assert "weather--stale" in box.select_one(".weather")["class"]
        assert words(box.select_one(".weather__time")) == stale_line(WeatherReport.objects.get())

    @pytest.mark.parametrize("behaviour", HOLDING_FAULTS)
    def test_source_holding_the_connection(self, client, source, place, behaviour):
        self.check(client, source, behaviour)
        assert_gave_up_while_held(source)

    @pytest.mark.parametrize("behaviour", ANSWERED_FAULTS)
    def test_source_answering_nonsense(self, client, source, place, behaviour):
        self.check(client, source, behaviour)
        assert len(source.exchanges) == 1  # one request, no retry loop

    def test_nothing_listening(self, client, source, place):
        assert run_refresh_task() is True
        age_reports(180)
        before = stored()
        source.stop()  # the port is closed: connection refused

        assert run_refresh_task() is False

        assert stored() == before
        assert "weather--stale" in weather_box(client).select_one(".weather")["class"]

    def test_three_places_and_the_source_drops_one(self, client, source, db):
        make_places(3)
        assert run_refresh_task() is True
        before = stored()
        source.use(broken_json(lambda payload: payload[:2]))

        assert run_refresh_task() is False

        assert stored() == before
        assert len(weather_box(client).select(".weather")) == 3


class TestWhatTheReaderSees:
    def test_fresh_data_says_when_it_was_fetched(self, client, source, place):
        assert run_refresh_task() is True

        box = weather_box(client)

        report = WeatherReport.objects.get()
        assert words(box.select_one(".weather__time")) == (
            f"Cập nhật lúc {report.fetched_at.astimezone(VN_TZ):%H:%M %d/%m/%Y}"
        )
        assert "weather--stale" not in box.select_one(".weather")["class"]

    def test_data_past_the_hiding_age_is_not_shown(self, client, source, place, settings):
        assert run_refresh_task() is True
        age_reports(settings.LOA_WEATHER_HIDE_HOURS * 60 + 1)
        source.use(accept_and_hold)

        assert run_refresh_task() is False

        assert WeatherReport.objects.count() == 1  # kept, in case the source comes back…
        assert weather_box(client) is None  # …but a day-old "now" is not shown

    @pytest.mark.parametrize(
        "behaviour",
        [
            pytest.param(accept_and_hold, id="accepts-never-answers"),
            pytest.param(answer(HTTPStatus.SERVICE_UNAVAILABLE), id="http-503"),
            pytest.param(broken_json(_set(("current", "temperature_2m"), float("nan"))), id="nan"),
        ],
    )
    def test_never_a_good_answer_no_box(self, client, source, place, behaviour):
        source.use(behaviour)

        assert run_refresh_task() is False

        assert WeatherReport.objects.count() == 0
        assert weather_box(client) is None

    def test_source_back_after_a_fault(self, client, source, place):
        assert run_refresh_task() is True
        age_reports(180)
        source.use(accept_and_hold)
        assert run_refresh_task() is False
        source.use(serve_forecast)

        assert run_refresh_task() is True

        assert "weather--stale" not in weather_box(client).select_one(".weather")["class"]


class TestPagesNeverWaitForTheSource:
    """Public pages read the database; only the worker talks to Open-Meteo."""

    @contextlib.contextmanager
    def refresh_in_flight(self, source: FaultServer, settings) -> Iterator[Exchange]:
        """A worker's fetch held by the source for as long as the block runs.

        The timeout is made long, so it is the source (released after the block), not the
        client's timeout, that decides when the fetch ends.
        """
        settings.LOA_WEATHER_TIMEOUT = 600
        source.use(accept_and_hold)
        places = list(WeatherPlace.objects.all())
        outcome: dict[str, Any] = {}

        def fetch() -> None:
            try:
                outcome["forecasts"] = fetch_forecasts(places)
            except WeatherError as error:
                outcome["error"] = error

        worker = threading.Thread(target=fetch, name="weather-refresh")
        worker.start()
        try:
            exchange = source.wait_for_request()
            yield exchange
        finally:
            source.release()
            worker.join(EVENT_SECONDS)
        assert not worker.is_alive()
        assert "error" in outcome  # the held connection ended without a forecast

    def test_page_answers_while_a_refresh_is_held(self, client, source, place, settings):
        assert run_refresh_task() is True
        source.exchanges.clear()

        with self.refresh_in_flight(source, settings) as exchange:
            box = weather_box(client)
            assert box.select_one(".weather__temp").get_text(strip=True) == "33°C"
            # The page has answered and the source is still holding the worker's request.
            assert not exchange.client_closed.is_set()
            assert not exchange.answered
            assert len(source.exchanges) == 1  # the page itself asked nothing

    @pytest.mark.slow
    @pytest.mark.django_db(transaction=True)
    def test_app_server_answers_while_a_refresh_is_held(self, app_server, source, settings):
        from django.contrib.contenttypes.models import ContentType

        # After the browser tests' flushes, this process may still cache content type ids that are gone.
        ContentType.objects.clear_cache()
        home_page()
        make_places(1)
        assert run_refresh_task() is True
        source.exchanges.clear()
        base = app_server(
            workers=1,
            DJANGO_SETTINGS_MODULE="loa.widgets.tests.weather_fault_settings",
            LOA_WEATHER_URL=source.url,
            LOA_WEATHER_TIMEOUT=str(TIMEOUT_SECONDS),
        )

        with self.refresh_in_flight(source, settings) as exchange:
            pages = {path: get(base, path) for path in ("/", "/tim-kiem/?q=thoi+tiet")}
            # Both pages have answered and the source is still holding the worker's request.
            assert not exchange.client_closed.is_set()
            assert not exchange.answered
            assert len(source.exchanges) == 1  # granian's process asked the source nothing
        assert all(status == HTTPStatus.OK for status, _ in pages.values())
        assert "33°C" in pages["/"][1]


def test_fault_server_serves_a_good_forecast_by_default(source, place):
    """A guard on the fake itself: healthy, it is indistinguishable from the replay."""
    assert run_refresh_task() is True
    [exchange] = source.exchanges
    assert exchange.answered and exchange.places == 1
