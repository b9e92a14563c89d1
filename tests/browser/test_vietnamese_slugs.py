"""The admin fills in a readable ASCII slug from a Vietnamese title as the editor types it.

Wagtail's script (the w-slug controller) transliterates the title when the page is
new ("urlify", with Django's Vietnamese map: đ → d) and cleans what the editor
types into the slug field itself when it loses the focus ("slugify"). The slug
must read like the server's own (loa.core.text.vn_slugify), typed composed (NFC)
or decomposed (NFD).
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from playwright.sync_api import expect

from loa.core.text import vn_slugify
from tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Hung-Yen-2025!"
TITLES = {
    "Hội nghị tổng kết cụm thi đua": "hoi-nghi-tong-ket-cum-thi-dua",
    "Đường Nguyễn Văn Linh được mở rộng": "duong-nguyen-van-linh-duoc-mo-rong",
    "ĐẠI HỘI Ưu tú – Phụ nữ Hưng Yên": "dai-hoi-uu-tu-phu-nu-hung-yen",
}


@pytest.fixture
def add_article_page(live_server, browser, django_user_model) -> Any:
    from loa.core.testing import make_section

    section = make_section("Thời sự")
    django_user_model.objects.create_superuser("bientap", "bientap@hungyen.gov.vn", PASSWORD)
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("bientap")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    page.wait_for_url("**/admin/")
    url = f"{live_server.url}/admin/pages/add/loa_news/articlepage/{section.pk}/"

    def open_form() -> Any:
        """The form, once Wagtail's controllers are attached to the title and slug (typed earlier, nothing syncs)."""
        page.goto(url)
        page.wait_for_function(
            """() => ["#id_title", "#id_slug"].every((selector, index) =>
                window.wagtail?.app?.getControllerForElementAndIdentifier(
                    document.querySelector(selector), ["w-sync", "w-slug"][index]))"""
        )
        return page

    yield open_form
    context.close()


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_slug_is_filled_in_from_the_title_as_the_server_would(add_article_page, form):
    for title, slug in TITLES.items():
        page = add_article_page()
        page.locator("#id_title").press_sequentially(unicodedata.normalize(form, title), delay=5)
        page.locator("#id_title").blur()
        assert slug == vn_slugify(title)
        expect(page.locator("#id_slug")).to_have_value(slug)  # the script applies it a moment later


def test_a_slug_typed_in_vietnamese_is_cleaned_into_ascii(add_article_page):
    page = add_article_page()
    page.locator("#id_title").fill("Tin ngắn")
    page.get_by_role("tab", name="Quảng bá").click()  # the slug is on the Promote tab
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("tin-ngan")  # from the title, before the editor rewrites it
    slug.fill("Đường làng mới")
    slug.blur()
    expect(slug).to_have_value("duong-lang-moi")
