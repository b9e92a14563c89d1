"""A few hostile strings in a real browser: no dialog ever opens, no element they describe is ever built.

The portal's Content-Security-Policy would block an injected inline script anyway;
these pages are opened with it bypassed, so what is tested is the escaping itself
(the CSP is loa/security/tests/test_csp.py's and tests/browser/test_csp.py's
subject). The payloads sit in an article an editor wrote, in the search box
and its suggestions, in the Hỏi đáp form sent back with errors and in the
address of a page that does not exist. The full list of payloads and inputs is
checked without a browser in loa/security/tests/hostile/.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1) data-xss>',
    "'><svg onload=alert(1) data-xss>",
    "</textarea><script>alert(1)</script><textarea>",
    "</title><script>alert(1)</script>",
]
TITLE = "Hội nghị </script><script>alert(1)</script><img src=x onerror=alert(1) data-xss>"

#: Elements or attributes only a payload creates (JSON-LD may quote a hostile title: it is data, not script).
INJECTED = """() => {
    const found = [...document.querySelectorAll("[data-xss]")].map(element => element.outerHTML);
    for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
            if (attribute.name.startsWith("on")) found.push(element.outerHTML);
        }
    }
    for (const script of document.scripts) {
        const data = ["application/ld+json", "application/json"].includes(script.type);
        if (!data && script.textContent.includes("alert(")) found.push(script.outerHTML);
    }
    return found;
}"""


@pytest.fixture
def hostile_article(live_server) -> Any:
    from loa.core.testing import make_article, make_section
    from loa.news.models import ArticleAuthor, Author

    section = make_section("Thời sự – Chính trị")
    author = Author.objects.create(name="Hoàng Anh " + PAYLOADS[1], unit="Trung tâm " + PAYLOADS[2])
    article = make_article(
        section,
        TITLE,
        seo_title=TITLE,
        search_description=PAYLOADS[1],
        sapo="Sapo " + PAYLOADS[3],
        source=PAYLOADS[4],
        body=[("paragraph", "<p>Đoạn văn.</p>" + PAYLOADS[0] + '<a href="javascript:alert(1)">x</a>')],
    )
    article.article_authors.add(ArticleAuthor(author=author))
    article.save_revision().publish()
    return article


@pytest.fixture
def reader(browser) -> Iterator[tuple[Any, list[str]]]:
    """A page that ignores the CSP, and the dialogs it tried to open (each dismissed at once)."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", bypass_csp=True, **DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page, dialogs
    context.close()


def assert_untouched(page: Any, dialogs: list[str], where: str) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(100)  # img onerror and svg onload fire right after load
    assert dialogs == [], f"{where}: a dialog opened"
    assert page.evaluate(INJECTED) == [], f"{where}: a payload became an element"


def test_an_article_with_hostile_fields_opens_no_dialog(live_server, hostile_article, reader):
    page, dialogs = reader
    page.goto(live_server.url + hostile_article.url)
    assert_untouched(page, dialogs, "article")
    assert page.locator("h1").inner_text() == TITLE
    assert "Đoạn văn." in page.locator(".article__body").inner_text()
    page.goto(live_server.url + hostile_article.url + "?print=1")
    assert_untouched(page, dialogs, "print view")


def test_search_results_and_suggestions_open_no_dialog(live_server, hostile_article, reader):
    page, dialogs = reader
    for payload in PAYLOADS:
        page.goto(live_server.url + "/tim-kiem/?q=" + quote(payload) + "&x=" + quote(payload))
        assert_untouched(page, dialogs, f"search {payload}")
        assert page.locator("#search-q").input_value() == payload
    page.goto(live_server.url + "/")
    box = page.locator("#site-search-q")
    box.press_sequentially("Hội nghị img", delay=20)
    page.locator("#site-search-q-suggestions li").first.wait_for()
    assert TITLE in page.locator("#site-search-q-suggestions").inner_text()
    assert_untouched(page, dialogs, "suggestions")


def test_a_question_form_sent_back_with_errors_opens_no_dialog(live_server, reader):
    from loa.core.testing import home_page
    from loa.qa.models import QuestionIndexPage, Topic

    index = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    Topic.objects.create(name="Hộ tịch", sort_order=1)
    page, dialogs = reader
    page.goto(live_server.url + "/hoi-dap/dat-cau-hoi/")
    page.locator("#id_name").fill(PAYLOADS[1])
    page.locator("#id_email").fill(PAYLOADS[2])
    page.locator("#id_title").fill(PAYLOADS[4])
    page.locator("#id_text").fill(PAYLOADS[3] + " " + PAYLOADS[0])
    page.locator("#id_captcha").fill(PAYLOADS[0])
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.locator("#qa-errors").wait_for()
    assert_untouched(page, dialogs, "question form")
    assert page.locator("#id_text").input_value() == PAYLOADS[3] + " " + PAYLOADS[0]


def test_the_not_found_page_opens_no_dialog(live_server, reader):
    page, dialogs = reader
    for payload in PAYLOADS:
        response = page.goto(live_server.url + "/" + quote(payload, safe="") + "/")
        assert response.status == 404
        assert_untouched(page, dialogs, f"404 {payload}")
