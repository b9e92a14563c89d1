"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Playwright never downloads a browser here: it launches /usr/bin/chromium.
Without it the tests are skipped, except under CI=true where they must run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

# Readers' browsers. Never "HeadlessChrome": the beacon does not count bots (loa/stats/visitors.py).
DESKTOP_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
)
MOBILE_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "user_agent": DESKTOP_UA}
MOBILE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 740},
    "user_agent": MOBILE_UA,
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DEVICES = {"desktop": DESKTOP, "mobile": MOBILE}


@pytest.fixture(scope="module")
def migrated_data(django_db_setup, django_db_blocker) -> dict[str, str]:
    """The rows data migrations made (home page, site, locale, root collection), per database.

    pytest-django snapshots them when it creates the test database (these
    tests ask for `serialized_rollback`) and reloads the snapshot before each
    test. After a transactional test without `serialized_rollback` (such as
    loa/stats/tests/test_concurrency.py) that reload fails: its flush had
    post_migrate recreate the content types under other ids; while the
    snapshot loads, post_save handlers look content types up, create the ones
    not loaded yet, and those clash with the snapshot's. So, once per module,
    the database is emptied and the snapshot's content types go back first.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.core.management import call_command
    from django.db import connections

    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with django_db_blocker.unblock():
        for alias, snapshot in snapshots.items():
            # Read before emptying: building some rows (Wagtail pages) looks content types up.
            rows = [r.object for r in serializers.deserialize("json", snapshot, using=alias)]
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=alias,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            # Not save(): that would run the very signal handlers that create content types.
            ContentType.objects.using(alias).bulk_create([row for row in rows if isinstance(row, ContentType)])
        ContentType.objects.clear_cache()
    return snapshots


@pytest.fixture(scope="module")
def browser(migrated_data) -> Iterator[Any]:
    """One headless Chromium per test module.

    Playwright's sync API keeps an asyncio loop running in this thread. Django
    then refuses ORM calls from the test body, which DJANGO_ALLOW_ASYNC_UNSAFE
    lifts (only while a browser module runs), and it opens a second set of
    database connections for "async" code (asgiref's thread-critical Local
    switches to context variables while a loop runs). Those connections get
    the migrated-data snapshot that `serialized_rollback` reloads, and are
    closed before the loop ends.
    """
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        message = f"{CHROMIUM} not found: browser tests need Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: browser tests must run)")
        pytest.skip(message)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, snapshot in migrated_data.items():
                connections[alias]._test_serialized_contents = snapshot
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            connections.close_all()


@dataclass
class Watch:
    """What went wrong in a page that a reader would not see in the text: script errors, broken links."""

    errors: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("pageerror", self._on_page_error)
        page.on("console", self._on_console)
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)

    def _on_page_error(self, error: Any) -> None:
        self.errors.append(f"script error: {error}")

    def _on_console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text} at {message.location.get('url')}")

    def _on_response(self, response: Any) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status} for {response.url}")

    def _on_request_failed(self, request: Any) -> None:
        # Chromium fetches the favicon on its own and cancels that fetch when the test navigates
        # on (net::ERR_ABORTED): a race of the browser's, not a broken link (a missing icon is a 404).
        if "favicon" in request.url and request.failure == "net::ERR_ABORTED":
            return
        self.errors.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., tuple[Any, Watch]]]:
    """Open a page on a 'desktop' or 'mobile' browser in a fresh context (own cookies: a new reader)."""
    contexts = []

    def open_(device: str = "desktop") -> tuple[Any, Watch]:
        context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **DEVICES[device])
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        watch = Watch()
        watch.attach(page)
        return page, watch

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def portal(live_server) -> dict[str, Any]:
    """A small portal: two sections, authors, five articles with photos."""
    from loa.core.models import AgencySettings
    from loa.core.testing import days_ago, default_site, make_article, make_image, make_section
    from loa.news.models import Author

    agency = AgencySettings.for_site(default_site())
    agency.parent_name = "Tỉnh Hưng Yên"
    agency.name = "Ủy ban nhân dân thành phố Hưng Yên"
    agency.address = "Số 1 đường Lê Lợi, phường Hiến Nam"
    agency.phone = "0221 3862 345"
    agency.save()
    unit = "Trung tâm Văn hóa và Truyền thanh thành phố"
    authors = [Author.objects.create(name="Hoàng Anh", unit=unit), Author.objects.create(name="Minh Thu", unit=unit)]
    politics = make_section("Thời sự – Chính trị")
    economy = make_section("Kinh tế – Xã hội")
    body = [("paragraph", "<p>Sáng nay, tại trụ sở Ủy ban nhân dân thành phố, hội nghị đã diễn ra.</p>")]
    articles = [
        make_article(
            politics,
            "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025",
            sapo="Sáng 18/11, Ủy ban nhân dân thành phố tổ chức hội nghị tổng kết công tác thi đua.",
            main_image=make_image("Quang cảnh hội nghị", size=(960, 540), color="#7d0a0a"),
            main_image_caption="Quang cảnh hội nghị",
            authors=authors,
            body=body,
            published=days_ago(0),
        ),
        make_article(
            politics,
            "Tiếp xúc cử tri trước kỳ họp thứ mười Hội đồng nhân dân",
            sapo="Các đại biểu đã lắng nghe ý kiến, kiến nghị của cử tri phường Hiến Nam.",
            main_image=make_image("Tiếp xúc cử tri", color="#0b4f8a"),
            authors=authors[:1],
            body=body,
            published=days_ago(1),
        ),
        make_article(
            economy,
            "Nông dân Khoái Châu thu hoạch nhãn lồng đầu vụ",
            sapo="Nhãn lồng năm nay được mùa, được giá, nông dân phấn khởi.",
            main_image=make_image("Thu hoạch nhãn", color="#2f7d32"),
            authors=authors[1:],
            body=body,
            published=days_ago(2),
        ),
        make_article(
            economy,
            "Đẩy mạnh chuyển đổi số trong thủ tục hành chính",
            main_image=make_image("Chuyển đổi số", color="#f0a500"),
            body=body,
            published=days_ago(3),
        ),
        make_article(economy, "Khai giảng lớp tập huấn kỹ năng số cho cán bộ", body=body, published=days_ago(4)),
    ]
    return {"url": live_server.url, "sections": [politics, economy], "articles": articles}


@pytest.fixture
def weather_source(settings) -> Iterator[Any]:
    """The Open-Meteo replay (loa/widgets/tests/replay.py), with LOA_WEATHER_URL pointing at it."""
    from loa.widgets.tests.replay import ReplayServer

    server = ReplayServer().start()
    settings.LOA_WEATHER_URL = server.url
    yield server
    server.stop()


def settle(page: Any) -> None:
    """Scroll through the page so lazy images load, wait for them and the fonts, and go back to the top."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
                window.scrollTo(0, y);
                await new Promise(r => requestAnimationFrame(r));
            }
            window.scrollTo(0, 0);
        }"""
    )
    # A function, not an expression: Playwright evals a polled expression in the page, which the CSP forbids.
    page.wait_for_function("() => Array.from(document.images).every(img => img.complete)")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    """Save a screenshot under var/screenshots/: of the whole page, or of one element given a locator.

    For people to look at; nothing compares them.
    """

    def take(target: Any, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        page = target if hasattr(target, "goto") else target.page
        settle(page)
        if target is page:
            page.screenshot(path=str(path), full_page=True)
        else:
            target.screenshot(path=str(path))
        return path

    return take
