"""Two sites side by side in one test: the original (the test database) and the one restored into.

A site is a database plus its folders (uploads, Hỏi đáp attachments, var/). `on(site)` points
Django's default connection and those settings at it, so the test client, the ORM and the
commands all see that site, as they would in its own process.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import io
import json
import re
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.utils import translation

from loa.core.testing import make_article, make_image, make_section, service_missing

BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


@dataclass
class SiteUnderTest:
    database: str  # SQLite file or PostgreSQL database name
    root: Path

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def private(self) -> Path:
        return self.root / "private"

    @property
    def var(self) -> Path:
        return self.root / "var"


def forget_process_caches() -> None:
    """What this process remembers about one site must not leak into the other's answers."""
    from django.contrib.contenttypes.models import ContentType

    for alias in ("default", "renditions", "pages"):
        caches[alias].clear()
    ContentType.objects.clear_cache()


@contextlib.contextmanager
def on(site: SiteUnderTest) -> Iterator[SiteUnderTest]:
    connection = connections["default"]
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = site.database
    forget_process_caches()
    try:
        with override_settings(MEDIA_ROOT=site.media, LOA_QA_PRIVATE_ROOT=str(site.private), VAR_DIR=site.var):
            yield site
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
        forget_process_caches()
        # Warm again from the test database: pytest-django's serialized rollback rebuilds pages
        # whose constructor looks their content type up, and on a cold cache that lookup inserts
        # the row the next line of the serialized data then inserts a second time.
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def original(tmp_path) -> SiteUnderTest:
    """The site backed up: the test database, with folders of its own."""
    site = SiteUnderTest(connections["default"].settings_dict["NAME"], tmp_path / "original")
    for folder in (site.media, site.private, site.var):
        folder.mkdir(parents=True)
    return site


@pytest.fixture
def restored(tmp_path) -> Iterator[SiteUnderTest]:
    """An empty site to restore into: a new SQLite file, or a new PostgreSQL database."""
    connection = connections["default"]
    if connection.vendor == "sqlite":
        yield SiteUnderTest(str(tmp_path / "restored.sqlite3"), tmp_path / "restored")
        return
    import psycopg

    params = connection.get_connection_params()
    name = f"{connection.settings_dict['NAME']}_restore"[:63]
    server_params = {key: params[key] for key in ("host", "port", "user", "password") if params.get(key)}
    try:
        server = psycopg.connect(dbname="postgres", autocommit=True, **server_params)
    except psycopg.Error as error:
        service_missing(f"PostgreSQL: {error}")
    with server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')
        yield SiteUnderTest(name, tmp_path / "restored")
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


PDF = b"%PDF-1.4\n%%EOF\n"


def add_uploads(title: str) -> None:
    """An article with a photo, a document and a citizen's question with an attachment."""
    from wagtail.documents.models import Document

    from loa.qa.models import Question, Topic

    section = make_section(f"Chuyên mục {title}")
    make_article(section, f"Bài {title}", main_image=make_image(f"Ảnh {title}"))
    Document.objects.create(title=f"Văn bản {title}", file=ContentFile(PDF, name=f"{title}.pdf"))
    topic = Topic.objects.first() or Topic.objects.create(name="Hành chính")
    question = Question(asker_name="Trần Thị B", topic=topic, title=f"Câu hỏi {title}", text="Nội dung " * 5)
    question.attachment.save("dinh-kem.pdf", ContentFile(PDF), save=False)
    question.save()


def back_up(path: Path, **options) -> str:
    """Run `loa_backup`; its output, in English so that tests do not depend on the catalogue."""
    output = io.StringIO()
    with translation.override("en"):
        call_command("loa_backup", output=path, stdout=output, stderr=output, **options)
    return output.getvalue()


def restore(path: Path, **options) -> str:
    output = io.StringIO()
    with translation.override("en"):
        call_command("loa_restore", str(path), stdout=output, stderr=output, **{"yes": True, **options})
    return output.getvalue()


# --- what a site holds -------------------------------------------------------------------


def file_digests(*folders: Path) -> dict[str, str]:
    """Every file under the folders, by relative path, with its SHA-256."""
    digests = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digests[f"{folder.name}/{path.relative_to(folder)}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def model_rows(exclude: tuple[str, ...] = ("loa_core.contentversion",)) -> dict[str, list[tuple]]:
    """Every row of every table Django manages, in primary-key order."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.label_lower in exclude:
            continue
        fields = [field.attname for field in meta.concrete_fields]
        rows[meta.label_lower] = list(model._base_manager.using("default").order_by("pk").values_list(*fields))
    return rows


def row_counts() -> dict[str, int]:
    return {label: len(rows) for label, rows in model_rows(exclude=()).items()}


# Parts of a page that differ on every request by design: the CSRF token, the Hỏi đáp form's
# signed one-time token and the arithmetic question derived from it.
VOLATILE = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*'), r"\1…"),
    (re.compile(r'(name="token" value=")[^"]*'), r"\1…"),
    (re.compile(r'(<label for="id_captcha"[^>]*>)(.*?)(</label>)', re.S), r"\1…\3"),
]


def normalised(html: bytes) -> str:
    text = html.decode()
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def render_all(urls: list[str]) -> dict[str, tuple[int, str]]:
    from django.test import Client

    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = (response.status_code, normalised(response.content))
    return pages


def public_urls() -> list[str]:
    """Every live page's address, and the non-page views a reader or a search engine reaches."""
    from wagtail.models import Page

    urls = sorted({page.get_url() for page in Page.objects.live().filter(depth__gt=1).specific() if page.get_url()})
    return urls + ["/sitemap.xml", "/rss/", "/robots.txt", "/tim-kiem/?q=hung+yen"]


# --- real concurrent writes ----------------------------------------------------------------


class BeaconWriter(threading.Thread):
    """Keeps sending beacons of new readers to a running server until told to stop."""

    def __init__(self, base_url: str, page_id: int) -> None:
        super().__init__(daemon=True)
        self.parts = urlsplit(base_url)
        self.body = json.dumps({"page": page_id}).encode()
        self.statuses: Counter = Counter()
        self.halt = threading.Event()

    def run(self) -> None:
        connection = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=30)
        while not self.halt.is_set():
            headers = {
                "User-Agent": BROWSER_UA,
                "Content-Type": "application/json",
                "Cookie": f"loa_vid={uuid.uuid4().hex}",
            }
            connection.request("POST", "/api/beacon/", body=self.body, headers=headers)
            response = connection.getresponse()
            response.read()
            self.statuses[response.status] += 1
        connection.close()

    def stop(self) -> Counter:
        self.halt.set()
        self.join(30)
        return self.statuses
