"""The weather box in Chromium through its life: fresh, source failing, old data, no data.

The data comes from refresh_weather() against the Open-Meteo replay; pages
never ask the source themselves. The sidebar keeps the box in a cached
fragment (120 s), so the cache is cleared before each look.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from loa.widgets.models import WeatherReport
from loa.widgets.tests.replay import RECORDED_PLACES, ReplayServer, make_places
from loa.widgets.weather import refresh_weather

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PLACE_NAMES = [name for name, _, _ in RECORDED_PLACES]
CREDIT = "Weather data by Open-Meteo.com"


def look(page: Any, url: str, source: ReplayServer) -> Any:
    """Load `url` afresh, as the next reader would after the fragment cache expires.

    Also checks that showing the page asked the weather source nothing.
    """
    cache.clear()
    asked_before = len(source.requests)
    response = page.goto(url)
    assert response.status == 200
    assert len(source.requests) == asked_before
    return page.locator(".box--weather")


def expect_forecast(box: Any) -> None:
    """The box shows every place with a temperature, Vietnamese words and the credit."""
    expect(box.locator(".box__title")).to_have_text("Thời tiết")
    expect(box.locator(".weather__place")).to_have_text(PLACE_NAMES)
    expect(box.locator(".weather__temp")).to_have_text(["33°C", "32°C", "34°C"])
    expect(box.locator(".weather__desc")).to_have_text(["Nhiều mây", "Mưa nhỏ", "Có mây"])
    expect(box.locator(".weather__days").first.locator("li")).to_have_count(3)
    expect(box.locator(".weather__days").first).to_contain_text("Mưa rào nhẹ")
    credit = box.get_by_role("link", name=CREDIT)
    expect(credit).to_be_visible()
    expect(credit).to_have_attribute("href", "https://open-meteo.com/")


def test_weather_box_through_failures_old_data_and_none(portal, open_page, weather_source, screenshot):
    make_places(3)
    home = portal["url"] + "/"
    page, watch = open_page("desktop")

    # Fresh data.
    assert refresh_weather() is True
    box = look(page, home, weather_source)
    expect_forecast(box)
    expect(box).not_to_contain_text("Dữ liệu cũ")
    screenshot(box, "weather-box.png")

    # The source fails: the box still shows the last good data.
    for scenario in ("down", "error"):
        weather_source.use(scenario)
        assert refresh_weather() is False
        box = look(page, home, weather_source)
        expect_forecast(box)
        expect(box).not_to_contain_text("Dữ liệu cũ")

    # Long without a refresh: the same data, marked old.
    WeatherReport.objects.update(fetched_at=timezone.now() - dt.timedelta(hours=3))  # stale, not yet hidden
    box = look(page, home, weather_source)
    expect(box.locator(".weather__place")).to_have_text(PLACE_NAMES)
    expect(box.locator(".weather--stale")).to_have_count(3)
    expect(box.locator(".weather__time").first).to_contain_text("Dữ liệu cũ")
    expect(box.get_by_role("link", name=CREDIT)).to_be_visible()
    screenshot(box, "weather-box-stale.png")

    # No data at all: no box, and the rest of the page is as usual.
    WeatherReport.objects.all().delete()
    box = look(page, home, weather_source)
    expect(box).to_have_count(0)
    expect(page.locator(".sidebar")).to_contain_text("Số lượt truy cập")
    expect(page.locator(".card--featured")).to_be_visible()
    expect(page.get_by_text("Thời tiết", exact=True)).to_have_count(0)

    assert len(weather_source.requests) == 2  # the two refreshes that reached it (ok, error)
    assert watch.errors == []


def test_weather_box_on_a_phone(portal, open_page, weather_source, screenshot):
    make_places(3)
    assert refresh_weather() is True
    page, watch = open_page("mobile")

    box = look(page, portal["url"] + portal["articles"][0].url, weather_source)

    expect_forecast(box)
    assert box.bounding_box()["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "article-360-weather.png")
    assert watch.errors == []
