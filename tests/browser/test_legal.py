"""A citizen looks for a legal document on a phone: filters, a search without diacritics, the PDF."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RECEPTION = "Quyết định số 1254/QĐ-UBND"


@pytest.fixture
def register(live_server) -> str:
    """The demo register (15 documents of the city and the province, a few with a PDF)."""
    from django.utils import timezone

    from loa.core.testing import home_page
    from loa.legal import demo

    demo.load_demo(home_page(), timezone.now())
    return live_server.url


def test_a_citizen_filters_searches_and_opens_a_document_on_a_phone(register, open_page, screenshot):
    page, watch = open_page("mobile")
    page.goto(register + "/van-ban/")
    expect(page.locator("h1")).to_have_text("Văn bản")
    expect(page.locator(".search-count")).to_contain_text("Tìm thấy 15 văn bản")

    page.get_by_label("Loại văn bản").select_option(label="Quyết định")
    page.get_by_label("Năm ban hành").select_option(label="2024")
    page.get_by_role("button", name="Lọc văn bản").click()
    page.wait_for_url(re.compile(r"nam=2024"))
    expect(page.locator(".search-count")).to_have_text("Tìm thấy 3 văn bản")
    titles = page.locator(".legal-item__title")
    expect(titles).to_have_text(["Quyết định số 25/2024/QĐ-UBND", RECEPTION, "Quyết định số 01/2024/QĐ-UBND"])
    expect(page.locator(".legal-item").first.locator(".legal-status")).to_have_text("Còn hiệu lực")
    screenshot(page, "legal-list-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # Typed without diacritics, as on most phones; the filters stay.
    box = page.get_by_label("Số ký hiệu hoặc trích yếu")
    box.fill("quy che tiep cong dan")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=quy\+che"))
    assert "nam=2024" in page.url
    expect(titles).to_have_text([RECEPTION])

    titles.first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(RECEPTION)
    expect(page.get_by_role("row", name=re.compile("Số ký hiệu"))).to_contain_text("1254/QĐ-UBND")
    preview = page.locator("object.legal-preview__frame")
    expect(preview).to_be_visible()
    expect(preview).to_have_attribute("type", "application/pdf")
    download = page.get_by_role("link", name=re.compile(r"^Tải về: Quyết định số 1254"))
    expect(download).to_be_visible()
    assert download.get_attribute("href") == preview.get_attribute("data")
    expect(page.locator(".legal-files__list")).to_contain_text("(PDF, ")
    screenshot(page, "legal-document-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert watch.errors == []


def test_the_document_list_on_a_desktop(register, open_page, screenshot):
    page, watch = open_page("desktop")
    page.goto(register + "/van-ban/?tinh_trang=het-hieu-luc")
    expect(page.locator(".legal-item .legal-status").first).to_have_text("Hết hiệu lực")
    expect(page.get_by_label("Tình trạng hiệu lực")).to_have_value("het-hieu-luc")
    screenshot(page, "legal-list-desktop.png")

    page.goto(register + "/van-ban/?q=cay+xanh")
    page.get_by_role("link", name="Quyết định số 18/2025/QĐ-UBND").click()
    expect(page.locator(".legal-related")).to_contain_text("Được sửa đổi, bổ sung bởi: Quyết định số 07/2026/QĐ-UBND")
    assert watch.errors == []
