"""What a reader gets from the home, section and article pages."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from loa.core.testing import home_page, make_article, make_image, make_section
from loa.news.models import Author, format_byline

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal():
    unit = "Trung tâm Văn hóa và Truyền thanh thành phố"
    authors = [Author.objects.create(name="Hoàng Anh", unit=unit), Author.objects.create(name="Minh Thu", unit=unit)]
    politics = make_section("Thời sự – Chính trị")
    economy = make_section("Kinh tế")
    sub = make_section("Nông nghiệp", parent=economy)
    published = dt.datetime(2022, 11, 21, 1, 30, tzinfo=dt.UTC)  # 08:30 in Hà Nội
    article = make_article(
        politics,
        "Hội nghị tổng kết Cụm thi đua",
        sapo="Sáng 18/11, tại Hưng Yên, Cụm thi đua tổ chức hội nghị tổng kết.",
        main_image=make_image(),
        main_image_caption="Quang cảnh hội nghị",
        authors=authors,
        source="Hội LHPN tỉnh",
        published=published,
        body=[("paragraph", "<p>Đoạn một.</p>"), ("quote", {"text": "Một câu trích", "attribution": "Bà A"})],
    )
    article.tags.add("phụ nữ")
    article.save_revision().publish()
    others = [
        make_article(economy, f"Tin kinh tế số {i}", published=timezone.now() - dt.timedelta(hours=i))
        for i in range(15)
    ]
    make_article(sub, "Tin nông nghiệp", published=timezone.now())
    return {"politics": politics, "economy": economy, "sub": sub, "article": article, "others": others}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


class TestArticlePage:
    def test_shows_date_views_sapo_photo_byline(self, client, portal):
        response = client.get(portal["article"].url)
        assert response.status_code == HTTPStatus.OK
        page = soup(response)
        meta = page.select_one(".article__meta").get_text(" ", strip=True)
        assert "21/11/2022" in meta
        assert "Lượt xem 0" in meta
        assert page.select_one(".article__sapo").get_text().startswith("Sáng 18/11")
        assert page.select_one("figure.photo figcaption").get_text(strip=True) == "Quang cảnh hội nghị"
        assert page.select_one(".article__byline").get_text(strip=True) == (
            "Hoàng Anh – Minh Thu (Trung tâm Văn hóa và Truyền thanh thành phố)"
        )
        assert "Nguồn: Hội LHPN tỉnh" in page.get_text()
        assert page.select_one("blockquote.quote")
        assert [t.get_text() for t in page.select(".tag")] == ["phụ nữ"]

    def test_carries_page_id_for_the_beacon(self, client, portal):
        body = soup(client.get(portal["article"].url)).body
        assert body["data-page-id"] == str(portal["article"].pk)
        assert body["data-beacon-url"] == "/api/beacon/"

    def test_print_view(self, client, portal):
        page = soup(client.get(portal["article"].url + "?print=1"))
        assert "print-view" in page.body["class"]

    def test_rendering_counts_nothing(self, client, portal):
        from loa.stats.models import PageViewCount

        client.get(portal["article"].url)
        assert not PageViewCount.objects.exists()


class TestSectionPage:
    def test_newest_first_and_paginated(self, client, portal):
        page = soup(client.get(portal["economy"].url))
        titles = [a.get_text() for a in page.select(".article-list .card__title a")]
        assert titles[0] == "Tin nông nghiệp"  # from the sub-section, newest
        assert titles[1] == "Tin kinh tế số 0"
        assert len(titles) == 12
        assert page.select_one(".pagination a[rel=next]")["href"] == "?trang=2"
        second = soup(client.get(portal["economy"].url + "?trang=2"))
        assert len(second.select(".article-list .card")) == 4

    def test_lists_subsections(self, client, portal):
        page = soup(client.get(portal["economy"].url))
        assert [a.get_text() for a in page.select(".subsections a")] == ["Nông nghiệp"]

    def test_bad_page_number_falls_back(self, client, portal):
        assert client.get(portal["economy"].url + "?trang=abc").status_code == HTTPStatus.OK
        assert client.get(portal["economy"].url + "?trang=999").status_code == HTTPStatus.OK


class TestHomePage:
    def test_header_menu_footer_sidebar(self, client, portal):
        page = soup(client.get(home_page().url))
        assert "năm" in page.select_one("[data-testid=today]").get_text()
        menu = [a.get_text() for a in page.select(".main-nav__list a")]
        assert menu[:3] == ["Trang chủ", "Thời sự – Chính trị", "Kinh tế"]
        assert page.select_one("#most-read-title").get_text() == "Tin, bài đọc nhiều"
        assert page.select_one("#counter-title").get_text() == "Số lượt truy cập"

    def test_featured_latest_and_section_blocks(self, client, portal):
        page = soup(client.get(home_page().url))
        assert page.select_one(".featured .card__title")
        blocks = [h.get_text(strip=True) for h in page.select(".section-block .section-title")]
        assert blocks == ["Thời sự – Chính trị", "Kinh tế"]


def test_unknown_url_gives_vietnamese_404(client, portal):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Không tìm thấy trang" in response.content.decode()


def test_byline_groups_units():
    a = Author(name="A", unit="X")
    b = Author(name="B", unit="X")
    c = Author(name="C", unit="Y")
    assert format_byline([a, b, c]) == "A – B (X); C (Y)"
    assert format_byline([Author(name="D")]) == "D"


def test_vietnamese_titles_get_readable_ascii_slugs(db):
    section = make_section("Đồng bằng sông Hồng")
    article = make_article(section, "Hội nghị tổng kết Cụm thi đua")
    assert section.slug == "dong-bang-song-hong"
    assert article.url.endswith("/dong-bang-song-hong/hoi-nghi-tong-ket-cum-thi-dua/")
    again = make_article(section, "Hội nghị tổng kết Cụm thi đua")
    assert again.slug == "hoi-nghi-tong-ket-cum-thi-dua-2"


def test_public_pages_are_vietnamese_whatever_the_browser_asks(client, portal):
    """Fragments are shared by every reader, so no reader's Accept-Language may leak into them."""
    html = client.get(home_page().url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "7 ngày qua" in html
    assert "Last 7 days" not in html
