"""Content pages ask "Thông tin này có hữu ích với bạn không?"; lists, the home page and the sitemap do not."""

from __future__ import annotations

from http import HTTPStatus
from types import SimpleNamespace

import pytest
from wagtail.models import Page

from loa.ratings.rules import page_asks, page_type_asks

pytestmark = pytest.mark.django_db

QUESTION = "Thông tin này có hữu ích với bạn không?"


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.mark.parametrize("name", ["article", "news_article", "about", "history", "video"])
def test_content_pages_ask(client, portal, name):
    html = html_of(client, getattr(portal, name))
    assert QUESTION in html
    assert f'name="page" value="{getattr(portal, name).pk}"' in html


@pytest.mark.parametrize("name", ["home", "news", "politics", "video_index", "sitemap"])
def test_home_section_lists_and_sitemap_do_not_ask(client, portal, name):
    assert QUESTION not in html_of(client, getattr(portal, name))


def test_search_results_do_not_ask(client, portal):
    response = client.get("/tim-kiem/", {"q": "hội nghị"})
    assert response.status_code == HTTPStatus.OK
    assert QUESTION not in response.content.decode()


def test_error_pages_do_not_ask(client, portal):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert QUESTION not in response.content.decode()


def test_the_print_view_does_not_ask(client, portal):
    assert QUESTION not in client.get(portal.article.url, {"print": "1"}).content.decode()


def test_the_widget_is_the_same_for_every_visitor(client, portal):
    """No token, cookie or visitor state in the HTML: a full-page cache may serve it to anyone."""
    first = html_of(client, portal.article)
    client.cookies["loa_vid"] = "0123456789abcdef0123456789abcdef"
    second = html_of(client, portal.article)
    widget = first[first.index('<section class="rating"') : first.index("</section>", first.index('class="rating"'))]
    assert widget in second
    assert "csrfmiddlewaretoken" not in widget


def page_type(name: str, app_label: str = "loa_example", **attributes) -> type:
    """A stand-in for a page model: only its name and attributes matter (no model is registered)."""
    meta = SimpleNamespace(model_name=name.lower(), label_lower=f"{app_label}.{name.lower()}")
    return type(name, (), {"_meta": meta, **attributes})


def test_a_page_type_decides_for_itself_with_asks_rating():
    assert page_type_asks(page_type("ProcedurePage", asks_rating=False)) is False
    assert page_type_asks(page_type("QuestionIndexPage", asks_rating=True)) is True


def test_index_and_list_page_types_of_new_modules_do_not_ask():
    assert not page_type_asks(page_type("LegalDocumentIndexPage", "loa_legal"))
    assert not page_type_asks(page_type("QuestionListPage", "loa_qa"))
    assert page_type_asks(page_type("LegalDocumentPage", "loa_legal"))
    assert page_type_asks(page_type("QuestionPage", "loa_qa"))


def test_a_plain_page_object_is_judged_by_its_specific_type(portal):
    assert page_asks(Page.objects.get(pk=portal.article.pk))
    assert not page_asks(Page.objects.get(pk=portal.news.pk))
    assert not page_asks(None)
