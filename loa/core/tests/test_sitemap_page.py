"""Sơ đồ trang: the menu pages a citizen can open, in menu order, nested as in the menu."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup, Tag
from wagtail.models import PageViewRestriction

from loa.core.models import SitemapPage, StandardPage
from loa.core.testing import home_page, make_article, make_section
from loa.legal.models import LegalDocumentIndexPage

pytestmark = pytest.mark.django_db

URL = "/so-do-trang/"


def publish(page, parent=None):
    (parent or home_page()).add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def portal() -> dict:
    """News with sub-sections two levels deep, the Văn bản module and the sitemap page itself."""
    news = make_section("Tin tức")
    current = make_section("Thời sự", parent=news)
    return {
        "news": news,
        "current": current,
        "politics": make_section("Chính trị", parent=current),
        "economy": make_section("Kinh tế", parent=news),
        "documents": publish(LegalDocumentIndexPage(title="Văn bản", slug="van-ban", show_in_menus=True)),
        "sitemap": publish(SitemapPage(title="Sơ đồ trang", slug="so-do-trang", show_in_menus=True)),
    }


def outline(client) -> list:
    """The sitemap's lists as (link text, sub-list) pairs: the nesting a screen reader announces."""
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK

    def items(branch: Tag) -> list:
        pairs = []
        for item in branch.find_all("li", recursive=False):
            sub = item.find("ul", recursive=False)
            pairs.append((item.find("a", recursive=False).get_text(strip=True), items(sub) if sub else []))
        return pairs

    return items(BeautifulSoup(response.content, "html.parser").select_one("ul.sitemap"))


def titles(client) -> list[str]:
    html = BeautifulSoup(client.get(URL).content, "html.parser")
    return [link.get_text(strip=True) for link in html.select("ul.sitemap a")]


def test_menu_pages_are_listed_in_tree_order_nested_under_their_parents(client, portal):
    assert outline(client) == [
        ("Trang chủ", []),
        ("Tin tức", [("Thời sự", [("Chính trị", [])]), ("Kinh tế", [])]),
        ("Văn bản", []),
        ("Sơ đồ trang", []),
    ]


def test_each_entry_links_to_its_page(client, portal):
    html = BeautifulSoup(client.get(URL).content, "html.parser")
    links = {link.get_text(strip=True): link["href"] for link in html.select("ul.sitemap a")}
    assert links["Trang chủ"] == "/"
    assert links["Chính trị"] == portal["politics"].url == "/tin-tuc/thoi-su/chinh-tri/"
    assert links["Văn bản"] == "/van-ban/"


def test_pages_outside_the_menu_are_left_out(client, portal):
    make_article(portal["current"], "Khai mạc kỳ họp thứ mười Hội đồng nhân dân thành phố")
    publish(StandardPage(title="Chính sách bảo mật", slug="chinh-sach-bao-mat"))  # show_in_menus=False
    assert titles(client) == ["Trang chủ", "Tin tức", "Thời sự", "Chính trị", "Kinh tế", "Văn bản", "Sơ đồ trang"]


def test_unpublished_pages_are_left_out_with_what_is_under_them(client, portal):
    portal["economy"].unpublish()
    draft = make_section("Chuyên đề")
    make_section("Chuyển đổi số", parent=draft)  # live, but under a draft: it would sit under the wrong heading
    draft.unpublish()
    assert outline(client) == [
        ("Trang chủ", []),
        ("Tin tức", [("Thời sự", [("Chính trị", [])])]),
        ("Văn bản", []),
        ("Sơ đồ trang", []),
    ]


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "noi-bo-2026"},
        {"restriction_type": PageViewRestriction.LOGIN},
    ],
)
def test_private_pages_are_left_out_with_what_is_under_them(client, portal, restriction):
    internal = make_section("Thông tin nội bộ")
    make_section("Văn bản nội bộ", parent=internal)
    PageViewRestriction.objects.create(page=internal, **restriction)
    PageViewRestriction.objects.create(page=portal["politics"], **restriction)
    assert titles(client) == ["Trang chủ", "Tin tức", "Thời sự", "Kinh tế", "Văn bản", "Sơ đồ trang"]
