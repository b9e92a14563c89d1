"""Per-client rate limits (loa.core.ratelimit): the beacon's, and how a client is told apart."""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest
from django.test import Client

from loa.core.ratelimit import client_bucket

pytestmark = pytest.mark.django_db

BEACON = "/api/beacon/"


@pytest.fixture
def limit(settings):
    settings.LOA_BEACON_RATE_LIMIT = 3
    settings.LOA_BEACON_RATE_WINDOW = 60


def beacon(client: Client) -> int:
    # A page that does not exist: refused after the rate check, so counting is not what is tested here.
    return client.post(BEACON, json.dumps({"page": 2**30}), content_type="application/json").status_code


def test_a_client_over_the_beacon_limit_is_told_to_slow_down(limit):
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert [beacon(client) for _ in range(3)] == [HTTPStatus.BAD_REQUEST] * 3
    response = client.post(BEACON, json.dumps({"page": 2**30}), content_type="application/json")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response.json()["error"]


def test_other_clients_keep_their_own_allowance(limit):
    for _ in range(4):
        beacon(Client(REMOTE_ADDR="203.0.113.7"))
    assert beacon(Client(REMOTE_ADDR="198.51.100.20")) == HTTPStatus.BAD_REQUEST


def test_behind_the_proxy_the_reported_address_counts(limit, settings):
    settings.LOA_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    flooder = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7")
    reader = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.20")
    for _ in range(3):
        beacon(flooder)
    assert beacon(flooder) == HTTPStatus.TOO_MANY_REQUESTS
    assert beacon(reader) == HTTPStatus.BAD_REQUEST


def test_an_ipv6_client_cannot_escape_by_changing_address_inside_its_64(limit):
    statuses = [beacon(Client(REMOTE_ADDR=f"2001:db8:1:2::{n:x}")) for n in range(1, 5)]
    assert statuses[-1] == HTTPStatus.TOO_MANY_REQUESTS
    assert beacon(Client(REMOTE_ADDR="2001:db8:1:3::1")) == HTTPStatus.BAD_REQUEST


def test_a_limit_of_zero_turns_it_off(settings):
    settings.LOA_BEACON_RATE_LIMIT = 0
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert {beacon(client) for _ in range(20)} == {HTTPStatus.BAD_REQUEST}


def test_the_default_allows_a_busy_office_behind_one_address():
    from django.conf import settings as django_settings

    from loa.settings import base

    assert base.LOA_BEACON_RATE_LIMIT >= 600 and base.LOA_BEACON_RATE_WINDOW <= 60
    assert django_settings.LOA_BEACON_RATE_LIMIT == 0  # off in the test settings, for the load tests


@pytest.mark.parametrize(
    ("address", "bucket"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("[2001:db8:1:2::1]", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("not an address", "not an address"),
        ("", ""),
    ],
)
def test_client_bucket(address, bucket):
    assert client_bucket(address) == bucket
