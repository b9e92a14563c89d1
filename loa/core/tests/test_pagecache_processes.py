"""Two app servers sharing one database: a change shows on both at the next request.

Each server is granian with one worker (so "the second request is a hit" is about that
process), started on the test database (SQLite here, PostgreSQL in the suite's second
run). The embedded default shares the version through a file; with Redis, the pages and
the version live in Redis and one server's render is the other's hit.
"""

from __future__ import annotations

import urllib.request
import uuid

import pytest
from django.core.cache import caches

from loa.core import pagecache
from loa.core.models import AgencySettings
from loa.core.testing import home_page, make_article, make_section, redis_client

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def fetch(base: str, path: str) -> tuple[str, str]:
    """GET with the host name readers use (behind a load balancer every server sees the same)."""
    request = urllib.request.Request(base + path, headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 -- loopback
        return response.headers.get("X-Loa-Cache", ""), response.read().decode()


@pytest.fixture
def article(db, client):
    page = make_article(make_section("Thời sự"), "Khai mạc hội chợ nông sản")
    for path in (page.url, "/"):
        client.get(path)  # a first render creates the sites' settings rows (each a bump)
    return page


def publish_new_title(article, title: str) -> None:
    article.title = title
    article.save_revision().publish()


def rename_agency(name: str) -> None:
    agency = AgencySettings.for_site(home_page().get_site())
    agency.name = name
    agency.save()


def check_both_follow(servers: list[str], path: str) -> None:
    for base in servers:
        fetch(base, path)
        assert fetch(base, path)[0] == "HIT"


def test_file_mirror_two_processes(app_server, article, page_cache, settings):
    version_file = settings.LOA_PAGE_CACHE_VERSION_FILE
    env = {"LOA_PAGE_CACHE_SECONDS": "60", "LOA_PAGE_CACHE_VERSION_FILE": version_file}
    servers = [app_server(workers=1, **env), app_server(workers=1, **env)]
    path = article.url
    check_both_follow(servers, path)

    publish_new_title(article, "Bế mạc hội chợ nông sản")  # commits: the mirror moves
    for base in servers:
        state, html = fetch(base, path)
        assert state == "MISS"
        assert "Bế mạc hội chợ nông sản" in html
    check_both_follow(servers, path)

    rename_agency("Ủy ban nhân dân phường Hạc Thành")
    for base in servers:
        assert "Ủy ban nhân dân phường Hạc Thành" in fetch(base, path)[1]
        assert "Ủy ban nhân dân phường Hạc Thành" in fetch(base, "/")[1]


@pytest.fixture
def redis_pages(settings, page_cache):
    """The page cache in the real Redis (db 15) under a prefix of this test's own."""
    client, url = redis_client()
    prefix = f"loa-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "loa.core.cache.ResilientRedisCache", "LOCATION": url, "KEY_PREFIX": prefix + "-pages"},
    }
    yield url, prefix
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)


def test_redis_two_servers_share_pages_and_follow_changes(app_server, article, redis_pages):
    url, prefix = redis_pages
    env = {"LOA_PAGE_CACHE_SECONDS": "60", "REDIS_URL": url, "LOA_CACHE_PREFIX": prefix}
    first, second = app_server(workers=1, **env), app_server(workers=1, **env)
    path = article.url
    assert fetch(first, path)[0] == "MISS"
    assert fetch(second, path)[0] == "HIT"  # rendered by the other server

    publish_new_title(article, "Bế mạc hội chợ nông sản")
    state, html = fetch(second, path)
    assert state == "MISS" and "Bế mạc hội chợ nông sản" in html
    state, html = fetch(first, path)
    assert state == "HIT" and "Bế mạc hội chợ nông sản" in html
    assert caches["pages"].get(pagecache.VERSION_KEY) is not None
