"""A demo site backed up while readers' beacons keep writing, restored into an empty database and
folders, then compared page by page, file by file and row by row.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL (bin/test does both; CI requires both).
"""

from __future__ import annotations

import datetime as dt
import io
import time
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from loa.core.testing import make_image

from .conftest import BeaconWriter, back_up, file_digests, model_rows, on, public_urls, render_all, restore

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


#: Tasks queued in the database, as on a running site (the worker is not running here); the test
#: settings' immediate backend would re-index every page while the demo loads, six times slower.
QUEUED_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@override_settings(TASKS=QUEUED_TASKS)
def build_site() -> int:
    """The demo portal plus an upload of each kind and a citizen's attachment; returns an article's id."""
    from wagtail.documents.models import Document
    from wagtailmedia.models import Media

    from loa.news.models import ArticlePage
    from loa.qa.models import Question, Topic

    call_command("load_demo", stdout=io.StringIO())
    make_image("Ảnh tải lên để sao lưu", size=(400, 300), color="#1e6b3a")
    Document.objects.create(title="Quyết định thử", file=ContentFile(MINIMAL_PDF, name="quyet-dinh.pdf"))
    audio = ContentFile(b"ID3\x03" + bytes(256), name="ban-tin.mp3")
    Media.objects.create(title="Bản tin âm thanh", type="audio", duration=1, file=audio)
    question = Question(asker_name="Nguyễn Văn A", topic=Topic.objects.first(), title="Hỏi về giấy tờ", text="x" * 40)
    question.attachment.save("giay-to.pdf", ContentFile(MINIMAL_PDF), save=False)
    question.attachment_name = "Giấy tờ.pdf"
    question.save()
    return ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True).first()


def beacon_totals(page_id: int) -> tuple[int, int, int, int]:
    """Counters one beacon hit moves together, in one transaction."""
    from django.db.models import Sum

    from loa.stats.models import CountedVisitor, DailyPageView, DailyVisit, PageViewCount

    return (
        PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0,
        DailyPageView.objects.filter(page_id=page_id).aggregate(total=Sum("count"))["total"] or 0,
        DailyVisit.objects.aggregate(total=Sum("count"))["total"] or 0,
        CountedVisitor.objects.count(),
    )


def readers_leave() -> None:
    """The writer's readers are no longer "online", on either site, however long the test takes."""
    from loa.stats.models import OnlineVisitor

    OnlineVisitor.objects.update(last_seen=timezone.now() - dt.timedelta(days=1))


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the beacon writer made no progress"
        time.sleep(0.05)


def test_a_site_backed_up_while_it_writes_comes_back_identical(original, restored, app_server, tmp_path):
    with on(original):
        (original.var / "secret_key").write_text("the-original-site's-own-key")
        page_id = build_site()
        before = beacon_totals(page_id)

        # 1. Back up while a server process records readers' beacons.
        writer = BeaconWriter(app_server(workers=1), page_id)
        writer.start()
        wait_for(lambda: beacon_totals(page_id)[0] >= before[0] + 20)
        back_up_output = back_up(tmp_path / "busy.tar.gz")
        counted_at_end_of_backup = beacon_totals(page_id)[0]
        wait_for(lambda: beacon_totals(page_id)[0] >= counted_at_end_of_backup + 20)
        statuses = writer.stop()
        assert set(statuses) == {HTTPStatus.OK}, statuses
        after = beacon_totals(page_id)
        readers_leave()
    assert "busy.tar.gz" in back_up_output

    with on(restored):
        # As the embedded default does on its first start: a key of its own, in var/secret_key.
        restored.var.mkdir(parents=True)
        (restored.var / "secret_key").write_text(settings.SECRET_KEY)
        output = restore(tmp_path / "busy.tar.gz")
        assert "Restored." in output
        snapshot = beacon_totals(page_id)
    # The copy is one moment of the database: every hit in it entirely, or not at all.
    hits = {total - start for total, start in zip(snapshot, before, strict=True)}
    assert len(hits) == 1, (before, snapshot)
    assert 20 <= hits.pop() < after[0] - before[0]

    # 2. Quiet now: the restored site must be the original, page for page and byte for byte.
    with on(original):
        urls = public_urls()
        assert len(urls) > 60
        render_all(urls)  # renditions are made on first view: make them before the backup
        back_up(tmp_path / "quiet.tar.gz")
        original_pages = render_all(urls)
        original_rows = model_rows()
        original_version = content_version()
    assert sum(1 for status, _html in original_pages.values() if status == HTTPStatus.OK) >= len(urls) - 1

    with on(restored):
        restore(tmp_path / "quiet.tar.gz")  # over the site restored above: replacing, not adding
        restored_pages = render_all(urls)
        restored_rows = model_rows()
        restored_version = content_version()
        assert (restored.var / "secret_key").read_text() == "the-original-site's-own-key"

    for url in urls:
        assert restored_pages[url] == original_pages[url], url
    assert file_digests(restored.media, restored.private) == file_digests(original.media, original.private)
    assert any(path.startswith("private/qa/") for path in file_digests(restored.private))
    assert restored_rows == original_rows
    assert restored_version != original_version  # every process's cached fragments and pages are stale

    # 3. Restoring the same archive again changes nothing.
    with on(restored):
        again = restore(tmp_path / "quiet.tar.gz")
        assert "Files: 0 added, 0 replaced, 0 removed" in again
        assert model_rows() == original_rows
    assert file_digests(restored.media, restored.private) == file_digests(original.media, original.private)


def content_version() -> int:
    from loa.core.models import ContentVersion

    return ContentVersion.current()
