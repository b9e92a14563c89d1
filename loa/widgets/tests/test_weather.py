"""Weather: what is fetched from Open-Meteo, what the widget shows, and how failures are survived.

Open-Meteo is replaced by a local replay of recorded answers (see `replay.py`):
the same JSON, served fast, slowly, broken or not at all.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from loa.core.formats import WEEKDAYS
from loa.core.testing import home_page, make_article, make_section
from loa.widgets.models import WeatherPlace, WeatherReport
from loa.widgets.weather import describe, refresh_weather, weather_for_display

from .replay import RECORDED_PLACES, WRONG_SHAPES, ReplayServer, load_recording

pytestmark = pytest.mark.django_db

# The bound on how long a refresh may wait for a source that does not answer in time.
WAIT_MARGIN_SECONDS = 1.5


def snapshot() -> dict[int, tuple[dt.datetime, dict]]:
    """Every stored report, to compare before and after a failed refresh."""
    return {r.place_id: (r.fetched_at, r.data) for r in WeatherReport.objects.all()}


def timed_refresh() -> tuple[bool, float]:
    started = time.monotonic()
    refreshed = refresh_weather()
    return refreshed, time.monotonic() - started


def age_reports(minutes: float) -> None:
    """Pretend the stored reports were fetched `minutes` ago."""
    WeatherReport.objects.update(fetched_at=timezone.now() - dt.timedelta(minutes=minutes))


def render_home(client) -> BeautifulSoup:
    cache.clear()  # the weather box is a cached fragment
    response = client.get(home_page().url)
    assert response.status_code == HTTPStatus.OK
    return BeautifulSoup(response.content, "html.parser")


class TestRefresh:
    def test_stores_a_report_for_each_active_place(self, weather_source, three_places):
        hidden = WeatherPlace.objects.create(name="Ẩn", latitude=21, longitude=105, active=False)

        assert refresh_weather() is True

        reports = {r.place_id: r for r in WeatherReport.objects.all()}
        assert set(reports) == {p.pk for p in three_places}
        assert hidden.pk not in reports
        recorded = load_recording(3)
        for place, item in zip(three_places, recorded, strict=True):
            current = reports[place.pk].data["current"]
            assert current["temperature"] == item["current"]["temperature_2m"]
            assert current["code"] == item["current"]["weather_code"]
            assert len(reports[place.pk].data["daily"]) == len(item["daily"]["time"])
        assert all(timezone.now() - r.fetched_at < dt.timedelta(minutes=1) for r in reports.values())

    def test_one_request_for_all_places_asking_for_what_the_widget_shows(self, weather_source, three_places):
        refresh_weather()

        [request] = weather_source.requests
        assert request.method == "GET"
        assert request.path == "/v1/forecast"
        assert request.latitudes == [str(p.latitude) for p in three_places]
        assert request.longitudes == [str(p.longitude) for p in three_places]
        # The recording's units name exactly the variables the request must ask for.
        units = load_recording(1)
        assert request.param("current").split(",") == [
            k for k in units["current_units"] if k not in ("time", "interval")
        ]
        assert request.param("daily").split(",") == [k for k in units["daily_units"] if k != "time"]
        assert request.param("timezone") == units["timezone"] == "Asia/Bangkok"
        assert request.param("forecast_days") == "4"
        assert request.param("wind_speed_unit") == "kmh"

    def test_one_place_gets_a_single_object(self, weather_source, one_place):
        assert refresh_weather() is True
        assert weather_source.requests[0].latitudes == [str(RECORDED_PLACES[0][1])]
        assert WeatherReport.objects.get(place=one_place).data["current"]["temperature"] == 33.4

    def test_a_second_refresh_replaces_the_report(self, weather_source, one_place):
        refresh_weather()
        age_reports(90)
        old = WeatherReport.objects.get().fetched_at

        assert refresh_weather() is True

        assert WeatherReport.objects.count() == 1
        assert WeatherReport.objects.get().fetched_at > old

    def test_no_active_place_asks_nothing(self, weather_source):
        WeatherPlace.objects.create(name="Ẩn", latitude=21, longitude=105, active=False)
        assert refresh_weather() is False
        assert weather_source.requests == []


class TestWidgetData:
    def test_current_weather_in_vietnamese(self, weather_source, one_place):
        refresh_weather()

        [place] = weather_for_display()

        assert place.name == "TP. Hưng Yên"
        assert (place.temperature, place.humidity, place.wind) == (33, 62, 10)
        assert (place.description, place.icon) == ("Nhiều mây", "cloud")  # WMO code 3
        assert place.stale is False

    def test_three_day_forecast_after_today(self, weather_source, one_place):
        refresh_weather()

        [place] = weather_for_display()

        today = timezone.localdate()
        assert [d["date"] for d in place.days] == [today + dt.timedelta(days=n) for n in (1, 2, 3)]
        assert [d["label"] for d in place.days] == [WEEKDAYS[d["date"].weekday()] for d in place.days]
        assert all(d["label"].startswith(("Thứ ", "Chủ nhật")) for d in place.days)
        assert [d["description"] for d in place.days] == ["Mưa rào nhẹ", "Mưa nhỏ", "Có mây"]  # codes 80, 61, 2
        assert [(d["min"], d["max"], d["rain"]) for d in place.days] == [(27, 33, 68), (26, 32, 81), (27, 34, 15)]

    def test_places_in_their_order(self, weather_source, three_places):
        refresh_weather()

        shown = weather_for_display()

        assert [p.name for p in shown] == [name for name, _, _ in RECORDED_PLACES]
        assert [p.description for p in shown] == ["Nhiều mây", "Mưa nhỏ", "Có mây"]  # codes 3, 61, 2

    def test_inactive_place_is_not_shown(self, weather_source, three_places):
        refresh_weather()
        WeatherPlace.objects.filter(pk=three_places[1].pk).update(active=False)

        assert [p.name for p in weather_for_display()] == ["TP. Hưng Yên", "Văn Lâm"]

    @pytest.mark.parametrize(
        ("code", "expected"),
        [(0, "Trời quang"), (3, "Nhiều mây"), (95, "Dông"), (42, "Không rõ"), ("x", "Không rõ"), (None, "Không rõ")],
    )
    def test_wmo_codes(self, code, expected):
        assert describe(code)[0] == expected


FAILURES = [
    pytest.param("slow", None, id="slow"),
    pytest.param("error", None, id="http-500"),
    pytest.param("garbage", None, id="garbage"),
    pytest.param("down", None, id="down"),
    *(pytest.param("wrong-shape", shape, id=f"wrong-shape-{shape}") for shape in WRONG_SHAPES),
]


class TestFailures:
    """Whatever goes wrong at the source, the last good data stays and the refresh reports False."""

    @pytest.mark.parametrize(("scenario", "shape"), FAILURES)
    def test_keeps_last_good_data(self, weather_source, three_places, scenario, shape, caplog):
        assert refresh_weather() is True
        before = snapshot()
        shown_before = weather_for_display()
        weather_source.use(scenario, shape=shape)

        with caplog.at_level(logging.WARNING, logger="loa.widgets.weather"):
            refreshed, elapsed = timed_refresh()

        assert refreshed is False
        assert snapshot() == before
        assert weather_for_display() == shown_before
        assert "keeping last good data" in caplog.text
        assert elapsed < settings.LOA_WEATHER_TIMEOUT + WAIT_MARGIN_SECONDS
        assert len(weather_source.requests) == (1 if scenario == "down" else 2)

    def test_slow_source_is_abandoned_at_the_timeout(self, weather_source, one_place):
        weather_source.use("slow")

        refreshed, elapsed = timed_refresh()

        assert refreshed is False
        assert elapsed < settings.LOA_WEATHER_TIMEOUT + WAIT_MARGIN_SECONDS
        assert WeatherReport.objects.count() == 0

    def test_source_back_after_being_down(self, weather_source, one_place):
        weather_source.use("down")
        assert refresh_weather() is False
        weather_source.use("ok")
        assert refresh_weather() is True
        assert WeatherReport.objects.count() == 1

    @pytest.mark.parametrize(
        ("pieces", "interval"),
        [
            pytest.param(4, 1.5, id="pieces-1.5s-apart"),
            # Each piece well inside any per-read timeout; only a bound on the whole answer stops it.
            pytest.param(40, 0.2, id="pieces-0.2s-apart"),
        ],
    )
    def test_trickling_source_is_abandoned_at_the_timeout(self, settings, one_place, pieces, interval):
        source = ReplayServer(trickle_pieces=pieces, trickle_interval=interval).start()
        settings.LOA_WEATHER_URL = source.url
        source.use("trickle")
        try:
            refreshed, elapsed = timed_refresh()
        finally:
            source.stop()

        assert elapsed < settings.LOA_WEATHER_TIMEOUT + WAIT_MARGIN_SECONDS
        assert refreshed is False
        assert WeatherReport.objects.count() == 0


class TestStale:
    def test_hidden_after_a_day_without_news(self, weather_source, one_place, client):
        refresh_weather()
        age_reports(settings.LOA_WEATHER_HIDE_HOURS * 60 + 1)

        assert weather_for_display() == []
        assert render_home(client).find(id="weather-title") is None

    def test_fresh_until_the_stale_age(self, weather_source, one_place):
        refresh_weather()
        age_reports(settings.LOA_WEATHER_STALE_MINUTES - 1)

        assert weather_for_display()[0].stale is False

    def test_stale_after_the_stale_age(self, weather_source, one_place):
        refresh_weather()
        age_reports(settings.LOA_WEATHER_STALE_MINUTES + 1)

        [place] = weather_for_display()

        assert place.stale is True
        assert place.description == "Nhiều mây"  # still shown, only marked

    def test_stale_age_is_the_setting(self, weather_source, one_place, settings):
        settings.LOA_WEATHER_STALE_MINUTES = 15
        refresh_weather()
        age_reports(16)

        assert weather_for_display()[0].stale is True

    def test_a_failed_refresh_lets_data_go_stale(self, weather_source, one_place):
        refresh_weather()
        age_reports(settings.LOA_WEATHER_STALE_MINUTES + 30)
        weather_source.use("error")

        assert refresh_weather() is False
        assert weather_for_display()[0].stale is True


class TestPage:
    def test_no_report_no_box(self, client, weather_source, one_place):
        page = render_home(client)

        assert page.select_one(".box--weather") is None
        assert "Thời tiết" not in page.get_text()
        assert page.select_one(".sidebar") is not None  # the rest of the sidebar is there

    def test_box_with_place_temperature_description_and_credit(self, client, weather_source, one_place):
        refresh_weather()

        page = render_home(client)

        box = page.select_one(".box--weather")
        assert box.select_one(".box__title").get_text(strip=True) == "Thời tiết"
        assert box.select_one(".weather__place").get_text(strip=True) == "TP. Hưng Yên"
        assert box.select_one(".weather__temp").get_text(strip=True) == "33°C"
        assert box.select_one(".weather__desc").get_text(strip=True) == "Nhiều mây"
        assert len(box.select(".weather__days li")) == 3
        assert "Dữ liệu cũ" not in box.get_text()
        credit = box.select_one(".weather__credit a")
        assert credit.get_text(strip=True) == "Weather data by Open-Meteo.com"
        assert credit["href"] == "https://open-meteo.com/"

    def test_stale_box_says_so(self, client, weather_source, one_place):
        refresh_weather()
        age_reports(settings.LOA_WEATHER_STALE_MINUTES + 1)

        box = render_home(client).select_one(".box--weather")

        assert "weather--stale" in box.select_one(".weather")["class"]
        assert "Dữ liệu cũ" in box.get_text()

    def test_rendering_never_asks_the_source(self, client, weather_source, three_places):
        article = make_article(make_section("Thời sự"), "Bài có thanh bên")
        refresh_weather()
        weather_source.clear_requests()

        render_home(client)
        cache.clear()
        assert client.get(article.url).status_code == HTTPStatus.OK

        assert weather_source.requests == []

    @pytest.mark.parametrize("scenario", ["slow", "down"])
    def test_page_does_not_wait_for_a_broken_source(self, client, weather_source, one_place, scenario):
        refresh_weather()
        weather_source.use(scenario)
        weather_source.clear_requests()

        page = render_home(client)

        assert page.select_one(".weather__temp").get_text(strip=True) == "33°C"
        assert weather_source.requests == []


def test_replay_rejects_unknown_scenarios():
    server = ReplayServer()
    with pytest.raises(ValueError):
        server.use("flaky")
    with pytest.raises(ValueError):
        server.use("wrong-shape", shape="nonsense")


def test_recordings_follow_open_meteo_format():
    """A guard on the fixtures themselves: the keys and units Open-Meteo sends, in its order."""
    single, multi = load_recording(1), load_recording(3)
    assert isinstance(single, dict)
    assert isinstance(multi, list)
    assert len(multi) == len(RECORDED_PLACES)
    head = ["latitude", "longitude", "generationtime_ms", "utc_offset_seconds", "timezone", "timezone_abbreviation"]
    tail = ["elevation", "current_units", "current", "daily_units", "daily"]
    for index, item in enumerate([single, *multi]):
        location_id = index - 1 if index else 0  # Open-Meteo writes location_id only when it is not 0
        assert list(item) == head + tail[:1] + (["location_id"] if location_id else []) + tail[1:]
        assert item.get("location_id", 0) == location_id
        assert item["utc_offset_seconds"] == 7 * 3600
        assert item["current_units"] == {
            "time": "iso8601",
            "interval": "seconds",
            "temperature_2m": "°C",
            "relative_humidity_2m": "%",
            "weather_code": "wmo code",
            "wind_speed_10m": "km/h",
        }
        assert list(item["current"]) == list(item["current_units"])
        assert item["current"]["interval"] == 900
        assert list(item["daily"]) == list(item["daily_units"])
        assert {len(values) for values in item["daily"].values()} == {4}
