"""Builders for tests: a small portal tree with real pages, images and authors."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site


def home_page():
    """The site's home page; rebuilt when a transactional test has flushed the migration's data."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    from loa.home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        # After a flush the content types are new rows: ids cached before it would be stale.
        ContentType.objects.clear_cache()
        Locale.objects.get_or_create(language_code="vi")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Loa"}
        )
    return home


def make_image(title: str = "Ảnh thử", size: tuple[int, int] = (320, 180), color: str = "#a50e0e") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="test.jpg"))


def make_section(title: str, parent: Page | None = None, **fields):
    from loa.news.models import SectionPage

    section = SectionPage(title=title, show_in_menus=True, **fields)
    (parent or home_page()).add_child(instance=section)
    section.save_revision().publish()
    return section


def make_article(section, title: str, *, published: dt.datetime | None = None, authors=(), **fields):
    from loa.news.models import ArticleAuthor, ArticlePage

    article = ArticlePage(title=title, **fields)
    section.add_child(instance=article)
    for author in authors:
        article.article_authors.add(ArticleAuthor(author=author))
    article.save_revision().publish()
    if published:
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published, last_published_at=published)
        article.refresh_from_db()
        from loa.search.index import index_page

        index_page(article)  # as the demo loader does after moving dates back
    return article


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


# --- Services the tests need (real ones: skipped locally without them, failed under CI) --------

IN_CI = os.environ.get("CI") == "true"


def service_missing(message: str) -> None:
    if IN_CI:
        pytest.fail(f"{message} (CI=true: service-backed tests must run)")
    pytest.skip(message)


def redis_client():
    """The test Redis (LOA_TEST_REDIS_URL, db 15 by default) and its URL; skips, or fails under CI, without it."""
    import redis

    url = os.environ.get("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        service_missing(f"Redis not reachable at {url}: {error}")
    return client, url


def database_url_for_current_connection() -> str:
    """A DATABASE_URL naming the database the tests are using (the test database)."""
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    host = s.get("HOST") or "127.0.0.1"
    port = s.get("PORT") or 5432
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s.get('USER') or 'postgres'}{password}@{host}:{port}/{s['NAME']}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (for a server a test starts)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process=None, timeout: float = 30.0) -> None:
    """Return once 127.0.0.1:`port` accepts connections; raise if `process` (a Popen) exits or time runs out."""
    import socket
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{process.args[0]} exited at start ({process.returncode})") from None
            time.sleep(0.05)
    raise RuntimeError(f"nothing listened on port {port} within {timeout:.0f} s")


class WSGIAnswer:
    """What a WSGI application answered: status, headers and body."""

    def __init__(self, app, environ: dict) -> None:
        self.status = ""
        self.headers: list[tuple[str, str]] = []

        def start_response(status: str, headers: list) -> None:
            self.status, self.headers = status, headers

        from django.core.signals import request_finished, request_started
        from django.db import close_old_connections

        # As Django's test client does: closing "old" connections would end the test's transaction.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = app(environ, start_response)
            try:
                self.body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    @property
    def status_code(self) -> int:
        return int(self.status.split()[0])

    def json(self):
        import json

        return json.loads(self.body)

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)
