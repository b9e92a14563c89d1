"""Read replicas: public reads go to the replica, writes and what must see them to the primary.

The replica is the test database itself, reached as a second alias under a read-only
PostgreSQL role (`loa_readonly`: SELECT only, and every transaction read-only), so a
query counted on that alias really went through a connection that cannot write. The
alias is added for each test, after pytest-django created the test database; Django's
TEST["MIRROR"] would share the primary's connection and prove nothing.

PostgreSQL only: on SQLite these skip; bin/test runs them again on PostgreSQL, where they
must run (CI=true turns a failure to set the role up into a failure, not a skip).
"""

from __future__ import annotations

import logging
import os
import socket
import urllib.request
from collections.abc import Iterator
from http import HTTPStatus

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import DatabaseError, connections, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from loa.core import db_router
from loa.core.testing import make_article, make_section
from loa.settings.base import replica_config

ROLE = "loa_readonly"
PASSWORD = "loa_readonly"  # the local server trusts loopback; a server that asks gets this
REPLICA = "replica1"
SECOND = "replica2"


# --- Two views that write, for this module's URLconf ------------------------------------------


@csrf_exempt
def write_then_read(request: HttpRequest) -> JsonResponse:
    """Reads, writes, reads again: says which database each read went to."""
    before = Group.objects.all().db
    exists = Group.objects.filter(name="Ban biên tập").exists()
    Group.objects.create(name="Ban biên tập")
    after = Group.objects.all().db
    found = Group.objects.get(name="Ban biên tập")
    return JsonResponse({"before": before, "existed": exists, "after": after, "found_on": found._state.db})


@csrf_exempt
def write_and_redirect(request: HttpRequest) -> HttpResponse:
    """The Post/Redirect/Get of every form: the next page must show what was saved."""
    Group.objects.create(name="Ban tiếp công dân")
    return HttpResponseRedirect("/")


def _urlpatterns() -> list:
    from loa.urls import urlpatterns

    return [
        path("thu/ghi-roi-doc/", write_then_read),
        path("thu/ghi-roi-chuyen/", write_and_redirect),
        *urlpatterns,
    ]


urlpatterns = _urlpatterns()

pytestmark = [
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="read replicas are a PostgreSQL deployment's (bin/test runs this module again on PostgreSQL)",
    ),
    pytest.mark.django_db(transaction=True, databases=["default", REPLICA, SECOND]),
]


# --- Fixtures ------------------------------------------------------------------------------------


def _primary() -> dict:
    return connections["default"].settings_dict


def _url(user: str, port: int | str | None = None) -> str:
    settings_dict = _primary()
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = port or settings_dict.get("PORT") or 5432
    return f"postgres://{user}:{PASSWORD}@{host}:{port}/{settings_dict['NAME']}"


def _closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _point(alias: str, url: str) -> None:
    """(Re)define a database alias from a URL, exactly as DATABASE_REPLICA_URLS would define it."""
    if alias in connections.settings:
        connections[alias].close()
        del connections[alias]
    config = connections.configure_settings({"default": dict(_primary()), alias: replica_config(url)})[alias]
    connections.settings[alias] = config


def _create_readonly_role() -> None:
    with transaction.atomic(), connections["default"].cursor() as cursor:
        # xdist workers set the same role up at the same time: one at a time.
        cursor.execute("SELECT pg_advisory_xact_lock(20260601)")
        cursor.execute(
            f"DO $$ BEGIN CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        cursor.execute(f"ALTER ROLE {ROLE} SET default_transaction_read_only = on")
        cursor.execute(f'GRANT CONNECT ON DATABASE "{_primary()["NAME"]}" TO {ROLE}')
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {ROLE}")
        cursor.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ROLE}")


