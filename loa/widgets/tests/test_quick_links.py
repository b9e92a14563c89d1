"""The state-portal modules are reachable from every page: the "Tiện ích" box and the footer."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup

from loa.core.models import SitemapPage
from loa.core.testing import home_page, make_section
from loa.legal.models import LegalDocumentIndexPage
from loa.procedures.models import ProcedureIndexPage
from loa.qa.models import QuestionIndexPage
from loa.schedule.models import SchedulePage

pytestmark = pytest.mark.django_db


def _publish(page_class, title: str, slug: str, live: bool = True):
    page = page_class(title=title, slug=slug, show_in_menus=True, live=live)
    home_page().add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


@pytest.fixture
def modules():
    # Created out of the order readers see them in: the widget orders them itself.
    _publish(SitemapPage, "Sơ đồ trang", "so-do-trang")
    _publish(QuestionIndexPage, "Hỏi đáp", "hoi-dap")
    _publish(LegalDocumentIndexPage, "Văn bản", "van-ban")
    _publish(SchedulePage, "Lịch công tác", "lich-cong-tac")
    _publish(ProcedureIndexPage, "Thủ tục hành chính", "thu-tuc-hanh-chinh", live=False)
    return make_section("Kinh tế")


def _links(html: str, selector: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [(a.get_text(strip=True), a["href"]) for a in soup.select(selector)]


def test_the_box_lists_the_live_modules_in_the_usual_order(client, modules):
    response = client.get(modules.url)
    assert response.status_code == HTTPStatus.OK
    assert _links(response.content.decode(), ".quick-links a") == [
        ("Văn bản", "/van-ban/"),
        ("Lịch công tác", "/lich-cong-tac/"),
        ("Hỏi đáp", "/hoi-dap/"),
        ("Sơ đồ trang", "/so-do-trang/"),
    ]


def test_the_footer_links_the_modules_and_the_feeds(client, modules):
    html = client.get("/").content.decode()
    links = _links(html, ".site-footer .footer__links a")
    assert ("Văn bản", "/van-ban/") in links
    assert links[-1] == ("RSS", "/rss/")


def test_a_module_published_later_appears_at_once(client, modules):
    client.get(modules.url)  # fills the fragment cache
    ProcedureIndexPage.objects.get().save_revision().publish()
    assert ("Thủ tục hành chính", "/thu-tuc-hanh-chinh/") in _links(
        client.get(modules.url).content.decode(), ".quick-links a"
    )
