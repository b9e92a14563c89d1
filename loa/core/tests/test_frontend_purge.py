"""The front-end purge: which URLs a change sends to nginx/Varnish and to Cloudflare, over real HTTP.

A local HTTP server stands in for the cache (it records every PURGE and answers 200 or 404,
as nginx's purge module does) and for Cloudflare's API (it records the JSON posted to
/zones/<zone>/purge_cache and answers like the API). The purge requests are sent by the tasks,
which run immediately under the test settings.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from loa.core import frontend_purge
from loa.core.signals import content_changed
from loa.core.testing import home_page, make_article, make_section

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
FEEDS = {"/rss.xml", "/sitemap.xml", "/sitemap-news.xml"}


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Recorder:
    """What the fake cache / API received, and how it answers."""

    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    purge_status: int = 200
    cloudflare_answer: dict = field(default_factory=lambda: {"success": True, "errors": [], "messages": []})

    def purged_paths(self) -> set[str]:
        return {r.path for r in self.requests if r.method == "PURGE"}

    def cloudflare_payloads(self) -> list[dict]:
        return [json.loads(r.body) for r in self.requests if r.method == "POST"]


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    state = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            state.requests.append(Recorded(self.command, self.path, dict(self.headers.items()), body))

        def do_PURGE(self) -> None:  # noqa: N802 -- http.server's naming
            self._record()
            self.send_response(state.purge_status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self) -> None:  # noqa: N802
            self._record()
            body = json.dumps(state.cloudflare_answer).encode()
            self.send_response(200 if state.cloudflare_answer.get("success") else 400)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def http_cache(settings, recorder) -> Recorder:
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "loa.core.frontend_purge.HTTPPurgeBackend", "LOCATION": recorder.url}
    }
    return recorder


@pytest.fixture
def cloudflare(settings, recorder) -> Recorder:
    settings.WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "loa.core.frontend_purge.CloudflarePurgeBackend",
            "ZONEID": "zone-0123",
            "BEARER_TOKEN": "token-abc",
            "API_URL": recorder.url + "/client/v4",
        }
    }
    return recorder


@pytest.fixture
def article(db):
    section = make_section("Thời sự")
    return make_article(make_section("Giao thông", parent=section), "Thông xe cầu vượt")


def path_of(page) -> str:
    return urlsplit(page.get_full_url()).path


# --- nginx / Varnish (HTTP PURGE) ------------------------------------------------------------


def test_publishing_purges_the_page_its_sections_the_home_page_and_the_feeds(http_cache, article, commit):
    subsection = article.get_parent()
    section = subsection.get_parent()

    def edit() -> None:
        article.title = "Thông xe cầu vượt sớm hai tháng"
        article.save_revision().publish()

    commit(edit)
    assert http_cache.purged_paths() == {path_of(article), path_of(subsection), path_of(section), "/"} | FEEDS
    sent = next(r for r in http_cache.requests if r.path == path_of(article))
    # Host and scheme of the page's site: nginx's cache key is $loa_proto://$host$request_uri.
    assert sent.headers["Host"] == "localhost"
    assert sent.headers["X-Forwarded-Proto"] == "http"
    assert sent.headers["User-Agent"].startswith("Loa-frontend-purge")


def test_unpublishing_purges_the_page(http_cache, article, commit):
    url = path_of(article)
    commit(article.unpublish)
    assert url in http_cache.purged_paths()
    assert path_of(article.get_parent()) in http_cache.purged_paths()


def test_moving_purges_the_old_and_the_new_place(http_cache, article, commit):
    old_url, old_section = path_of(article), path_of(article.get_parent())
    target = make_section("Đô thị", parent=article.get_parent().get_parent())
    commit(lambda: article.move(target, pos="last-child"))
    article.refresh_from_db()
    purged = http_cache.purged_paths()
    assert {old_url, old_section, path_of(article), path_of(target), "/"} <= purged


def test_deleting_purges_the_page_and_its_section(http_cache, article, commit):
    url, section = path_of(article), path_of(article.get_parent())
    commit(article.delete)
    assert {url, section, "/"} <= http_cache.purged_paths()


def test_a_site_wide_change_purges_home_menu_pages_and_feeds_not_every_article(http_cache, article, commit):
    from loa.widgets.models import CampaignBanner

    top = article.get_parent().get_parent()
    commit(lambda: CampaignBanner.objects.create(text="Ngày Chuyển đổi số quốc gia", active=True))
    purged = http_cache.purged_paths()
    assert {"/", path_of(top)} | FEEDS <= purged
    assert path_of(article) not in purged  # bounded by s-maxage: no PURGE per article


def test_a_new_menu_entry_shows_on_every_page(http_cache, article, commit):
    existing = article.get_parent().get_parent()
    commit(lambda: make_section("Văn hóa"))  # a top-level section joins the main menu
    assert {"/", path_of(existing)} <= http_cache.purged_paths()


def test_not_in_the_cache_is_not_an_error(http_cache, article, commit, caplog):
    http_cache.purge_status = 404  # nginx's purge module: no such key
    with caplog.at_level(logging.DEBUG, logger="wagtail.frontendcache"):
        commit(lambda: article.save_revision().publish())
    assert path_of(article) in http_cache.purged_paths()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_an_unreachable_cache_is_logged_and_publishing_goes_on(settings, article, commit, caplog):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "loa.core.frontend_purge.HTTPPurgeBackend", "LOCATION": "http://127.0.0.1:9", "TIMEOUT": 2}
    }
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        commit(lambda: article.save_revision().publish())
    article.refresh_from_db()
    assert article.live
    assert any("Couldn't purge" in r.getMessage() for r in caplog.records)


def test_a_refused_purge_is_logged(http_cache, article, commit, caplog):
    http_cache.purge_status = 403  # asked from an address nginx does not allow
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        commit(lambda: article.save_revision().publish())
    assert any("403" in r.getMessage() for r in caplog.records)


def test_a_misconfigured_backend_never_breaks_publishing(settings, article, commit, caplog):
    settings.WAGTAILFRONTENDCACHE = {
        "cloudflare": {"BACKEND": "loa.core.frontend_purge.CloudflarePurgeBackend", "ZONEID": "z", "BEARER_TOKEN": ""}
    }
    with caplog.at_level(logging.ERROR):
        commit(lambda: article.save_revision().publish())
    article.refresh_from_db()
    assert article.live
    assert any("Front-end purge" in r.getMessage() for r in caplog.records)


def test_nothing_is_sent_without_a_configured_cache(settings, article, commit, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {}
    calls: list = []
    monkeypatch.setattr(frontend_purge, "purge_urls_from_cache", lambda *a, **k: calls.append(a))
    # A Task is a frozen dataclass: replace it in the module rather than patch its method.
    recorder = SimpleNamespace(enqueue=lambda *a, **k: calls.append(a))
    monkeypatch.setattr(frontend_purge, "purge_everything_task", recorder)
    commit(lambda: article.save_revision().publish())
    content_changed.send(sender=None, page=None)
    assert calls == []


# --- Cloudflare ------------------------------------------------------------------------------


def test_cloudflare_purges_the_changed_urls_with_the_token(cloudflare, article, commit):
    commit(lambda: article.save_revision().publish())
    [request] = [r for r in cloudflare.requests if r.method == "POST"]
    assert request.path == "/client/v4/zones/zone-0123/purge_cache"
    assert request.headers["Authorization"] == "Bearer token-abc"
    files = json.loads(request.body)["files"]
    assert article.get_full_url() in files
    assert "http://localhost/" in files


def test_cloudflare_purges_everything_on_a_site_wide_change(cloudflare, article, commit):
    from loa.news.models import Author

    commit(lambda: Author.objects.create(name="Lê Văn Nam", unit="Báo Hưng Yên"))
    assert cloudflare.cloudflare_payloads() == [{"purge_everything": True}]


def test_cloudflare_sends_at_most_thirty_urls_per_request(cloudflare, db):
    urls = [f"http://localhost/tin-{number}/" for number in range(65)]
    frontend_purge.purge_urls_from_cache(urls)
    sizes = sorted(len(payload["files"]) for payload in cloudflare.cloudflare_payloads())
    assert sizes == [5, 30, 30]


def test_cloudflare_errors_are_logged(cloudflare, article, commit, caplog):
    cloudflare.cloudflare_answer = {"success": False, "errors": [{"code": 10000, "message": "Authentication error"}]}
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        content_changed.send(sender=None, page=None)
    assert any("Authentication error" in r.getMessage() for r in caplog.records)


def test_both_backends_at_once(settings, recorder, article, commit):
    settings.WAGTAILFRONTENDCACHE = {
        "http-0": {"BACKEND": "loa.core.frontend_purge.HTTPPurgeBackend", "LOCATION": recorder.url},
        "cloudflare": {
            "BACKEND": "loa.core.frontend_purge.CloudflarePurgeBackend",
            "ZONEID": "z",
            "BEARER_TOKEN": "t",
            "API_URL": recorder.url,
        },
    }
    content_changed.send(sender=None, page=None)
    assert recorder.cloudflare_payloads() == [{"purge_everything": True}]
    assert "/" in recorder.purged_paths()


# --- Configuration and wiring ----------------------------------------------------------------


def settings_in_subprocess(**env: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "from loa.core.signals import content_changed; "
        "sync, _ = content_changed._live_receivers(None); "
        "print(json.dumps({'caches': settings.WAGTAILFRONTENDCACHE, "
        "'languages': settings.WAGTAILFRONTENDCACHE_LANGUAGES, 'receivers': [r.__module__ for r in sync]}))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LOA_FRONTEND", "LOA_CLOUDFLARE"))}
    environment = {**base, "DJANGO_SETTINGS_MODULE": "loa.settings.test", **env}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_backends_come_from_the_environment():
    found = settings_in_subprocess(
        LOA_FRONTEND_CACHE="http://127.0.0.1:8080, http://10.0.0.5:80",
        LOA_CLOUDFLARE_ZONEID="zone-9",
        LOA_CLOUDFLARE_BEARER_TOKEN="secret",
    )
    caches = found["caches"]
    assert caches["http-0"] == {
        "BACKEND": "loa.core.frontend_purge.HTTPPurgeBackend",
        "LOCATION": "http://127.0.0.1:8080",
    }
    assert caches["http-1"]["LOCATION"] == "http://10.0.0.5:80"
    assert caches["cloudflare"]["ZONEID"] == "zone-9"
    assert caches["cloudflare"]["BEARER_TOKEN"] == "secret"
    assert caches["cloudflare"]["API_URL"] == "https://api.cloudflare.com/client/v4"
    assert found["languages"] == []


def test_no_backend_without_the_environment():
    assert settings_in_subprocess()["caches"] == {}


def test_the_purge_listens_from_start_up():
    """Not only when a test imports the module: the app's ready() wires it."""
    assert "loa.core.frontend_purge" in settings_in_subprocess()["receivers"]


def test_the_home_page_itself_is_site_wide(http_cache, commit):
    home = home_page()
    commit(lambda: home.save_revision().publish())
    assert {"/"} | FEEDS <= http_cache.purged_paths()
