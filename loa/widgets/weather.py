"""Weather from Open-Meteo, fetched by a task and shown from the database.

The page never calls Open-Meteo: the worker refreshes `WeatherReport` rows and
the widget reads the last good one, marking it stale when it is old. A source
that is down, slow (over `LOA_WEATHER_TIMEOUT`) or returns garbage leaves the
last good data in place.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
from django.conf import settings
from django.utils import timezone

from loa.core.formats import VN_TZ, WEEKDAYS

from .models import WeatherPlace, WeatherReport

logger = logging.getLogger(__name__)

CURRENT_FIELDS = "temperature_2m,relative_humidity_2m,weather_code,wind_speed_10m"
DAILY_FIELDS = "weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max"
FORECAST_DAYS = 4  # today and the next three
MAX_RESPONSE_BYTES = 1024 * 1024
# The units the request asks for (Open-Meteo's defaults and wind_speed_unit=kmh); an answer in
# others would show plausible numbers that mean something else (91 °F as "91°C").
EXPECTED_UNITS = {
    "current_units": {
        "temperature_2m": "°C",
        "relative_humidity_2m": "%",
        "weather_code": "wmo code",
        "wind_speed_10m": "km/h",
    },
    "daily_units": {
        "weather_code": "wmo code",
        "temperature_2m_max": "°C",
        "temperature_2m_min": "°C",
        "precipitation_probability_max": "%",
    },
}
# Bounds past which a value is a fault at the source, not weather (Earth's records, with a margin).
TEMPERATURE_RANGE = (-90.0, 60.0)
PERCENT_RANGE = (0.0, 100.0)
WIND_RANGE = (0.0, 500.0)
WMO_CODE_RANGE = (0, 99)

# WMO weather interpretation codes (Open-Meteo docs) in Vietnamese, with an icon name.
WMO_CODES: dict[int, tuple[str, str]] = {
    0: ("Trời quang", "sun"),
    1: ("Ít mây", "sun-cloud"),
    2: ("Có mây", "sun-cloud"),
    3: ("Nhiều mây", "cloud"),
    45: ("Sương mù", "fog"),
    48: ("Sương mù đóng băng", "fog"),
    51: ("Mưa phùn nhẹ", "drizzle"),
    53: ("Mưa phùn", "drizzle"),
    55: ("Mưa phùn dày", "drizzle"),
    56: ("Mưa phùn lạnh", "drizzle"),
    57: ("Mưa phùn lạnh dày", "drizzle"),
    61: ("Mưa nhỏ", "rain"),
    63: ("Mưa vừa", "rain"),
    65: ("Mưa to", "rain"),
    66: ("Mưa lạnh", "rain"),
    67: ("Mưa lạnh to", "rain"),
    71: ("Tuyết nhẹ", "snow"),
    73: ("Tuyết", "snow"),
    75: ("Tuyết dày", "snow"),
    77: ("Mưa tuyết", "snow"),
    80: ("Mưa rào nhẹ", "rain"),
    81: ("Mưa rào", "rain"),
    82: ("Mưa rào rất to", "rain"),
    85: ("Mưa tuyết nhẹ", "snow"),
    86: ("Mưa tuyết to", "snow"),
    95: ("Dông", "storm"),
    96: ("Dông kèm mưa đá", "storm"),
    99: ("Dông kèm mưa đá lớn", "storm"),
}


class WeatherError(Exception):
    """The source answered nothing usable."""


def describe(code: Any) -> tuple[str, str]:
    try:
        return WMO_CODES.get(int(code), ("Không rõ", "cloud"))
    except (TypeError, ValueError):
        return ("Không rõ", "cloud")


def _number(value: Any, bounds: tuple[float, float]) -> float:
    """A finite JSON number within `bounds`; anything else (strings, booleans, NaN, 1e308) is a fault."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise WeatherError(f"not a number: {value!r}")
    low, high = bounds
    if not low <= value <= high:
        raise WeatherError(f"{value!r} is outside {low}..{high}")
    return float(value)


