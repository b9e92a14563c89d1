"""A local stand-in for Open-Meteo's /v1/forecast that replays recorded answers.

Tests cannot reach the real service, and must also see it fail in the ways a
real network fails. `ReplayServer` listens on 127.0.0.1 (a free port) and
answers every request according to the current scenario:

- ``ok``: the recorded response for as many places as the query asks for
  (``fixtures/forecast-<n>-place(s).json``), its dates moved to today so the
  forecast is not in the past;
- ``slow``: waits ``slow_seconds`` (longer than ``LOA_WEATHER_TIMEOUT``), then answers;
- ``trickle``: sends the headers at once, then the body in `trickle_pieces`
  pieces, each a little under the timeout after the last, so no single read
  times out although the whole answer takes longer than the timeout;
- ``error``: HTTP 500;
- ``garbage``: HTTP 200 with an HTML page instead of JSON;
- ``wrong-shape``: HTTP 200 JSON that Open-Meteo would never send (see `WRONG_SHAPES`);
- ``down``: nothing listens on the port any more (connection refused).

Every request is recorded, so tests can check the query Loa sends.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

FIXTURES = Path(__file__).parent / "fixtures"
RECORDINGS = {1: "forecast-1-place.json", 3: "forecast-3-places.json"}
# The recordings asked for timezone=Asia/Bangkok: "today" is the date at UTC+7.
RECORDED_TZ = ZoneInfo("Asia/Bangkok")
SCENARIOS = ("ok", "slow", "trickle", "error", "garbage", "wrong-shape", "down")
# The places the recordings were made for, in the order they were asked for.
RECORDED_PLACES = [
    ("TP. Hưng Yên", Decimal("20.64640"), Decimal("106.05110")),
    ("Khoái Châu", Decimal("20.83330"), Decimal("105.98330")),
    ("Văn Lâm", Decimal("20.98330"), Decimal("106.01670")),
]


def make_places(count: int) -> list:
    """Create the first `count` recorded places as WeatherPlace rows, in request order."""
    from loa.widgets.models import WeatherPlace

    return [
        WeatherPlace.objects.create(name=name, latitude=lat, longitude=lon, sort_order=index)
        for index, (name, lat, lon) in enumerate(RECORDED_PLACES[:count])
    ]


def load_recording(places: int) -> Any:
    """The recorded Open-Meteo answer for `places` coordinates (an object for one, a list for more)."""
    return json.loads((FIXTURES / RECORDINGS[places]).read_text(encoding="utf-8"))


def rebase_dates(payload: Any, today: dt.date) -> Any:
    """Move a recording's dates so that its first forecast day is `today`.

    The widget hides days that are not after today, so a recording replayed
    unchanged would show no forecast once its day has passed.
    """
    payload = copy.deepcopy(payload)
    for item in payload if isinstance(payload, list) else [payload]:
        first = dt.date.fromisoformat(item["daily"]["time"][0])
        shift = today - first
        item["daily"]["time"] = [(dt.date.fromisoformat(day) + shift).isoformat() for day in item["daily"]["time"]]
        current = dt.datetime.fromisoformat(item["current"]["time"]) + shift
        item["current"]["time"] = current.strftime("%Y-%m-%dT%H:%M")
    return payload


def _items(payload: Any) -> list[dict]:
    return payload if isinstance(payload, list) else [payload]


def _numbers_as_strings(payload: Any) -> Any:
    for item in _items(payload):
        item["current"]["temperature_2m"] = str(item["current"]["temperature_2m"])
        item["daily"]["temperature_2m_max"] = [str(v) for v in item["daily"]["temperature_2m_max"]]
    return payload


def _missing_current(payload: Any) -> Any:
    for item in _items(payload):
        del item["current"]
    return payload


def _missing_daily_field(payload: Any) -> Any:
    for item in _items(payload):
        del item["daily"]["temperature_2m_min"]
    return payload


def _short_daily_list(payload: Any) -> Any:
    for item in _items(payload):
        item["daily"]["weather_code"] = item["daily"]["weather_code"][:1]
    return payload


def _null_temperature(payload: Any) -> Any:
    for item in _items(payload):
        item["current"]["temperature_2m"] = None
    return payload


def _fewer_places(payload: Any) -> Any:
    return _items(payload)[0]


def _not_a_forecast(payload: Any) -> Any:
    return {"error": True, "reason": "Latitude must be in range of -90 to 90°. Given: 120.0."}


def _nan_temperature(payload: Any) -> Any:
    for item in _items(payload):
        item["current"]["temperature_2m"] = float("nan")
    return payload


def _infinite_temperature(payload: Any) -> Any:
    for item in _items(payload):
        item["current"]["temperature_2m"] = float("inf")
    return payload


# Each takes the good recording and returns a broken one.
WRONG_SHAPES: dict[str, Callable[[Any], Any]] = {
    "numbers-as-strings": _numbers_as_strings,
    "missing-current": _missing_current,
    "missing-daily-field": _missing_daily_field,
    "short-daily-list": _short_daily_list,
    "null-temperature": _null_temperature,
    "fewer-places": _fewer_places,
    "error-object": _not_a_forecast,
    # Not valid JSON (RFC 8259), but Python's json module reads it as a float.
    "nan-temperature": _nan_temperature,
    "infinite-temperature": _infinite_temperature,
}


@dataclass(frozen=True)
class ReceivedRequest:
    """One request as the replay server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    user_agent: str

    def param(self, name: str) -> str:
        """The single value of query parameter `name` ('' if absent)."""
        values = self.query.get(name, [])
        return values[0] if values else ""

    @property
    def latitudes(self) -> list[str]:
        return [v for v in self.param("latitude").split(",") if v]

    @property
    def longitudes(self) -> list[str]:
        return [v for v in self.param("longitude").split(",") if v]


