"""The database goes away under a running server: cached pages still answer, the rest get a 503.

The app server (granian) reaches PostgreSQL through a TCP proxy on loopback that the
test cuts, as a network failure or a stopped database would. PostgreSQL only: the suite
runs again on it (bin/test), and SQLite is a local file that cannot become unreachable.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import urllib.error
import urllib.request
from email.message import Message
from urllib.parse import urlsplit, urlunsplit

import pytest

from loa.core.testing import database_url_for_current_connection, make_article, make_section

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


class CuttableProxy:
    """Forwards TCP connections to a target until `cut()` closes everything at once."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        # shutdown() wakes the thread blocked in accept(); close() alone leaves the port listening.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()


def get(base: str, path: str) -> tuple[int, Message, str]:
    request = urllib.request.Request(base + path, headers={"Host": "localhost"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 -- loopback
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_cached_pages_survive_and_the_rest_is_a_vietnamese_503(app_server, client, tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs a database behind a network connection (the PostgreSQL run)")
    from django.contrib.contenttypes.models import ContentType

    # An earlier transactional test's flush recreated the content types: ids cached before it are stale.
    ContentType.objects.clear_cache()
    section = make_section("Thời sự")
    article = make_article(section, "Khai mạc hội chợ nông sản")
    other = make_section("Văn hóa")
    for path in (article.url, "/"):
        client.get(path)  # first renders create the settings rows

    parts = urlsplit(database_url_for_current_connection())
    proxy = CuttableProxy((parts.hostname or "127.0.0.1", parts.port or 5432))
    proxied = urlunsplit(parts._replace(netloc=f"{parts.username}@127.0.0.1:{proxy.port}"))
    base = app_server(
        workers=1,
        DATABASE_URL=proxied,
        LOA_PAGE_CACHE_SECONDS="60",
        LOA_PAGE_CACHE_VERSION_FILE=str(tmp_path / "page-cache-version"),
    )
    for path in (article.url, "/"):
        get(base, path)
        status, headers, html = get(base, path)
        assert headers.get("X-Loa-Cache") == "HIT", (status, headers, html[:3000])

    proxy.cut()

    for path in (article.url, "/"):
        status, headers, html = get(base, path)
        assert (status, headers["X-Loa-Cache"]) == (200, "HIT")
        assert "Khai mạc hội chợ nông sản" in html
    status, headers, html = get(base, other.url)
    assert status == 503, (other.url, dict(headers), html[:1500])
    assert headers["Retry-After"] == "60"
    assert "Hệ thống tạm thời gián đoạn" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert get(base, "/admin/login/")[0] == 503
