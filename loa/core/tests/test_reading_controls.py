"""The text-size and contrast controls live in the browser, so the cached page stays one page for all.

What each reader chose is kept in their own localStorage and applied by a script in <head>
(loa/static/loa/js/reading.js); the server never learns it. These tests hold the server's
side of that bargain: identical bytes for every reader from the page cache, markup in its
default state, the script loaded in a way the Content-Security-Policy allows and early
enough to act before the first paint, labels in the page's language. The browser's side is
tests/browser/test_reading_controls.py.
"""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from loa.core.testing import home_page, make_article, make_section

pytestmark = pytest.mark.django_db

VIETNAMESE_LABELS = ["Giảm cỡ chữ", "Cỡ chữ mặc định", "Tăng cỡ chữ", "Chế độ tương phản cao"]
ENGLISH_LABELS = ["Decrease text size", "Default text size", "Increase text size", "High contrast mode"]


@pytest.fixture
def article(db):
    return make_article(make_section("Thời sự"), "Khai mạc hội chợ nông sản")


def controls(html: str) -> BeautifulSoup:
    found = BeautifulSoup(html, "html.parser").select_one("[data-reading-controls]")
    assert found is not None, "the page has no reading controls"
    return found


def name(button) -> str:
    """A button's accessible name: its text without what is hidden from assistive technology (the glyphs)."""
    return "".join(
        text
        for text in button.find_all(string=True)
        if not any(parent.get("aria-hidden") == "true" for parent in text.parents if parent is not None)
    ).strip()


def test_every_reader_gets_the_same_cached_bytes_whatever_they_chose(client, page_cache, article):
    """A reader who chose large text and high contrast carries no sign of it to the server."""
    first = client.get(article.url)
    assert first["X-Loa-Cache"] == "MISS"
    client.cookies["loa-text-size"] = "text-largest"  # even a cookie of that name changes nothing
    client.cookies["loa-contrast"] = "high"
    second = client.get(article.url, headers={"accept-language": "en"})
    assert second["X-Loa-Cache"] == "HIT"
    assert second.content == first.content
    assert "Cookie" not in second.get("Vary", "")


def test_the_markup_is_the_default_state_for_the_script_to_adjust(client, article):
    html = client.get(article.url).content.decode()
    group = controls(html)
    assert group["role"] == "group" and group["aria-label"] == "Cỡ chữ và độ tương phản"
    buttons = group.find_all("button")
    assert [name(button) for button in buttons] == VIETNAMESE_LABELS
    assert [button["title"] for button in buttons] == VIETNAMESE_LABELS
    assert all(button["type"] == "button" for button in buttons)
    states = {button["data-reading"]: (button.get("aria-pressed"), button.get("aria-disabled")) for button in buttons}
    assert states == {
        "smaller": (None, "false"),
        "normal": ("true", None),
        "larger": (None, "false"),
        "contrast": ("false", None),
    }
    assert group.select_one('[role="status"]') is not None
    assert 'class="js' not in html and "high-contrast" not in html.split("<body", 1)[0]


def test_the_script_runs_in_head_before_the_styles_with_nothing_inline(client, article):
    """Blocking and early on purpose: the reader's size and colours are set before anything is painted."""
    html = client.get(article.url).content.decode()
    head = BeautifulSoup(html, "html.parser").head
    scripts = head.find_all("script", src=True)
    reading = [s for s in scripts if re.search(r"/loa/js/reading(\.\w+)?\.js$", s["src"])]
    assert len(reading) == 1
    assert not reading[0].has_attr("defer") and not reading[0].has_attr("async")
    sheets = head.find_all("link", rel="stylesheet")
    assert reading[0].sourceline <= sheets[0].sourceline  # the script comes before the first stylesheet
    assert any("reading" in sheet["href"] for sheet in sheets)
    assert not [s for s in head.find_all("script") if not s.has_attr("src") and s.get("type") != "application/ld+json"]


def test_english_pages_label_the_controls_in_english(client):
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = home_page().copy_for_translation(english)
    home.title = home.draft_title = "Home"
    home.save()
    home.save_revision().publish()
    response = client.get("/en/")
    assert response.status_code == HTTPStatus.OK
    group = controls(response.content.decode())
    assert [name(button) for button in group.find_all("button")] == ENGLISH_LABELS
    assert group["aria-label"] == "Text size and contrast" and group["data-size-label"] == "Text size"


def test_the_files_stay_small(settings):
    """Every page loads them: a few kilobytes at most (bench/page_weight.py measures the whole page)."""
    from django.contrib.staticfiles import finders

    script = finders.find("loa/js/reading.js")
    styles = finders.find("loa/css/reading.css")
    with open(script, "rb") as js, open(styles, "rb") as css:
        assert len(js.read()) < 5_000 and len(css.read()) < 5_000