@dataclass
class _State:
    scenario: str = "ok"
    shape: str = "numbers-as-strings"
    slow_seconds: float = 5.0
    trickle_pieces: int = 4
    trickle_interval: float = 1.5
    requests: list[ReceivedRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """Quiet: the test output is no place for an access log."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        state = self.server.state
        url = urlsplit(self.path)
        request = ReceivedRequest("GET", url.path, parse_qs(url.query), self.headers.get("User-Agent", ""))
        with state.lock:
            state.requests.append(request)
            scenario, shape = state.scenario, state.shape
        # The client giving up on a slow answer is what the slow scenarios are for.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(scenario, shape, request)

    def _answer(self, scenario: str, shape: str, request: ReceivedRequest) -> None:
        state = self.server.state
        if scenario == "error":
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, b"Internal Server Error", "text/plain")
            return
        if scenario == "garbage":
            self._send(HTTPStatus.OK, b"<html><body>502 Bad Gateway</body></html>", "text/html")
            return
        lats, lons = request.latitudes, request.longitudes
        if len(lats) != len(lons) or len(lats) not in RECORDINGS:
            reason = f"No recording for {len(lats)} latitudes and {len(lons)} longitudes."
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": True, "reason": reason})
            return
        payload = rebase_dates(load_recording(len(lats)), dt.datetime.now(RECORDED_TZ).date())
        if scenario == "wrong-shape":
            payload = WRONG_SHAPES[shape](payload)
        if scenario == "slow":
            state.stopping.wait(state.slow_seconds)
        if scenario == "trickle":
            self._trickle(json.dumps(payload).encode(), state.trickle_pieces, state.trickle_interval)
            return
        self._send_json(HTTPStatus.OK, payload)

    def _send_json(self, status: HTTPStatus, payload: Any) -> None:
        # Open-Meteo answers compact UTF-8 JSON; allow_nan keeps the NaN shape possible.
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode()
        self._send(status, body, "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, body: bytes, pieces: int, interval: float) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.flush()
        size = -(-len(body) // pieces)
        for start in range(0, len(body), size):
            if self.server.state.stopping.wait(interval):
                return
            self.wfile.write(body[start : start + size])
            self.wfile.flush()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still sleeping must not hold up the test's teardown

    def __init__(self, address: tuple[str, int], state: _State) -> None:
        self.state = state
        super().__init__(address, _Handler)


class ReplayServer:
    """Open-Meteo on 127.0.0.1 for one test; `use()` picks how it behaves."""

    def __init__(self, *, slow_seconds: float = 5.0, trickle_pieces: int = 4, trickle_interval: float = 1.5) -> None:
        self._state = _State(
            slow_seconds=slow_seconds, trickle_pieces=trickle_pieces, trickle_interval=trickle_interval
        )
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._port = 0

    @property
    def url(self) -> str:
        """The forecast endpoint, to put in settings.LOA_WEATHER_URL."""
        return f"http://127.0.0.1:{self._port}/v1/forecast"

    @property
    def scenario(self) -> str:
        return self._state.scenario

    @property
    def requests(self) -> list[ReceivedRequest]:
        with self._state.lock:
            return list(self._state.requests)

    def clear_requests(self) -> None:
        with self._state.lock:
            self._state.requests.clear()

    def use(self, scenario: str, *, shape: str | None = None) -> None:
        """Switch behaviour for the next requests ('down' stops listening, anything else listens)."""
        if scenario not in SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}; one of {SCENARIOS}")
        if shape is not None and shape not in WRONG_SHAPES:
            raise ValueError(f"unknown shape {shape!r}; one of {tuple(WRONG_SHAPES)}")
        with self._state.lock:
            self._state.scenario = scenario
            if shape is not None:
                self._state.shape = shape
        if scenario == "down":
            self._stop_listening()
        elif self._server is None:
            self._listen()

    def start(self) -> ReplayServer:
        self._listen()
        return self

    def stop(self) -> None:
        self._state.stopping.set()  # wake handlers sleeping in 'slow' or 'trickle'
        self._stop_listening()

    def _listen(self) -> None:
        # After 'down', listen on the same port again: settings keep pointing at it.
        self._server = _Server(("127.0.0.1", self._port), self._state)
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="open-meteo-replay", daemon=True)
        self._thread.start()

    def _stop_listening(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None
