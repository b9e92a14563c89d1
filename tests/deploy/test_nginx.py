"""The shipped nginx configuration (deploy/nginx) on loopback, in front of real app servers.

Each test renders deploy/nginx/loa.conf.template with its own ports and paths and starts
nginx from a temporary prefix. The app servers are granian on the test database (the
root conftest's `app_server`), or, where a test needs an app that answers with exact
headers (a cookie on a public page, a slow or failing answer), a small recording server.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from loa.core.testing import make_article, make_section, service_missing

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "localhost"  # the test site's host name (loa.core.testing.home_page)
BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    @property
    def cache(self) -> str:
        return self.header("X-Cache-Status")

    @property
    def text(self) -> str:
        body = gzip.decompress(self.body) if self.header("Content-Encoding") == "gzip" else self.body
        return body.decode()


def fetch(
    base: str,
    path: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    source: str | None = None,
) -> Reply:
    """One request with the site's Host header, from `source` (a loopback address) if given."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=30, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, "User-Agent": BROWSER_UA, **(headers or {})})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


def module_installed(renderer, feature: str) -> bool:
    return renderer.module_installed(feature, renderer.SETTINGS["LOA_NGINX_MODULES_DIR"].default)


def missing(message: str) -> None:
    """.ci/run installs the Debian modules: under CI=true their tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: .ci/run installs it)")
    pytest.skip(message)


# --- A recording app for exact headers ---------------------------------------------------------


@dataclass
class FakeApp:
    """Answers by path prefix and counts what reached it; `failing` turns every answer into a 503."""

    url: str = ""
    hits: Counter = field(default_factory=Counter)
    seen: list[dict[str, str]] = field(default_factory=list)
    failing: bool = False
    max_age: int = 60


PUBLIC = "public, max-age=0, s-maxage={}, stale-while-revalidate=30"


@pytest.fixture
def fake_app() -> Iterator[FakeApp]:
    state = FakeApp()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            state.hits[self.path] += 1
            state.seen.append({"path": self.path, "method": self.command, **dict(self.headers.items())})
            if self.path.startswith("/slow/"):
                time.sleep(0.5)
            status = 503 if state.failing else 200
            body = f"<p>answer {state.hits[self.path]} for {self.path}</p>".encode() * 40
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if not self.path.startswith(("/plain/", "/private/")):
                self.send_header("Cache-Control", PUBLIC.format(state.max_age))
            if self.path.startswith("/private/"):
                self.send_header("Cache-Control", "private, no-store")
            if self.path.startswith("/cookie/"):
                self.send_header("Set-Cookie", "csrftoken=abc; Path=/; SameSite=Lax")
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_HEAD = answer  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


# --- The template -------------------------------------------------------------------------------


def _environ(**env: str) -> dict[str, str]:
    return {
        "LOA_NGINX_LISTEN": "127.0.0.1:8080",
        "LOA_NGINX_UPSTREAMS": "127.0.0.1:8001,127.0.0.1:8002",
        "LOA_NGINX_CACHE_DIR": "/tmp/loa-cache",
        **env,
    }


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"LOA_NGINX_PURGE": "off", "LOA_NGINX_BROTLI": "off", "LOA_NGINX_MEDIA": "off"},
        {"LOA_NGINX_TRUSTED_PROXIES": "10.0.0.0/8, 2001:db8::/32", "ALLOWED_HOSTS": "congthongtin.example.gov.vn"},
        {"LOA_NGINX_UPSTREAMS": "unix:/run/loa/app.sock", "LOA_NGINX_PURGE_ALLOW": "127.0.0.1 10.1.2.0/24"},
    ],
    ids=["defaults", "no-modules-media-on-s3", "behind-a-cdn", "unix-socket"],
)
def test_every_variant_passes_nginx_t(nginx_binary, renderer, tmp_path, env):
    main_conf, _ = renderer.standalone(tmp_path, _environ(**env))
    result = subprocess.run(
        [nginx_binary, "-t", "-p", str(tmp_path), "-c", str(main_conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    config = (tmp_path / "loa.conf").read_text()
    assert "${" not in config and "#{" not in config


def test_tls_variant_passes_nginx_t(nginx_binary, renderer, tmp_path):
    openssl = shutil.which("openssl")
    if openssl is None:
        service_missing("openssl is not installed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    env = _environ(LOA_NGINX_TLS_CERT=str(cert), LOA_NGINX_TLS_KEY=str(key), LOA_NGINX_TLS_LISTEN="127.0.0.1:8443")
    main_conf, _ = renderer.standalone(tmp_path, env)
    result = subprocess.run(
        [nginx_binary, "-t", "-p", str(tmp_path), "-c", str(main_conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"ALLOWED_HOSTS": "example.vn; return 200"},
        {"LOA_NGINX_UPSTREAMS": "127.0.0.1"},
        {"LOA_NGINX_UPSTREAMS": ""},
        {"LOA_NGINX_PURGE": "maybe"},
        {"LOA_NGINX_TLS_CERT": "/etc/ssl/cert.pem"},
        {"LOA_STATIC_ROOT": "/srv/static}\nserver {"},
    ],
)
def test_values_that_would_break_the_configuration_are_refused(renderer, env):
    with pytest.raises(renderer.ConfigError):
        renderer.render(_environ(**env))


def test_modules_are_used_only_when_installed(renderer, tmp_path):
    modules = tmp_path / "modules"
    modules.mkdir()
    bare = renderer.render(_environ(LOA_NGINX_MODULES_DIR=str(modules)))
    assert "brotli" not in bare.split("\n", 1)[1].replace("brotli off", "")
    assert "proxy_cache_purge" not in bare
    assert "return 405" in bare  # PURGE refused rather than passed to the app
    for name in (*renderer.MODULES["brotli"], *renderer.MODULES["purge"]):
        (modules / name).write_bytes(b"")
    full = renderer.render(_environ(LOA_NGINX_MODULES_DIR=str(modules)))
    assert "brotli_static on;" in full and "proxy_cache_purge loa_pages" in full
    assert renderer.load_module_lines(_environ(LOA_NGINX_MODULES_DIR=str(modules))).count("load_module") == 3


# --- Micro-cache rules, with the recording app --------------------------------------------------


def test_the_app_gets_the_readers_address_host_and_no_accept_encoding(nginx, fake_app):
    proxy = nginx([fake_app.url])
    fetch(proxy.url, "/plain/a", headers={"Accept-Encoding": "gzip, br"})
    [seen] = fake_app.seen
    assert seen["X-Real-IP"] == "127.0.0.1"  # LOA_CLIENT_IP_HEADER=HTTP_X_REAL_IP for loa.core.ratelimit
    assert seen["X-Forwarded-For"] == "127.0.0.1"
    assert seen["X-Forwarded-Proto"] == "http"
    assert seen["Host"] == HOST
    assert "Accept-Encoding" not in seen  # one plain copy in the cache, compressed per reader by nginx


def test_only_what_the_app_marks_shareable_is_stored(nginx, fake_app):
    proxy = nginx([fake_app.url])
    assert [fetch(proxy.url, "/public/a").cache for _ in range(3)] == ["MISS", "HIT", "HIT"]
    assert [fetch(proxy.url, "/plain/a").cache for _ in range(2)] == ["MISS", "MISS"]
    assert [fetch(proxy.url, "/private/a").cache for _ in range(2)] == ["MISS", "MISS"]
    assert fake_app.hits == {"/public/a": 1, "/plain/a": 2, "/private/a": 2}
    hit = fetch(proxy.url, "/public/a")
    assert hit.header("Cache-Control") == PUBLIC.format(60)  # passed on for a CDN in front


def test_a_response_setting_a_cookie_is_never_stored(nginx, fake_app):
    proxy = nginx([fake_app.url])
    replies = [fetch(proxy.url, "/cookie/form") for _ in range(3)]
    assert [r.cache for r in replies] == ["MISS", "MISS", "MISS"]
    assert all("csrftoken=abc" in r.header("Set-Cookie") for r in replies)
    assert fake_app.hits["/cookie/form"] == 3


@pytest.mark.parametrize("cookie", ["sessionid=k3j2h4g5", "messages=abc123", "loa_vid=1; sessionid=k3j2h4g5"])
def test_a_session_or_a_pending_message_bypasses_and_is_not_stored(nginx, fake_app, cookie):
    proxy = nginx([fake_app.url])
    assert fetch(proxy.url, "/public/b", headers={"Cookie": cookie}).cache == "BYPASS"
    assert fetch(proxy.url, "/public/b").cache == "MISS"  # the session's answer was not kept
    assert fetch(proxy.url, "/public/b", headers={"Cookie": cookie}).cache == "BYPASS"  # nor served a stored one
    assert fetch(proxy.url, "/public/b", headers={"Cookie": "loa_vid=abc; csrftoken=x"}).cache == "HIT"


def test_posts_always_reach_the_app(nginx, fake_app):
    proxy = nginx([fake_app.url])
    fetch(proxy.url, "/public/c")
    for _ in range(2):
        reply = fetch(proxy.url, "/public/c", method="POST", body=b"{}", headers={"Content-Type": "application/json"})
        assert reply.status == HTTPStatus.OK
        assert reply.cache == ""
    assert fake_app.hits["/public/c"] == 3


def test_one_request_per_url_reaches_the_app_when_many_readers_arrive_at_once(nginx, fake_app):
    proxy = nginx([fake_app.url])
    with ThreadPoolExecutor(12) as pool:
        replies = list(pool.map(lambda _: fetch(proxy.url, "/slow/storm-warning"), range(12)))
    assert all(r.status == HTTPStatus.OK for r in replies)
    assert fake_app.hits["/slow/storm-warning"] == 1  # proxy_cache_lock


def test_the_last_copy_is_served_while_the_app_fails(nginx, fake_app):
    fake_app.max_age = 1
    proxy = nginx([fake_app.url])
    first = fetch(proxy.url, "/public/d")
    fake_app.failing = True
    deadline = time.monotonic() + 20
    reply = fetch(proxy.url, "/public/d")
    while reply.cache == "HIT" and time.monotonic() < deadline:  # until the second of s-maxage is over
        time.sleep(0.2)
        reply = fetch(proxy.url, "/public/d")
    assert reply.status == HTTPStatus.OK
    assert reply.cache in {"STALE", "UPDATING"}
    assert reply.body == first.body
    assert fetch(proxy.url, "/public/never-cached").status == HTTPStatus.SERVICE_UNAVAILABLE


def test_purge_is_refused_to_other_addresses(nginx, renderer, fake_app):
    if not module_installed(renderer, "purge"):
        missing("libnginx-mod-http-cache-purge is not installed")
    proxy = nginx([fake_app.url])
    fetch(proxy.url, "/public/e")
    assert fetch(proxy.url, "/public/e", method="PURGE", source="127.0.0.2").status == HTTPStatus.FORBIDDEN
    assert fetch(proxy.url, "/public/e").cache == "HIT"
    assert fetch(proxy.url, "/public/e", method="PURGE", source="127.0.0.1").status == HTTPStatus.OK
    assert fetch(proxy.url, "/public/e").cache == "MISS"
    assert fetch(proxy.url, "/.loa-purge").status == HTTPStatus.NOT_FOUND  # internal only


def test_without_the_purge_module_purge_is_refused(nginx, fake_app):
    proxy = nginx([fake_app.url], LOA_NGINX_PURGE="off")
    fetch(proxy.url, "/public/f")
    assert fetch(proxy.url, "/public/f", method="PURGE").status == HTTPStatus.METHOD_NOT_ALLOWED
    assert fake_app.hits["/public/f"] == 1


# --- Static files and media from disk -----------------------------------------------------------


HASHED = re.compile(r"\.[0-9a-f]{12}\.css$")


def test_hashed_static_files_are_immutable_and_precompressed(nginx, fake_app, site_paths):
    proxy = nginx([fake_app.url])
    css = next(p for p in (site_paths.static_root / "loa" / "css").iterdir() if HASHED.search(p.name))
    path = "/static/" + css.relative_to(site_paths.static_root).as_posix()
    reply = fetch(proxy.url, path, headers={"Accept-Encoding": "gzip"})
    assert reply.status == HTTPStatus.OK
    assert reply.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert reply.header("Content-Encoding") == "gzip"
    assert reply.body == css.with_name(css.name + ".gz").read_bytes()  # whitenoise's .gz, not compressed again
    assert reply.header("X-Content-Type-Options") == "nosniff"
    assert reply.header("Content-Type").startswith("text/css")
    assert fake_app.hits == {}  # never reached the app

    plain = fetch(proxy.url, "/static/loa/css/portal.css")
    assert plain.header("Cache-Control") == "public, max-age=60"  # unhashed names may change on deploy
    assert plain.body == (site_paths.static_root / "loa" / "css" / "portal.css").read_bytes()


def test_brotli_when_the_module_is_installed(nginx, renderer, fake_app):
    if not module_installed(renderer, "brotli"):
        missing("the Debian brotli modules (libnginx-mod-http-brotli-filter, -static) are not installed")
    proxy = nginx([fake_app.url])
    assert fetch(proxy.url, "/static/loa/css/portal.css", headers={"Accept-Encoding": "br"}).header(
        "Content-Encoding"
    ) == ("br")
    assert fetch(proxy.url, "/public/g", headers={"Accept-Encoding": "gzip, br"}).header("Content-Encoding") == "br"


def test_media_from_disk_with_documents_kept_private(nginx, fake_app):
    proxy = nginx([fake_app.url])
    image = fetch(proxy.url, "/media/images/anh.width-800.jpg")
    assert image.status == HTTPStatus.OK
    assert image.header("Cache-Control") == "public, max-age=2592000"
    assert image.header("X-Content-Type-Options") == "nosniff"
    assert image.header("Content-Security-Policy") == "sandbox"
    assert fetch(proxy.url, "/media/documents/quyet-dinh.pdf").status == HTTPStatus.NOT_FOUND
    assert fake_app.hits == {}


def test_no_media_when_it_lives_in_object_storage(nginx, fake_app):
    proxy = nginx([fake_app.url], LOA_S3_BUCKET="loa-media")  # the app's own setting, in the same environment
    assert fetch(proxy.url, "/media/images/anh.width-800.jpg").status == HTTPStatus.NOT_FOUND
    assert fake_app.hits == {}


def test_upload_size_limits(nginx, fake_app):
    proxy = nginx([fake_app.url])
    big = b"x" * (30 * 1024 * 1024)
    assert fetch(proxy.url, "/hoi-dap/", method="POST", body=big).status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert fetch(proxy.url, "/admin/images/add/", method="POST", body=big).status == HTTPStatus.OK
    assert fetch(proxy.url, "/api/beacon/", method="POST", body=b"x" * 8192).status == (
        HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    )


# --- In front of the real app (granian on the test database) -----------------------------------


@pytest.fixture
def article(db):
    return make_article(make_section("Thời sự"), "Khánh thành cầu Hưng Hà")


def test_an_anonymous_article_is_a_miss_then_a_hit_at_nginx(nginx, app_server, shared_page_cache, article):
    app = app_server(workers=1, **shared_page_cache())
    proxy = nginx([app])
    first = fetch(proxy.url, article.url)
    assert first.status == HTTPStatus.OK
    assert first.cache == "MISS"
    assert "s-maxage=60" in first.header("Cache-Control")
    second = fetch(proxy.url, article.url, headers={"Accept-Encoding": "gzip"})
    assert second.cache == "HIT"
    assert second.header("Content-Encoding") == "gzip"
    assert second.text == first.text
    assert "Khánh thành cầu Hưng Hà" in second.text
    # Django's security headers come with the page, once (nginx adds none of its own there).
    assert second.headers.get_all("X-Content-Type-Options") == ["nosniff"]
    assert second.headers.get_all("X-Frame-Options") == ["SAMEORIGIN"]
    reached = [line for line in proxy.upstream_lines() if f" {article.url} " in line and "127.0.0.1:" in line]
    assert len([line for line in reached if line.endswith("MISS")]) == 1


def test_an_editor_is_never_served_nor_stored(nginx, app_server, shared_page_cache, article, django_user_model):
    from django.test import Client

    editor = django_user_model.objects.create_user("bientap", password="x", is_staff=True, is_superuser=True)
    browser = Client()
    browser.force_login(editor)
    session = browser.cookies["sessionid"].value
    app = app_server(workers=1, **shared_page_cache())
    proxy = nginx([app])

    seen = fetch(proxy.url, article.url, headers={"Cookie": f"sessionid={session}"})
    assert seen.status == HTTPStatus.OK
    assert seen.cache == "BYPASS"
    assert seen.header("X-Loa-Cache") == ""  # rendered for the editor, not from the app's cache either
    anonymous = fetch(proxy.url, article.url)
    assert anonymous.cache == "MISS"  # the editor's render was not kept
    assert anonymous.header("X-Loa-Cache") == "MISS"
    assert fetch(proxy.url, article.url, headers={"Cookie": f"sessionid={session}"}).cache == "BYPASS"


def test_the_beacon_passes_through_and_counts(nginx, app_server, shared_page_cache, article):
    from loa.stats.models import PageViewCount

    app = app_server(workers=1, **shared_page_cache())
    proxy = nginx([app])
    body = json.dumps({"page": article.pk}).encode()
    for visitor in ("a" * 32, "b" * 32):
        reply = fetch(
            proxy.url,
            "/api/beacon/",
            method="POST",
            body=body,
            headers={"Content-Type": "application/json", "Cookie": f"loa_vid={visitor}"},
        )
        assert reply.status == HTTPStatus.OK
        assert reply.cache == ""
        assert json.loads(reply.body)["counted"] is True
        assert "loa_vid=" in reply.header("Set-Cookie")
    assert PageViewCount.objects.get(page_id=article.pk).count == 2


def test_a_form_page_with_its_csrf_cookie_is_never_stored(nginx, app_server, shared_page_cache):
    from django.utils import timezone

    from loa.core.testing import home_page
    from loa.qa.demo import load_demo
    from loa.qa.models import QuestionIndexPage

    load_demo(home_page(), timezone.now())
    form_url = QuestionIndexPage.objects.live().first().url + "dat-cau-hoi/"
    app = app_server(workers=1, **shared_page_cache())
    proxy = nginx([app])
    for _ in range(2):
        reply = fetch(proxy.url, form_url)
        assert reply.status == HTTPStatus.OK
        assert reply.cache == "MISS"
        assert "csrfmiddlewaretoken" in reply.text
        assert "csrftoken=" in reply.header("Set-Cookie")


def test_a_published_change_shows_within_the_micro_cache_lifetime(nginx, app_server, shared_page_cache, article):
    """Without the purge module, s-maxage bounds how long nginx shows the old page."""
    app = app_server(workers=1, **shared_page_cache(seconds=2))
    proxy = nginx([app], LOA_NGINX_PURGE="off")
    fetch(proxy.url, article.url)
    assert fetch(proxy.url, article.url).cache == "HIT"

    article.title = "Cầu Hưng Hà thông xe sớm"
    article.save_revision().publish()

    deadline = time.monotonic() + 30  # a generous bound for a loaded machine; s-maxage is 2 s
    statuses = []
    while time.monotonic() < deadline:
        reply = fetch(proxy.url, article.url)
        statuses.append(reply.cache)
        if "Cầu Hưng Hà thông xe sớm" in reply.text:
            break
        time.sleep(0.25)
    else:
        pytest.fail(f"nginx still served the old page: {statuses}")


def test_publishing_purges_the_page_from_nginx(nginx, renderer, app_server, shared_page_cache, article, settings):
    from loa.core import frontend_purge  # noqa: F401 -- listens once imported (start-up wiring: loa/core/tests)

    if not module_installed(renderer, "purge"):
        missing("libnginx-mod-http-cache-purge is not installed")
    app = app_server(workers=1, **shared_page_cache(seconds=60))
    proxy = nginx([app])
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "loa.core.frontend_purge.HTTPPurgeBackend", "LOCATION": proxy.url}
    }
    section = article.get_parent().specific
    for url in (article.url, section.url, "/"):
        fetch(proxy.url, url)
        for _ in range(3):  # hits enough for open_file_cache to keep the entry's file open
            assert fetch(proxy.url, url).cache == "HIT"

    article.title = "Cầu Hưng Hà thông xe sớm"
    article.save_revision().publish()  # commits: content_changed → PURGE to nginx

    for url in (article.url, section.url, "/"):
        fresh = fetch(proxy.url, url)
        assert fresh.cache == "MISS", url
        assert "Cầu Hưng Hà thông xe sớm" in fresh.text, url
        again = fetch(proxy.url, url)  # the new entry, not the old file through a kept descriptor
        assert again.cache == "HIT", url
        assert "Cầu Hưng Hà thông xe sớm" in again.text, url
    purges = [line for line in proxy.upstream_lines() if '"PURGE ' in line]
    assert any(f"PURGE {article.url} " in line and " 200 " in line for line in purges)


def test_two_app_servers_behind_one_nginx_serve_the_same_site(nginx, app_server, shared_page_cache, article):
    env = shared_page_cache()
    first, second = app_server(workers=1, **env), app_server(workers=1, **env)
    # A third address where nothing listens: nginx passes over it (proxy_next_upstream).
    proxy = nginx([first, second, "127.0.0.1:9"])
    session = {"Cookie": "sessionid=not-a-session"}  # BYPASS: every request reaches an app server

    replies = [fetch(proxy.url, article.url, headers=session) for _ in range(6)]
    assert all(r.status == HTTPStatus.OK and "Khánh thành cầu Hưng Hà" in r.text for r in replies)
    answered = {line.split()[-2].split(",")[-1].strip() for line in proxy.upstream_lines() if article.url in line}
    assert {urlsplit(first).netloc, urlsplit(second).netloc} <= answered

    article.title = "Cầu Hưng Hà thông xe sớm"
    article.save_revision().publish()  # in this process: both servers see it (shared database and version)
    replies = [fetch(proxy.url, article.url, headers=session) for _ in range(4)]
    assert all("Cầu Hưng Hà thông xe sớm" in r.text for r in replies)
    assert fetch(proxy.url, article.url).cache == "MISS"
    assert fetch(proxy.url, article.url).cache == "HIT"
