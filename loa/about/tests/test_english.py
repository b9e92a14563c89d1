"""The English tree under /en/, and the Vietnamese site unchanged beside it."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.core.testing import make_article, make_section

pytestmark = pytest.mark.django_db


def html(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == HTTPStatus.OK, url
    return response.content.decode()


def test_english_pages_live_under_en_with_their_own_slugs(english_tree) -> None:
    assert english_tree["home"].url == "/en/"
    assert english_tree["about"].url == "/en/about/"
    assert english_tree["organisation"].url == "/en/about/organisation-chart/"
    assert english_tree["contact"].url == "/en/about/contact/"


def test_english_page_is_marked_english_with_an_english_header_and_footer(client, english_tree) -> None:
    page = html(client, "/en/about/organisation-chart/")
    assert '<html lang="en">' in page
    assert "Skip to main content" in page
    assert '<span class="brand__name">People&#x27;s Committee of Hung Yen City</span>' in page
    assert '<span class="brand__tagline">Electronic information portal</span>' in page
    assert '<nav class="main-nav" aria-label="Main menu">' in page
    assert '<a href="/en/">Home</a>' in page and '<a href="/en/about/" aria-current="page">About</a>' in page
    assert "<p>Address: 2 Bai Say Street, Quang Trung Ward, Hung Yen City</p>" in page
    assert '<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol><li><a href="/en/">Home</a></li>' in page
    assert ">Structure</h2>" in page and 'Phone: <a href="tel:02213862001">' in page
    for vietnamese in ("Bỏ qua, đến nội dung chính", "Cổng thông tin điện tử", "Menu chính", "Địa chỉ:"):
        assert vietnamese not in page


def test_english_pages_leave_out_the_vietnamese_sidebar(client, english_tree) -> None:
    page = html(client, "/en/about/contact/")
    assert 'class="sidebar"' not in page and "layout--wide" in page


def test_english_contact_page_gives_the_english_address_and_the_agency_numbers(client, english_tree) -> None:
    page = html(client, "/en/about/contact/")
    assert '<h1 class="page-title">Contact</h1>' in page
    assert "People&#x27;s Committee of Hung Yen City</h2>" in page
    assert "<dt>Address</dt><dd>2 Bai Say Street, Quang Trung Ward, Hung Yen City</dd>" in page
    assert '<dt>Phone</dt><dd><a href="tel:02213862345" data-testid="contact-phone">0221 3 862 345</a>' in page
    assert "<dt>Working hours</dt><dd>Monday to Friday</dd>" in page
    assert "See the location on OpenStreetMap" in page


def test_english_home_welcomes_and_lists_its_sections(client, english_tree) -> None:
    page = html(client, "/en/")
    assert '<html lang="en">' in page
    assert "Welcome to Hung Yen City." in page
    assert '<a class="about-nav__link" href="/en/about/">About</a>' in page
    assert 'id="latest-title"' not in page and 'class="sidebar"' not in page


def test_vietnamese_pages_keep_their_addresses_language_and_header(client, english_tree) -> None:
    section = make_section("Thời sự – Chính trị")
    article = make_article(section, "Hội nghị tổng kết năm")
    assert article.url == "/thoi-su-chinh-tri/hoi-nghi-tong-ket-nam/"
    for url in ("/", article.url, "/gioi-thieu/", "/gioi-thieu/lien-he/", "/tim-kiem/", "/tim-kiem/?q=hoi+nghi"):
        page = html(client, url)
        assert '<html lang="vi">' in page, url
        assert "Bỏ qua, đến nội dung chính" in page, url
    assert 'class="sidebar"' in html(client, article.url)


def test_public_pages_ignore_the_browsers_language(client, english_tree) -> None:
    response = client.get("/gioi-thieu/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == HTTPStatus.OK
    assert '<html lang="vi">' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")


def test_unknown_english_address_is_not_found(client, english_tree) -> None:
    assert client.get("/en/khong-co/").status_code == HTTPStatus.NOT_FOUND


def test_english_address_of_an_untranslated_page_leads_to_the_vietnamese_page(client, english_tree, functions) -> None:
    """Without an English tree, /en/… resolves in the Vietnamese one: the reader is sent to the real address."""
    english_tree["home"].unpublish()
    response = client.get("/en/gioi-thieu/chuc-nang-nhiem-vu/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/gioi-thieu/chuc-nang-nhiem-vu/"


def test_language_switch_points_to_the_translation_of_the_page(client, english_tree) -> None:
    page = html(client, "/gioi-thieu/lien-he/")
    switch = page.split('<nav class="lang-switch"', 1)[1].split("</nav>", 1)[0]
    assert '<span lang="vi" aria-current="true">Tiếng Việt</span>' in switch
    assert '<a href="/en/about/contact/" lang="en" hreflang="en" data-testid="lang-en">English</a>' in switch


def test_language_switch_points_to_the_other_home_when_there_is_no_translation(client, english_tree, history) -> None:
    page = html(client, history.url)
    assert '<a href="/en/" lang="en" hreflang="en" data-testid="lang-en">English</a>' in page


def test_language_switch_on_an_english_page_points_back_to_vietnamese(client, english_tree) -> None:
    page = html(client, "/en/about/organisation-chart/")
    assert '<a href="/gioi-thieu/co-cau-to-chuc/" lang="vi" hreflang="vi" data-testid="lang-vi">Tiếng Việt</a>' in page
    assert '<span lang="en" aria-current="true">English</span>' in page


def test_language_switch_is_hidden_until_an_english_home_is_published(client, contact) -> None:
    assert "lang-switch" not in html(client, contact.url)


def test_warm_vietnamese_render_reads_no_locale(client, english_tree) -> None:
    """Wagtail's localisation asks for the active locale on every request; Loa answers from the cache."""
    url = "/gioi-thieu/lien-he/"
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == HTTPStatus.OK
    assert not [query for query in queries if 'FROM "wagtailcore_locale"' in query["sql"]]


def test_locale_changes_reach_the_cached_lookup(english) -> None:
    from wagtail.models import Locale

    assert Locale.objects.get_for_language("en") == english
    english.delete()
    with pytest.raises(Locale.DoesNotExist):
        Locale.objects.get_for_language("en")


def test_sitemap_keeps_vietnamese_addresses(client, english_tree) -> None:
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/gioi-thieu/lien-he/</loc>" in sitemap


def test_search_results_keep_relative_vietnamese_links(client, english_tree) -> None:
    section = make_section("Kinh tế")
    make_article(section, "Nhãn lồng vào mùa thu hoạch")
    page = html(client, "/tim-kiem/?q=nhan+long")
    assert re.search(r'href="/kinh-te/nhan-long-vao-mua-thu-hoach/"', page)
