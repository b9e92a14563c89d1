"""Weather from Open-Meteo, fetched by a task and shown from the database.

The page never calls Open-Meteo: the worker refreshes `WeatherReport` rows and
the widget reads the last good one, marking it stale when it is old. A source
that is down, slow (over `LOA_WEATHER_TIMEOUT`) or returns garbage leaves the
last good data in place.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import time
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


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise WeatherError(f"not a number: {value!r}")
    return float(value)


def _validate(item: Any) -> dict:
    """Keep only what the widget shows, checking every value; raise on anything odd."""
    if not isinstance(item, dict):
        raise WeatherError("forecast is not an object")
    try:
        current, daily = item["current"], item["daily"]
        days = daily["time"][:FORECAST_DAYS]
        result = {
            "current": {
                "temperature": _number(current["temperature_2m"]),
                "humidity": _number(current["relative_humidity_2m"]),
                "code": int(_number(current["weather_code"])),
                "wind": _number(current["wind_speed_10m"]),
                "time": str(current["time"]),
            },
            "daily": [
                {
                    "date": dt.date.fromisoformat(str(day)).isoformat(),
                    "code": int(_number(daily["weather_code"][i])),
                    "max": _number(daily["temperature_2m_max"][i]),
                    "min": _number(daily["temperature_2m_min"][i]),
                    "rain": _number(daily["precipitation_probability_max"][i] or 0),
                }
                for i, day in enumerate(days)
            ],
        }
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise WeatherError(f"unexpected forecast shape: {error}") from error
    if not result["daily"]:
        raise WeatherError("no daily forecast")
    return result


def _get_within_deadline(url: str, params: dict, seconds: float) -> bytes:
    """GET with a bound on the whole exchange, not only on each read.

    httpx's timeouts apply per network operation, so a source that trickles a
    byte every second would hold the worker indefinitely; here each read may
    wait a quarter of the budget and the total is checked between reads.
    """
    deadline = time.monotonic() + seconds
    timeout = httpx.Timeout(seconds, read=seconds / 4)
    body = bytearray()
    with httpx.stream("GET", url, params=params, timeout=timeout) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > MAX_RESPONSE_BYTES:
                raise WeatherError("response too large")
            if time.monotonic() > deadline:
                raise WeatherError(f"no complete answer within {seconds} s")
    return bytes(body)


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
    except (httpx.HTTPError, ValueError) as error:
        raise WeatherError(str(error)) from error
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
