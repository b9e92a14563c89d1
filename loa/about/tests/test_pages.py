"""The Vietnamese about pages: what a citizen sees on each."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest

from loa.about.models import AboutIndexPage, ContactPage, OrganisationPage
from loa.core.models import StandardPage

pytestmark = pytest.mark.django_db


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response.content.decode()


def test_about_index_lists_its_pages(client, organisation, functions, history, contact) -> None:
    page = html(client, "/gioi-thieu/")
    assert '<h1 class="page-title">Giới thiệu</h1>' in page
    assert "Các trang trong mục" in page
    for url in ("/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/chuc-nang-nhiem-vu/", "/gioi-thieu/lich-su-hinh-thanh/"):
        assert f'href="{url}"' in page
    assert 'href="/gioi-thieu/lien-he/"' in page


def test_organisation_page_shows_units_and_leaders_with_contact_links(client, organisation) -> None:
    page = html(client, organisation.url)
    assert '<h2 class="org-unit__name" id="don-vi-1-ten">Lãnh đạo UBND thành phố</h2>' in page
    assert "Trần Quốc Hưng" in page and "Chủ tịch UBND thành phố" in page
    assert '<a href="tel:02213862001">0221 3 862 001</a>' in page
    assert '<a href="tel:+842213862002">+84 221 3862002</a>' in page
    assert '<a href="mailto:chutich@example.vn">chutich@example.vn</a>' in page
    assert '<a href="mailto:tuphap@example.vn">' in page


def test_leader_photos_have_the_leaders_name_as_alternative_text(client, organisation) -> None:
    page = html(client, organisation.url)
    assert re.search(r'<img alt="Trần Quốc Hưng" class="leader__photo"[^>]*src="[^"]+"', page)
    assert 'alt=""' not in page.split("<main", 1)[1].split("</main>", 1)[0]


def test_nested_units_are_an_accessible_tree_of_lists_and_headings(client, organisation) -> None:
    page = html(client, organisation.url)
    tree = page.split('<nav class="org-tree"', 1)[1].split("</nav>", 1)[0]
    assert '<h2 class="section-title" id="org-tree-title">Sơ đồ tổ chức</h2>' in tree
    assert re.search(r'<li><a href="#don-vi-2">Các cơ quan chuyên môn</a>\s*<ul><li><a href="#don-vi-2-1">', tree)
    assert '<h3 class="org-unit__name" id="don-vi-2-2-ten">Phòng Tư pháp</h3>' in page
    assert "<iframe" not in page


def test_functions_page_has_functions_numbered_duties_and_legal_basis(client, functions) -> None:
    page = html(client, functions.url)
    assert '<h2 id="chuc-nang">Chức năng</h2><p>Là cơ quan chấp hành của HĐND.</p>' in page
    assert '<h2 id="nhiem-vu">Nhiệm vụ, quyền hạn</h2>' in page
    assert re.search(r"<h3>Kinh tế</h3>\s*<ol class=\"duties\"><li>Lập kế hoạch 5 năm.</li>", page)
    assert "<li>Nghị định 108/2020/NĐ-CP</li>" in page


def test_history_page_shows_a_timeline(client, history) -> None:
    page = html(client, history.url)
    assert '<h2 class="section-title" id="moc-lich-su">Các mốc lịch sử</h2>' in page
    assert re.search(r'<p class="timeline__when">1831</p>\s*<h3 class="timeline__title">Tỉnh lỵ Hưng Yên</h3>', page)


def test_contact_page_reads_the_agency_settings_where_its_own_fields_are_blank(client, contact) -> None:
    page = html(client, contact.url)
    assert '<h2 class="contact-card__name" id="contact-agency">Ủy ban nhân dân thành phố Hưng Yên</h2>' in page
    assert "<dd>Số 2 đường Bãi Sậy, phường Quang Trung</dd>" in page
    assert '<a href="tel:02213862345" data-testid="contact-phone">0221 3 862 345</a>' in page
    assert '<a href="mailto:vanphong@tphungyen.example">' in page
    assert "<dt>Fax</dt><dd>0221 3 862 346</dd>" in page
    assert "Sáng: 7 giờ 30 – 11 giờ 30<br>Chiều: 13 giờ 30 – 17 giờ" in page
    assert '<a href="tel:02213862222">0221 3 862 222</a>' in page


def test_contact_page_own_values_win_over_the_settings(client, contact) -> None:
    contact.phone = "0221 3 999 999"
    contact.agency_name = "Văn phòng HĐND và UBND thành phố"
    contact.save_revision().publish()
    page = html(client, contact.url)
    assert ">0221 3 999 999</a>" in page and ">0221 3 862 345</a></dd>" not in page
    assert "Văn phòng HĐND và UBND thành phố</h2>" in page


def test_contact_map_is_a_plain_link_to_openstreetmap(client, contact) -> None:
    page = html(client, contact.url)
    link = "https://www.openstreetmap.org/?mlat=20.646400&amp;mlon=106.051100#map=17/20.646400/106.051100"
    assert f'<a href="{link}">Xem vị trí trên bản đồ OpenStreetMap</a>' in page
    assert "<iframe" not in page and '<script src="http' not in page


def test_contact_map_link_can_be_set_by_hand_or_left_out(contact) -> None:
    contact.map_url = "https://www.openstreetmap.org/way/1"
    assert contact.map_link() == "https://www.openstreetmap.org/way/1"
    contact.map_url, contact.latitude = "", None
    assert contact.map_link() == ""


def test_about_pages_keep_the_portal_breadcrumbs_and_feedback(client, contact) -> None:
    page = html(client, contact.url)
    assert '<nav class="breadcrumbs" aria-label="Đường dẫn">' in page
    assert '<html lang="vi">' in page


def test_about_index_is_made_under_the_home_page_once(home, about) -> None:
    assert AboutIndexPage.can_create_at(home) is False  # one per home page
    assert OrganisationPage.can_create_at(about) and ContactPage.can_create_at(about)
    assert StandardPage.can_create_at(about)
    assert not OrganisationPage.can_create_at(home)


def test_organisation_search_text_names_units_and_leaders(organisation) -> None:
    text = organisation.search_text()
    assert "Phòng Tư pháp" in text and "Hoàng Văn Nam Trưởng phòng" in text
