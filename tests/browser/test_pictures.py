"""On a 360 px phone the article's photo arrives as AVIF or WebP, the page keeps its layout while
photos load, and text is set in the portal's own Noto Sans, with nothing fetched from another host.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LOCAL_HOSTS = {"127.0.0.1", "localhost"}  # pytest-django's live server answers on loopback under either name


@pytest.fixture
def article(portal) -> Any:
    """The portal's newest article, with a second photo further down its body."""
    from loa.core.testing import make_image

    article = portal["articles"][0]
    article.body = [
        *[("paragraph", f"<p>Đoạn {n}: các đại biểu thảo luận về kế hoạch năm tới.</p>") for n in range(12)],
        ("photo", {"image": make_image("Đại biểu", size=(1000, 600), color="#0b4f8a"), "caption": "Đại biểu"}),
    ]
    article.save_revision().publish()
    return article


def start_layout_shift_record(page: Any) -> None:
    """Sum layout shifts (CLS without session windows) from before the first paint."""
    page.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver(list => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({type: 'layout-shift', buffered: true});"""
    )


def test_article_photo_and_font_on_a_phone(portal, article, open_page, screenshot):
    page, watch = open_page("mobile")
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname or request.url.split(":", 1)[0]))
    start_layout_shift_record(page)

    page.goto(portal["url"] + article.url, wait_until="load")

    main = page.locator("article.article figure.photo img").first
    loaded = main.evaluate("img => ({width: img.naturalWidth, src: img.currentSrc})")
    assert loaded["width"] > 0  # eager: loaded without scrolling
    assert loaded["src"].endswith((".avif", ".webp")), loaded["src"]
    box = main.bounding_box()
    assert box["width"] <= 336 + 1 and abs(box["height"] - box["width"] * 540 / 960) < 2  # 360 - 2 × 12 px margins

    fonts = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return {
                check: document.fonts.check('16px "Noto Sans"', 'Cổng thông tin điện tử Hưng Yên'),
                loaded: Array.from(document.fonts)
                    .filter(f => f.family.replace(/"/g, '') === 'Noto Sans' && f.status === 'loaded')
                    .map(f => f.weight + ' ' + f.unicodeRange.slice(0, 10)),
                body: getComputedStyle(document.body).fontFamily,
            };
        }"""
    )
    assert fonts["check"], fonts
    assert fonts["body"].startswith('"Noto Sans"')
    # Regular weight in both subsets (Vietnamese letters need the second), bold for the title.
    assert {entry.split()[0] for entry in fonts["loaded"]} >= {"400", "700"}, fonts
    assert len([entry for entry in fonts["loaded"] if entry.startswith("400")]) == 2, fonts

    shot = screenshot(page, "article-photo-360.png")  # scrolls, so the lazy photo below loads too
    lazy = page.locator("article.article figure.photo img").nth(1)
    assert lazy.get_attribute("loading") == "lazy"
    assert lazy.evaluate("img => img.naturalWidth") > 0
    assert lazy.evaluate("img => img.currentSrc").endswith((".avif", ".webp"))

    assert page.evaluate("window.__shift") < 0.1  # boxes were reserved: photos did not push text down
    assert hosts <= LOCAL_HOSTS | {"data"}, hosts
    assert shot.is_file()
    assert watch.errors == []
