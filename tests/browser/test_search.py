"""A reader searches from the header: suggestions while typing, then the results page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MEETING = "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025"
VOTERS = "Tiếp xúc cử tri trước kỳ họp thứ mười Hội đồng nhân dân"


def test_suggestions_as_the_reader_types_on_a_phone(portal, open_page, screenshot):
    page, watch = open_page("mobile")
    page.goto(portal["url"] + "/")
    box = page.get_by_role("combobox", name="Tìm kiếm trên cổng thông tin")
    box.fill("hoi nghi tong")  # no diacritics, as on most phones
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option").first).to_have_text(MEETING)
    expect(box).to_have_attribute("aria-expanded", "true")
    screenshot(page, "search-suggestions-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", listbox.get_by_role("option").first.get_attribute("id"))
    box.press("Enter")
    page.wait_for_url(re.compile(r"/hoi-nghi-tong-ket-[^/]+/$"))
    expect(page.locator("h1")).to_have_text(MEETING)
    assert watch.errors == []


def test_results_page_highlights_filters_and_sorts(portal, open_page, screenshot):
    page, watch = open_page("desktop")
    page.goto(portal["url"] + "/")
    box = page.get_by_role("combobox", name="Tìm kiếm trên cổng thông tin")
    box.fill("tiep xuc cu tri")
    expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    box.press("Escape")  # closes the suggestions, keeps the words
    expect(box).to_have_value("tiep xuc cu tri")
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")

    first = page.locator(".search-hit").first
    expect(first.locator(".search-hit__title")).to_have_text(VOTERS)
    # The matched words are marked in their own diacritics.
    expect(first.locator(".search-hit__title mark").first).to_have_text("Tiếp xúc cử tri")
    expect(page.locator(".search-count")).to_contain_text("Tìm thấy")
    screenshot(page, "search-results.png")

    # Filter to the economy section: the politics article goes away, and says so kindly.
    page.get_by_label("Chuyên mục").select_option(label=portal["sections"][1].title)
    page.get_by_role("button", name="Tìm", exact=True).last.click()
    expect(page.locator(".search-message")).to_contain_text("Không tìm thấy kết quả nào")

    # Newest first, all sections.
    page.get_by_label("Chuyên mục").select_option(value="")
    page.get_by_label("Sắp xếp").select_option(value="newest")
    page.get_by_role("button", name="Tìm", exact=True).last.click()
    expect(page.locator(".search-hit").first).to_be_visible()
    assert watch.errors == []
