"""Huge, malformed and tricky requests to a real server (granian): a 4xx, never a 5xx, and a clean page cache.

What a client library will not send (raw bytes in the request line, absolute URIs, two
Host headers, broken chunking, headers of a megabyte) reaches granian itself, the page
cache's WSGI wrapper (loa/wsgi.py) or Django through the production server
(loa.core.serving) on the test database. The server's output is kept: a traceback in it
fails the test. And no odd request may make the page cache store, under the address normal
readers use, anything but the page they would have got.

Kept apart from test_requests.py: those tests share one demo portal in a transaction held
open for the module, which a server in another process could neither see nor wait for.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import time
from http import HTTPStatus
from pathlib import Path

import pytest

from loa.core.testing import make_article, make_section

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

# --- through a real server (granian) ------------------------------------------------------------


@pytest.fixture
def server(tmp_path, settings):
    """granian (one worker) on the test database, its output kept to look for tracebacks afterwards."""
    from django.conf import settings as django_settings

    from loa.core.serving import granian_argv
    from loa.core.testing import database_url_for_current_connection

    started: list[tuple[subprocess.Popen, Path]] = []

    def start(**env: str) -> int:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        log = tmp_path / f"granian-{port}.log"
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "loa.settings.test",
            "DATABASE_URL": database_url_for_current_connection(),
            "LOA_COUNTER_REDIS_URL": "",
            "LOA_COUNTER_PREFIX": django_settings.LOA_COUNTER_PREFIX,
            "LOA_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **env,
        }
        with log.open("wb") as output:
            process = subprocess.Popen(
                granian_argv("127.0.0.1", port, 1), env=environment, stdout=output, stderr=subprocess.STDOUT
            )
        started.append((process, log))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return port
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("granian exited at start: " + log.read_text(errors="replace")) from None
                time.sleep(0.1)
        raise RuntimeError("granian did not start in 30 s")

    yield start
    for process, _ in started:
        process.terminate()
    for process, log in started:
        process.wait(10)
        text = log.read_text(errors="replace")
        assert "Traceback" not in text and "Internal Server Error" not in text, text[-3000:]


class Answer:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        head, _, self.body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        match = re.match(r"HTTP/\d(?:\.\d)? (\d{3})", lines[0]) if lines and lines[0] else None
        self.status = int(match.group(1)) if match else None
        self.headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}


def send(port: int, data: bytes, timeout: float = 10) -> Answer:
    """Send raw bytes, read until the server closes (requests carry Connection: close)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # refused before the whole body: read on
            connection.sendall(data)
        chunks = []
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return Answer(b"".join(chunks))


def get(port: int, target: bytes, host: bytes = b"localhost", extra: bytes = b"", method: bytes = b"GET") -> Answer:
    return send(
        port, method + b" " + target + b" HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n" + extra + b"\r\n"
    )


@pytest.fixture
def article(db):
    return make_article(make_section("Thời sự"), "Khai mạc hội chợ nông sản")


