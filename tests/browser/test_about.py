"""A reader finds the agency's leaders and contacts, then switches to the English pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def about_portal(portal) -> dict:
    """The small portal plus the demo's about pages, Vietnamese and English."""
    from django.utils import timezone

    from loa.about import demo
    from loa.core.testing import home_page

    demo.load_demo(home_page(), timezone.now())
    return portal


def test_reader_opens_the_organisation_chart_and_sees_a_leaders_phone(about_portal, open_page, screenshot):
    page, watch = open_page("desktop")
    page.goto(about_portal["url"] + "/")
    page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Giới thiệu").click()
    page.wait_for_url("**/gioi-thieu/")
    page.get_by_role("link", name="Cơ cấu tổ chức").click()
    page.wait_for_url("**/gioi-thieu/co-cau-to-chuc/")
    expect(page.locator("h1")).to_have_text("Cơ cấu tổ chức")
    chairman = page.locator(".leader").filter(has_text="Trần Quốc Hưng")
    expect(chairman.get_by_role("img", name="Trần Quốc Hưng")).to_be_visible()
    expect(chairman.get_by_role("link", name="0221 3 862 001")).to_have_attribute("href", "tel:02213862001")
    page.get_by_role("navigation", name="Sơ đồ tổ chức").get_by_role("link", name="Phòng Tư pháp").click()
    expect(page).to_have_url(re.compile(r"#don-vi-2-3$"))
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "about-organisation-desktop.png")
    assert watch.errors == []


def test_reader_on_a_phone_switches_to_the_english_contact_page(about_portal, open_page, screenshot):
    page, watch = open_page("mobile")
    page.goto(about_portal["url"] + "/gioi-thieu/lien-he/")
    expect(page.locator("h1")).to_have_text("Liên hệ")
    expect(page.get_by_test_id("contact-phone")).to_have_attribute("href", "tel:02213862345")
    screenshot(page, "about-contact-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/about/contact/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Contact")
    expect(page.locator(".contact-list")).to_contain_text("2 Bai Say Street")
    expect(page.locator(".contact-list")).to_contain_text("Monday to Friday")
    expect(page.get_by_role("link", name="Skip to main content")).to_have_count(1)
    screenshot(page, "about-contact-en-360.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url("**/gioi-thieu/lien-he/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert watch.errors == []


def test_english_organisation_chart_on_desktop(about_portal, open_page, screenshot):
    page, watch = open_page("desktop")
    page.goto(about_portal["url"] + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="About").click()
    page.get_by_role("link", name="Organisation chart").first.click()
    page.wait_for_url("**/en/about/organisation-chart/")
    expect(page.get_by_role("heading", name="Leadership of the City People's Committee")).to_be_visible()
    expect(page.locator(".leader").first).to_contain_text("Chairman of the City People's Committee")
    screenshot(page, "about-organisation-en-desktop.png")
    assert watch.errors == []