def _code(value: Any) -> int:
    """A WMO weather code: a whole number from 0 to 99."""
    number = _number(value, WMO_CODE_RANGE)
    if not number.is_integer():
        raise WeatherError(f"not a weather code: {value!r}")
    return int(number)


def _check_units(item: dict) -> None:
    for section, expected in EXPECTED_UNITS.items():
        units = item.get(section)
        if not isinstance(units, dict) or any(units.get(name) != unit for name, unit in expected.items()):
            raise WeatherError(f"unexpected {section}: {units!r}")


def _check_dates(first_day: dt.date, current_time: dt.datetime, today: dt.date) -> None:
    """The forecast must be today's: a source serving an old (or far-off) answer is not "now".

    A day either way allows for clocks that disagree around midnight.
    """
    allowed = (today - dt.timedelta(days=1), today + dt.timedelta(days=1))
    if not allowed[0] <= first_day <= allowed[1] or not allowed[0] <= current_time.date() <= allowed[1]:
        raise WeatherError(f"forecast for {first_day}, current conditions of {current_time}, today is {today}")


def _validate(item: Any, today: dt.date | None = None) -> dict:
    """Keep only what the widget shows, checking every value; raise on anything odd."""
    if not isinstance(item, dict):
        raise WeatherError("forecast is not an object")
    today = today or timezone.localdate()
    try:
        _check_units(item)
        current, daily = item["current"], item["daily"]
        days = daily["time"][:FORECAST_DAYS]
        if not isinstance(days, list):
            raise WeatherError("daily dates are not a list")
        current_time = dt.datetime.fromisoformat(str(current["time"]))
        result = {
            "current": {
                "temperature": _number(current["temperature_2m"], TEMPERATURE_RANGE),
                "humidity": _number(current["relative_humidity_2m"], PERCENT_RANGE),
                "code": _code(current["weather_code"]),
                "wind": _number(current["wind_speed_10m"], WIND_RANGE),
                "time": current_time.isoformat(timespec="minutes"),
            },
            "daily": [
                {
                    "date": dt.date.fromisoformat(str(day)).isoformat(),
                    "code": _code(daily["weather_code"][i]),
                    "max": _number(daily["temperature_2m_max"][i], TEMPERATURE_RANGE),
                    "min": _number(daily["temperature_2m_min"][i], TEMPERATURE_RANGE),
                    # Open-Meteo sends null where it has no probability for a day.
                    "rain": _number(_zero_if_none(daily["precipitation_probability_max"][i]), PERCENT_RANGE),
                }
                for i, day in enumerate(days)
            ],
        }
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise WeatherError(f"unexpected forecast shape: {error}") from error
    if not result["daily"]:
        raise WeatherError("no daily forecast")
    _check_dates(dt.date.fromisoformat(result["daily"][0]["date"]), current_time, today)
    return result


def _zero_if_none(value: Any) -> Any:
    return 0 if value is None else value


async def _get(url: str, params: dict, seconds: float) -> bytes:
    """GET `url` uncompressed (a few kilobytes; no decompression bombs), at most MAX_RESPONSE_BYTES."""
    async with (
        httpx.AsyncClient(timeout=seconds, headers={"Accept-Encoding": "identity"}) as client,
        client.stream("GET", url, params=params) as response,
    ):
        response.raise_for_status()
        if response.headers.get("Content-Encoding", "identity").strip().lower() != "identity":
            raise WeatherError(f"compressed answer ({response.headers['Content-Encoding']}) not asked for")
        body = bytearray()
        async for chunk in response.aiter_raw():
            body += chunk
            if len(body) > MAX_RESPONSE_BYTES:
                raise WeatherError("response too large")
        return bytes(body)