FOUR = range(400, 500)
RAW_REQUESTS = {
    # name: (request bytes, acceptable statuses)
    "absolute-uri-other-host": (b"GET http://evil.com/ HTTP/1.1\r\nHost: localhost\r\n", {200, 400}),
    "absolute-uri": (b"GET http://localhost/ HTTP/1.1\r\nHost: localhost\r\n", {200}),
    "raw-invalid-utf8": (b"GET /\xff\xfe/ HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "raw-nul": (b"GET /a\x00b/ HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "encoded-invalid-utf8": (b"GET /%ff%fe/?q=%ff HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "encoded-nul": (b"GET /a%00b/ HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "nul-in-query": (b"GET /?q=%00&trang=%ff HTTP/1.1\r\nHost: localhost\r\n", {200}),
    "path-10kb": (b"GET /" + b"a" * 10_000 + b"/ HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "path-100kb": (b"GET /" + b"a" * 100_000 + b"/ HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "5000-parameters": (b"GET /?" + b"&".join(b"a%d=1" % n for n in range(5000)) + b" HTTP/1.1\r\nHost: localhost\r\n",
                        {400}),
    "dot-dot-encoded": (b"GET /..%2f..%2fetc/passwd HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "dot-dot-percent": (b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "dot-dot-raw": (b"GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "double-encoded": (b"GET /%252e%252e/%252e%252e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "static-settings": (b"GET /static/../settings.py HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "media-out": (b"GET /media/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "media-out-encoded": (b"GET /media/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "double-slash": (b"GET //evil.com HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "double-slash-no-trailing": (b"GET //evil.com/thoi-su HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "backslash": (b"GET /\\evil.com HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "no-host-1.0": (b"GET / HTTP/1.0\r\n", {400}),
    "no-host-1.1": (b"GET / HTTP/1.1\r\n", {400}),
    "unknown-host": (b"GET / HTTP/1.1\r\nHost: evil.com\r\n", {400}),
    "host-with-at": (b"GET / HTTP/1.1\r\nHost: evil.com@localhost\r\n", {400}),
    "two-hosts": (b"GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.com\r\n", {400}),
    "binary-host": (b"GET / HTTP/1.1\r\nHost: \xff\xfe\r\n", {400}),
    "host-with-port-garbage": (b"GET / HTTP/1.1\r\nHost: localhost:99999999999\r\n", {200, 400}),
    "trace": (b"TRACE / HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "propfind": (b"PROPFIND / HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "delete": (b"DELETE / HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "put": (b"PUT / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc", FOUR),
    "bad-method-token": (b"G@T / HTTP/1.1\r\nHost: localhost\r\n", FOUR),
    "http-0.9": (b"GET /\r\n", FOUR),
    "http-9.9": (b"GET / HTTP/9.9\r\nHost: localhost\r\n", FOUR),
    "tls-to-plain-port": (b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + b"\x00" * 100, FOUR),
    "header-100kb": (b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 100_000 + b"\r\n", {200}),
    "cookie-60kb": (b"GET / HTTP/1.1\r\nHost: localhost\r\nCookie: a=" + b"a" * 60_000 + b"\r\n", {200}),
    "header-1mb": (b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n", FOUR),
    "500-headers": (b"GET / HTTP/1.1\r\nHost: localhost\r\n" + b"".join(b"X-H%d: 1\r\n" % n for n in range(500)), FOUR),
    "garbage-cookies": (b"GET / HTTP/1.1\r\nHost: localhost\r\n"
                        b"Cookie: sessionid=\xff\xfe; messages=%%%; csrftoken=\x01\r\n", {200, *FOUR}),
    "content-length-letters": (b"POST /api/beacon/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n{}", FOUR),
    "content-length-negative": (b"POST /api/beacon/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n{}", FOUR),
    "length-and-chunked": (b"POST /api/beacon/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
                           b"Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n", FOUR),
    "broken-chunks": (b"POST /api/beacon/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                      b"Content-Type: application/json\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", FOUR),
    "beacon-100kb": (b"POST /api/beacon/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100000\r\n\r\n" + b"a" * 100_000, FOUR),
    "form-over-memory-limit": (b"POST /hoi-dap/dat-cau-hoi/ HTTP/1.1\r\nHost: localhost\r\n"
                               b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 11534336\r\n\r\n"
                               + b"a" * 11_534_336, FOUR),
    "expect-continue": (b"POST /api/beacon/ HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                        b"Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", {100, 400}),
    "documents-abc": (b"GET /documents/abc/ HTTP/1.1\r\nHost: localhost\r\n", {404}),
    "huge-page-number": (b"GET /?trang=99999999999999999999 HTTP/1.1\r\nHost: localhost\r\n", {200}),
    "bad-date": (b"GET /tim-kiem/?q=a&date_from=2026-13-45 HTTP/1.1\r\nHost: localhost\r\n", {200}),
}  # fmt: skip


def test_a_real_server_answers_every_malformed_request_with_a_4xx(server, article):
    port = server()
    for name, (request, statuses) in RAW_REQUESTS.items():
        data = request if b"\r\n\r\n" in request else request + b"Connection: close\r\n\r\n"
        if b"Connection:" not in data:
            data = data.replace(b"\r\n", b"\r\nConnection: close\r\n", 1)
        try:
            answer = send(port, data)
        except TimeoutError:
            pytest.fail(f"{name}: no answer")
        assert answer.status in statuses, (name, answer.raw[:200])
        assert b"root:x:0:0" not in answer.raw, name
    assert get(port, article.url.encode()).status == HTTPStatus.OK  # and it still serves readers


def test_a_real_server_answers_ranges_on_media_and_keeps_media_in_its_folder(server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media" / "original_images").mkdir(parents=True)
    (tmp_path / "media" / "original_images" / "anh.jpg").write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 8)
    port = server()
    photo = b"/media/original_images/anh.jpg"
    assert get(port, photo).status == HTTPStatus.OK
    for byte_range in (b"bytes=0-10", b"bytes=99999999999999999999-", b"bytes=5-1", b"bytes=abc"):
        answer = get(port, photo, extra=b"Range: " + byte_range + b"\r\n")
        assert answer.status in (HTTPStatus.OK, HTTPStatus.PARTIAL_CONTENT, 416), byte_range
    assert get(port, photo, method=b"HEAD").body == b""
    for escape in (b"/media/../../etc/passwd", b"/media/%2e%2e/%2e%2e/etc/passwd", b"/media/..%2f..%2fetc/passwd"):
        answer = get(port, escape)
        assert answer.status in FOUR and b"root:x:0:0" not in answer.body, escape


# What a cached page must not carry into readers' copies, by the odd request that rendered it first.
POISON_ATTEMPTS = {
    "tracker-parameter": {"target": "{path}?utm_source=%3Cscript%3Ealert(1)%3C/script%3E", "marker": b"alert(1)"},
    "host-in-capitals": {"host": b"LOCALHOST", "marker": b"LOCALHOST"},
    "host-with-trailing-dot": {"host": b"localhost.", "marker": b"localhost./"},
    "absolute-uri": {"target": "http://evil.com{path}", "marker": b"evil.com"},
    "forwarded-host": {"extra": b"X-Forwarded-Host: evil.com\r\nX-Forwarded-Server: evil\r\n", "marker": b"evil.com"},
    "forwarded-proto": {"extra": b"X-Forwarded-Proto: https\r\nX-Forwarded-Port: 8443\r\n", "marker": b"https://local"},
    "rewrite-headers": {"extra": b"X-Original-URL: /admin/\r\nX-Rewrite-URL: /admin/\r\n", "marker": None},
    "head-first": {"method": b"HEAD", "marker": None},
    "range-first": {"extra": b"Range: bytes=0-10\r\n", "marker": None},
    "gzip-first": {"extra": b"Accept-Encoding: gzip\r\n", "marker": None},
    "odd-query": {"target": "{path}?q=%ff%fe%00&trang=-1", "marker": None},
    "corrupt-session": {"extra": b"Cookie: sessionid=garbage; messages=garbage\r\n", "marker": None},
}


def test_no_odd_request_poisons_the_page_readers_get_from_the_cache(server, page_cache, settings):
    section = make_section("Thời sự")
    articles = {name: make_article(section, f"Bài thử số {n}") for n, name in enumerate(POISON_ATTEMPTS, 1)}
    port = server(LOA_PAGE_CACHE_SECONDS="60", LOA_PAGE_CACHE_VERSION_FILE=settings.LOA_PAGE_CACHE_VERSION_FILE)
    for name, attempt in POISON_ATTEMPTS.items():
        path = articles[name].url
        target = attempt.get("target", "{path}").format(path=path).encode()
        odd = get(port, target, host=attempt.get("host", b"localhost"), extra=attempt.get("extra", b""),
                  method=attempt.get("method", b"GET"))  # fmt: skip
        assert odd.status is not None and odd.status < HTTPStatus.INTERNAL_SERVER_ERROR, name
        for _ in range(2):  # a miss that stores, or a hit of what the odd request stored; then surely a hit
            reader = get(port, path.encode())
            assert reader.status == HTTPStatus.OK, name
            assert f"Bài thử số {list(POISON_ATTEMPTS).index(name) + 1}".encode() in reader.body, name
            assert "content-encoding" not in reader.headers, name
            if attempt["marker"]:
                assert attempt["marker"] not in reader.body, name
        assert reader.headers.get("x-loa-cache") == "HIT", name
