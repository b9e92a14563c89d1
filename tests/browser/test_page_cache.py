"""Readers of a cached article: the same bytes for everyone, live counts, and edits shown at once."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.test_portal import beacon_answer, rendered_counts, shown_counts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_cached_article_keeps_counts_live_and_shows_edits(portal, page_cache, open_page, screenshot):
    article = portal["articles"][0]
    url = portal["url"] + article.url
    with urllib.request.urlopen(url) as warm:  # noqa: S310 -- the live server; a first render makes settings rows
        warm.read()

    first, first_watch = open_page("desktop")
    response = first.goto(url)
    assert response.headers["x-loa-cache"] in ("MISS", "HIT")
    assert beacon_answer(first) == "counted"
    rendered = rendered_counts(response.text())

    # A second reader on a phone gets the stored page: its HTML still carries the count of the
    # moment it was rendered, and the beacon's answer puts the live count on screen.
    second, second_watch = open_page("mobile")
    cached = second.goto(url)
    assert cached.headers["x-loa-cache"] == "HIT"
    assert rendered_counts(cached.text())["views"] == rendered["views"]
    assert beacon_answer(second) == "counted"
    assert shown_counts(second)["views"] == rendered["views"] + 2
    screenshot(second, "article-cached-mobile.png")

    # An editor publishes a correction: the next reader sees it, not the stored page.
    article.title = "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 (cập nhật)"
    article.save_revision().publish()
    third, third_watch = open_page("desktop")
    fresh = third.goto(url)
    assert fresh.headers["x-loa-cache"] == "MISS"
    expect(third.locator("h1")).to_have_text(article.title)

    assert first_watch.errors == second_watch.errors == third_watch.errors == []
