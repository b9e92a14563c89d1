"""A reader's view of the portal in Chromium: header, menu, layout on a phone, and the view counts.

The counts come from the beacon (loa/static/loa/js/portal.js) after the page
has loaded, so these are the only tests that see them change on screen.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COUNTERS = ("views", "total", "today")


def vn_int(text: str) -> int:
    """A count as Loa writes it (4.238.431) as an int."""
    digits = re.sub(r"[.\s]", "", text)
    assert digits.isdigit(), f"not a count: {text!r}"
    return int(digits)


def rendered_counts(html: str) -> dict[str, int]:
    """The counts as the server wrote them into the HTML, before the beacon changed anything."""
    soup = BeautifulSoup(html, "html.parser")
    found = {name: soup.select_one(f'[data-counter="{name}"]') for name in COUNTERS}
    return {name: vn_int(el.get_text()) for name, el in found.items() if el is not None}


def shown_counts(page: Any) -> dict[str, int]:
    """The counts on screen now."""
    return {
        name: vn_int(page.locator(f'[data-counter="{name}"]').inner_text())
        for name in COUNTERS
        if page.locator(f'[data-counter="{name}"]').count()
    }


def beacon_answer(page: Any) -> str:
    """Wait for the beacon's answer: 'counted' or 'seen' (portal.js marks <html data-beacon>)."""
    page.wait_for_selector("html[data-beacon]", state="attached")
    return page.locator("html").get_attribute("data-beacon")


def scroll_width(page: Any) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def broken_images(page: Any) -> list[str]:
    return page.evaluate(
        "Array.from(document.images).filter(img => img.complete && img.naturalWidth === 0).map(img => img.src)"
    )


def test_home_on_a_desktop(portal, open_page, screenshot):
    page, watch = open_page("desktop")

    response = page.goto(portal["url"] + "/")

    assert response.status == 200
    today = page.get_by_test_id("today").inner_text()
    assert "/" in today
    assert "năm" in today
    menu = page.locator(".main-nav__list")
    expect(menu).to_be_visible()
    expect(page.locator(".main-nav__toggle")).to_be_hidden()
    expect(menu.get_by_role("link", name="Trang chủ")).to_be_visible()
    for section in portal["sections"]:
        expect(menu.get_by_role("link", name=section.title)).to_be_visible()
    expect(page.locator(".card--featured")).to_contain_text(portal["articles"][0].title)
    expect(page.locator(".sidebar")).to_contain_text("Số lượt truy cập")
    screenshot(page, "home-desktop.png")
    assert broken_images(page) == []
    assert scroll_width(page) <= 1280
    beacon_answer(page)
    assert watch.errors == []


def test_home_on_a_phone(portal, open_page, screenshot):
    page, watch = open_page("mobile")
    page.goto(portal["url"] + "/")
    toggle = page.get_by_role("button", name="Danh mục")
    menu = page.locator(".main-nav__list")

    expect(toggle).to_be_visible()
    expect(toggle).to_contain_text("☰")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    assert scroll_width(page) <= 360
    screenshot(page, "home-360.png")

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Trang chủ")).to_be_visible()
    for section in portal["sections"]:
        expect(menu.get_by_role("link", name=section.title)).to_be_visible()
    assert scroll_width(page) <= 360
    screenshot(page, "home-360-menu.png")

    toggle.click()

    expect(menu).to_be_hidden()
    assert broken_images(page) == []
    assert watch.errors == []


def test_article_views_and_visits_count_once_per_reader(portal, open_page, screenshot):
    article = portal["articles"][0]
    page, watch = open_page("desktop")

    # The first page a reader opens counts a visit.
    home = page.goto(portal["url"] + "/")
    before = rendered_counts(home.text())
    assert beacon_answer(page) == "counted"
    visits = shown_counts(page)
    assert visits["total"] == before["total"] + 1
    assert visits["today"] == before["today"] + 1

    # Following a link to an article counts a view of it, but not another visit.
    with page.expect_response(lambda r: r.url.endswith(article.url)) as opened:
        page.get_by_role("link", name=article.title).first.click()
    page.wait_for_url(f"**{article.url}")
    rendered = rendered_counts(opened.value.text())
    expect(page.locator(".article__views")).to_have_text(re.compile(r"^Lượt xem \d[\d.]*$"))
    assert beacon_answer(page) == "counted"
    shown = shown_counts(page)
    assert shown["views"] == rendered["views"] + 1
    assert (shown["total"], shown["today"]) == (visits["total"], visits["today"])
    screenshot(page, "article-desktop.png")

    # Reloading straight away is the same reader: no second view.
    reloaded = page.reload()
    assert rendered_counts(reloaded.text())["views"] == rendered["views"] + 1
    assert beacon_answer(page) == "seen"
    assert shown_counts(page)["views"] == rendered["views"] + 1

    # Another reader counts again. A new context has no cookie yet, and a reader without one is
    # known by address and browser (loa/stats/visitors.py), so on 127.0.0.1 it needs another browser.
    other, other_watch = open_page("mobile")
    other.goto(portal["url"] + article.url)
    assert beacon_answer(other) == "counted"
    assert shown_counts(other)["views"] == rendered["views"] + 2
    assert "loa_vid" in {cookie["name"] for cookie in other.context.cookies()}

    assert watch.errors == []
    assert other_watch.errors == []


def test_article_on_a_phone(portal, open_page, screenshot):
    article = portal["articles"][0]
    page, watch = open_page("mobile")

    response = page.goto(portal["url"] + article.url)

    assert response.status == 200
    expect(page.locator("h1")).to_have_text(article.title)
    expect(page.locator(".article__views")).to_contain_text("Lượt xem")
    expect(page.locator(".article__byline")).to_contain_text("Hoàng Anh – Minh Thu")
    photo = page.locator("figure.photo img")
    expect(photo).to_be_visible()
    assert photo.bounding_box()["width"] <= 360
    assert beacon_answer(page) == "counted"
    screenshot(page, "article-360.png")
    assert scroll_width(page) <= 360
    assert broken_images(page) == []
    assert watch.errors == []
