"""The demo's about pages, built as the core loader calls them (after its plain "Giới thiệu" page)."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from loa.about import demo
from loa.about.models import (
    AboutIndexPage,
    ContactPage,
    EnglishAgencySettings,
    FunctionsPage,
    HistoryPage,
    OrganisationPage,
)
from loa.core.models import StandardPage
from loa.core.testing import default_site, make_section

from .conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_about(home, agency):
    """What loa/core/demo/loader.py has built when it calls the modules: "Giới thiệu" first, then sections."""
    body = [
        ("paragraph", RichText("<h2>Vị trí địa lý</h2>")),
        ("paragraph", RichText("<p>Thành phố nằm bên bờ bắc sông Hồng.</p>")),
        ("paragraph", RichText("<h2>Lịch sử hình thành</h2>")),
        ("paragraph", RichText("<p>Phố Hiến là thương cảng sầm uất.</p>")),
        ("paragraph", RichText("<h2>Di tích và đặc sản</h2>")),
        ("paragraph", RichText("<p>Nhãn lồng Hưng Yên.</p>")),
    ]
    old = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Thành phố tỉnh lỵ.", body=body, show_in_menus=True)
    publish(home, old)
    make_section("Thời sự – Chính trị")
    demo.load_demo(home, timezone.now())
    return AboutIndexPage.objects.get(locale__language_code="vi")


def test_demo_replaces_the_plain_about_page_in_its_place(home, demo_about) -> None:
    assert not StandardPage.objects.filter(slug="gioi-thieu").exists()
    assert [page.title for page in home.get_children().live().in_menu()] == ["Giới thiệu", "Thời sự – Chính trị"]
    assert demo_about.url == "/gioi-thieu/" and demo_about.intro == "Thành phố tỉnh lỵ."


def test_demo_moves_the_history_part_to_the_history_page(demo_about) -> None:
    kept = " ".join(str(block.value) for block in demo_about.body)
    assert "Vị trí địa lý" in kept and "Di tích và đặc sản" in kept and "Phố Hiến là thương cảng" not in kept
    history = HistoryPage.objects.child_of(demo_about).get()
    assert "Phố Hiến là thương cảng" in " ".join(str(block.value) for block in history.body)
    assert len(history.milestones) >= 4


def test_demo_about_pages_in_order(demo_about) -> None:
    children = [type(page) for page in demo_about.get_children().live().in_menu().specific()]
    assert children == [OrganisationPage, FunctionsPage, HistoryPage, ContactPage]


def test_demo_chart_has_nested_units_and_leaders_with_portraits(demo_about) -> None:
    chart = OrganisationPage.objects.child_of(demo_about).get()
    units = [block.value for block in chart.units]
    assert units[0]["name"] == "Lãnh đạo Ủy ban nhân dân thành phố" and len(units[0]["leaders"]) == 4
    departments = [unit["name"] for unit in units[1]["units"]]
    assert "Văn phòng HĐND và UBND thành phố" in departments and "Phòng Tư pháp" in departments
    chairman = units[0]["leaders"][0]
    assert chairman["photo"] is not None and chairman["photo"].width == 320 and chairman["phone"]


def test_demo_builds_the_english_pages_and_details(client, demo_about) -> None:
    for url in ("/en/", "/en/about/", "/en/about/organisation-chart/", "/en/about/contact/"):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert '<html lang="en">' in response.content.decode()
    contact = client.get("/en/about/contact/").content.decode()
    assert "2 Bai Say Street" in contact and "Monday to Friday" in contact
    assert "<dt>Fax</dt>" in contact and "See the location on OpenStreetMap" in contact
    assert EnglishAgencySettings.for_site(default_site()).name == "People's Committee of Hung Yen City"


def test_demo_vietnamese_about_pages_render(client, demo_about) -> None:
    for page in demo_about.get_children().live():
        assert client.get(page.url).status_code == HTTPStatus.OK, page.url


def test_demo_runs_once(home, demo_about) -> None:
    demo.load_demo(home, timezone.now())
    assert AboutIndexPage.objects.count() == 2  # Vietnamese and English