def _get_within_deadline(url: str, params: dict, seconds: float) -> bytes:
    """GET with a bound on the whole exchange, not only on each network operation.

    httpx's timeouts apply per operation (connect, each read), so a source that
    drips its headers or its body a byte at a time would hold the worker for as
    long as it likes. Under `asyncio.wait_for` the request is cancelled, and its
    connection closed, once the whole exchange has taken `seconds`. The event loop
    runs in a thread of its own: the caller's thread may already run one (async
    code, or Playwright's sync API in the browser tests).
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="loa-weather") as pool:
        return pool.submit(_run_within_deadline, url, params, seconds).result()


def _run_within_deadline(url: str, params: dict, seconds: float) -> bytes:
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.wait_for(_get(url, params, seconds), seconds))
    except TimeoutError as error:
        raise WeatherError(f"no complete answer within {seconds} s") from error
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        # close(), unlike asyncio.run(), does not wait for a name lookup still stuck in the executor.
        loop.close()


def fetch_forecasts(places: list[WeatherPlace]) -> dict[int, dict]:
    """One request for all places (Open-Meteo accepts lists of coordinates)."""
    params = {
        "latitude": ",".join(str(p.latitude) for p in places),
        "longitude": ",".join(str(p.longitude) for p in places),
        "current": CURRENT_FIELDS,
        "daily": DAILY_FIELDS,
        "timezone": "Asia/Bangkok",  # UTC+7, the same offset as Asia/Ho_Chi_Minh
        "forecast_days": FORECAST_DAYS,
        "wind_speed_unit": "kmh",
    }
    try:
        payload = json.loads(_get_within_deadline(settings.LOA_WEATHER_URL, params, settings.LOA_WEATHER_TIMEOUT))
    except (httpx.HTTPError, ValueError, RecursionError) as error:  # RecursionError: "[[[[…" nested too deep
        raise WeatherError(str(error) or type(error).__name__) from error
    items = payload if isinstance(payload, list) else [payload]
    if len(items) != len(places):
        raise WeatherError(f"{len(items)} forecasts for {len(places)} places")
    return {place.pk: _validate(item) for place, item in zip(places, items, strict=True)}


def refresh_weather() -> bool:
    """Fetch and store forecasts; on any failure keep the last good data. True if refreshed."""
    places = list(WeatherPlace.objects.filter(active=True))
    if not places:
        return False
    try:
        forecasts = fetch_forecasts(places)
    except WeatherError as error:
        logger.warning("Weather refresh failed, keeping last good data: %s", error)
        return False
    now = timezone.now()
    for place in places:
        WeatherReport.objects.update_or_create(place=place, defaults={"fetched_at": now, "data": forecasts[place.pk]})
    return True


@dataclass
class PlaceWeather:
    name: str
    temperature: int
    humidity: int
    wind: int
    description: str
    icon: str
    days: list[dict]
    fetched_at: dt.datetime
    stale: bool


def weather_for_display(now: dt.datetime | None = None) -> list[PlaceWeather]:
    """What the widget shows: one entry per active place with a stored report."""
    now = now or timezone.now()
    stale_after = dt.timedelta(minutes=settings.LOA_WEATHER_STALE_MINUTES)
    # Past this age "current" conditions mislead more than they inform: hide the place.
    too_old = now - dt.timedelta(hours=settings.LOA_WEATHER_HIDE_HOURS)
    reports = (
        WeatherReport.objects.filter(place__active=True, fetched_at__gte=too_old)
        .select_related("place")
        .order_by("place__sort_order", "place__name")
    )
    shown = []
    for report in reports:
        current, daily = report.data["current"], report.data["daily"]
        description, icon = describe(current["code"])
        today = timezone.localdate(now)
        days = []
        for day in daily:
            date = dt.date.fromisoformat(day["date"])
            if date <= today:
                continue
            text, day_icon = describe(day["code"])
            days.append(
                {
                    "label": WEEKDAYS[date.weekday()],
                    "date": date,
                    "description": text,
                    "icon": day_icon,
                    "max": round(day["max"]),
                    "min": round(day["min"]),
                    "rain": round(day["rain"]),
                }
            )
        shown.append(
            PlaceWeather(
                name=report.place.name,
                temperature=round(current["temperature"]),
                humidity=round(current["humidity"]),
                wind=round(current["wind"]),
                description=description,
                icon=icon,
                days=days[:3],
                fetched_at=report.fetched_at.astimezone(VN_TZ),
                stale=now - report.fetched_at > stale_after,
            )
        )
    return shown