@pytest.fixture(scope="module", autouse=True)
def readonly_url(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The read-only role on the test database, and the aliases replica1 and replica2 as that role.

    Defined before each test's database set-up (which checks the aliases its tests name);
    their TEST["MIRROR"] (set by replica_config) keeps the test's flush off them.
    """
    with django_db_blocker.unblock():
        try:
            _create_readonly_role()
        except DatabaseError as error:
            message = f"cannot create the read-only role {ROLE}: {error}"
            if os.environ.get("CI") == "true":
                pytest.fail(f"{message} (CI=true: the replica tests must run on PostgreSQL)")
            pytest.skip(message)
    url = _url(ROLE)
    for alias in (REPLICA, SECOND):
        _point(alias, url)
    yield url
    for alias in (REPLICA, SECOND):
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


@pytest.fixture
def replicas(readonly_url, settings) -> Iterator:
    """`replicas(url, …)` points replica1, replica2… at these URLs and makes them the configured replicas."""

    def configure(*urls: str) -> list:
        aliases = [REPLICA, SECOND][: len(urls)]
        for alias, url in zip(aliases, urls, strict=True):
            _point(alias, url)
        settings.LOA_DATABASE_REPLICAS = aliases
        db_router.forget_failures()
        return [connections[alias] for alias in aliases]

    yield configure
    for alias in (REPLICA, SECOND):
        _point(alias, readonly_url)
    db_router.forget_failures()


@pytest.fixture
def replica(replicas, readonly_url):
    """One live replica: the test database as the read-only role."""
    [connection] = replicas(readonly_url)
    return connection


@pytest.fixture
def article():
    return make_article(make_section("Thời sự"), "Khai mạc hội chợ nông sản")


def selects(captured: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in captured.captured_queries if query["sql"].lstrip().upper().startswith("SELECT")]


def table(sql: str) -> str:
    return sql.split(" FROM ", 1)[1].split()[0].strip('"')


def on_table(name: str, queries: list[str]) -> list[str]:
    return [sql for sql in queries if f'"{name}"' in sql]


def writes(captured: CaptureQueriesContext) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [query["sql"] for query in captured.captured_queries if query["sql"].lstrip().upper().startswith(verbs)]


# --- The replica is really read-only -------------------------------------------------------------


def test_the_replica_is_the_test_database_as_a_role_that_cannot_write(replica):
    with replica.cursor() as cursor:
        cursor.execute("SELECT current_user, current_setting('default_transaction_read_only'), current_database()")
        assert cursor.fetchone() == (ROLE, "on", _primary()["NAME"])
    with pytest.raises(DatabaseError, match="read-only transaction"):
        Group.objects.using(REPLICA).create(name="Không được ghi")
    # Even with the read-only default lifted, the role has no right to write.
    with replica.cursor() as cursor:
        cursor.execute("SET default_transaction_read_only = off")
        with pytest.raises(DatabaseError, match="permission denied"):
            cursor.execute("INSERT INTO auth_group (name) VALUES ('Không được ghi')")
    assert not Group.objects.filter(name="Không được ghi").exists()


# --- Reads go to the replica ---------------------------------------------------------------------


def test_a_public_page_is_read_from_the_replica(client, replica, article):
    client.get(article.url)  # the first page of a new site creates its settings rows (a write: primary)
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(replica) as on_replica:
        response = client.get(article.url)

    assert response.status_code == HTTPStatus.OK
    assert "Khai mạc hội chợ nông sản" in response.content.decode()
    assert len(selects(on_replica)) >= 5, "the page's reads should go through the replica connection"
    # Only Wagtail's site settings come from the primary: for_site() is a get_or_create(),
    # which reads where it would write so that two requests never create the same row.
    assert writes(primary) == []
    assert {table(sql) for sql in selects(primary)} <= {"loa_core_agencysettings", "loa_stats_countersettings"}


def test_the_router_rules(replica):
    router = db_router.ReplicaRouter()
    # Outside a web request (the worker, management commands) everything reads from the primary.
    assert Group.objects.all().db == "default"
    token = db_router._routing.set(db_router.Routing(primary=False))
    try:
        assert Group.objects.all().db == REPLICA
        with transaction.atomic():  # a transaction reads its own writes
            assert Group.objects.all().db == "default"
        assert Group.objects.all().db == REPLICA
    finally:
        db_router._routing.reset(token)
    # Migrations only on the primary; objects of both may be related.
    assert router.allow_migrate(REPLICA, "news") is False
    assert router.allow_migrate("default", "news") is None  # Django's default: yes
    on_primary = Group.objects.create(name="Ban biên tập")
    from_replica = Group.objects.using(REPLICA).get(pk=on_primary.pk)
    assert router.allow_relation(from_replica, on_primary) is True


# --- Writes, and what must see them, go to the primary -------------------------------------------


@pytest.mark.urls(__name__)
def test_a_request_that_wrote_reads_from_the_primary_afterwards(client, replica):
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(replica) as on_replica:
        response = client.post("/thu/ghi-roi-doc/")

    assert response.json() == {"before": REPLICA, "existed": False, "after": "default", "found_on": "default"}
    assert writes(on_replica) == [] and len(on_table("auth_group", selects(on_replica))) == 1
    assert len(on_table("auth_group", writes(primary))) == 1
    assert len(on_table("auth_group", selects(primary))) == 1
    assert Group.objects.using("default").filter(name="Ban biên tập").exists()


@pytest.mark.urls(__name__)
def test_after_a_write_and_a_redirect_the_browser_reads_from_the_primary_for_a_while(client, replica, article):
    response = client.post("/thu/ghi-roi-chuyen/")
    assert response.status_code == HTTPStatus.FOUND
    pin = response.cookies[db_router.PIN_COOKIE]
    assert pin["max-age"] == 10 and pin["httponly"]

    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(replica) as on_replica:
        assert client.get(article.url).status_code == HTTPStatus.OK
    assert on_replica.captured_queries == [] and selects(primary)

    del client.cookies[db_router.PIN_COOKIE]  # the cookie expired
    with CaptureQueriesContext(replica) as on_replica:
        client.get(article.url)
    assert selects(on_replica)


def test_the_admin_reads_only_from_the_primary(client, replica, article, django_user_model):
    editor = django_user_model.objects.create_superuser("bientap", "bientap@example.invalid", "mat-khau-dai-123")
    client.force_login(editor)
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(replica) as on_replica:
        assert client.get("/admin/").status_code == HTTPStatus.OK
        assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == HTTPStatus.OK
    assert on_replica.captured_queries == []
    assert selects(primary)


def test_a_beacon_hit_does_not_pin_the_reader(client, replica, article):
    """The beacon writes on every page view: its reader must go on reading from the replica."""
    response = client.post(
        "/api/beacon/",
        {"page": article.pk},
        content_type="application/json",
        headers={"user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"},
    )
    assert response.status_code == HTTPStatus.OK and response.json()["counted"]
    assert db_router.PIN_COOKIE not in response.cookies
    with CaptureQueriesContext(replica) as on_replica:
        client.get(article.url)
    assert selects(on_replica)


# --- A replica that fails never breaks a page ----------------------------------------------------


def test_an_unreachable_replica_falls_back_to_the_primary(client, replicas, article, caplog):
    replicas(_url(ROLE, port=_closed_port()))
    caplog.set_level(logging.WARNING, logger="loa.core.db_router")

    with CaptureQueriesContext(connections["default"]) as primary:
        first = client.get(article.url)
        second = client.get(article.url)

    assert first.status_code == second.status_code == HTTPStatus.OK
    assert "Khai mạc hội chợ nông sản" in second.content.decode()
    assert selects(primary)
    # One failed attempt, then the replica is left alone: the second page did not wait on it.
    assert [record.getMessage() for record in caplog.records].count(caplog.records[0].getMessage()) == 1
    assert "replica1 is unreachable" in caplog.records[0].getMessage()


def test_with_one_replica_down_the_others_serve_the_reads(client, replicas, readonly_url, article):
    dead, live = replicas(_url(ROLE, port=_closed_port()), readonly_url)
    with CaptureQueriesContext(live) as on_live:
        for _ in range(4):
            assert client.get(article.url).status_code == HTTPStatus.OK
    assert len(selects(on_live)) >= 4


# --- The real server, configured by environment --------------------------------------------------


def test_the_server_reads_from_the_replicas_in_DATABASE_REPLICA_URLS(app_server, readonly_url, article):
    """granian with a dead replica and a live one, as DATABASE_REPLICA_URLS sets them: every page answers."""
    dead = _url(ROLE, port=_closed_port())
    base = app_server(workers=1, DATABASE_REPLICA_URLS=f"{dead},{readonly_url}")
    for _ in range(3):
        with urllib.request.urlopen(base + article.url, timeout=30) as response:
            assert response.status == HTTPStatus.OK
            assert "Khai mạc hội chợ nông sản" in response.read().decode()
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND datname = %s",
            [ROLE, _primary()["NAME"]],
        )
        [[replica_connections]] = cursor.fetchall()
    assert replica_connections >= 1, "the server should keep a connection to the replica as the read-only role"
