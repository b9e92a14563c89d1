"""Fixtures for the weather tests: a replay of Open-Meteo and the places it has recordings for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from loa.widgets.models import WeatherPlace

from .replay import ReplayServer, make_places


@pytest.fixture
def weather_source(settings) -> Iterator[ReplayServer]:
    """A replay server answering 'ok', with LOA_WEATHER_URL pointing at it."""
    server = ReplayServer().start()
    settings.LOA_WEATHER_URL = server.url
    yield server
    server.stop()


@pytest.fixture
def one_place(db) -> WeatherPlace:
    return make_places(1)[0]


@pytest.fixture
def three_places(db) -> list[WeatherPlace]:
    return make_places(3)
