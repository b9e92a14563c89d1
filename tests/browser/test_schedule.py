"""A citizen reads the leaders' schedule: this week, next week, one leader's engagements, on paper and on a phone."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def schedule(portal):
    """The schedule page with two leaders and published entries this week and next week."""
    from django.utils import timezone

    from loa.core.testing import home_page
    from loa.schedule.models import Leader, ScheduleEntry, SchedulePage, ScheduleWeek
    from loa.schedule.weeks import Week

    page = SchedulePage(title="Lịch công tác", slug="lich-cong-tac", show_in_menus=True)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    chair = Leader.objects.create(name="Nguyễn Đức Hòa", title="Chủ tịch UBND thành phố", sort_order=0)
    deputy = Leader.objects.create(name="Trần Thị Thu Hương", title="Phó Chủ tịch UBND thành phố", sort_order=1)
    this_week = Week.of(timezone.localdate())
    next_week = this_week.next()
    rows = [
        (chair, this_week.monday, dt.time(7, 30), "Chào cờ đầu tuần; giao ban Thường trực UBND thành phố"),
        (
            deputy,
            this_week.monday + dt.timedelta(days=2),
            dt.time(14, 0),
            "Nghe báo cáo phương án tổ chức Lễ hội Phố Hiến",
        ),
        (chair, next_week.monday + dt.timedelta(days=1), dt.time(8, 0), "Dự Kỳ họp chuyên đề HĐND thành phố"),
        (
            deputy,
            next_week.monday + dt.timedelta(days=3),
            dt.time(8, 0),
            "Hội nghị tổng kết năm học của ngành Giáo dục",
        ),
    ]
    for host, day, start, content in rows:
        ScheduleEntry.objects.create(
            host=host,
            date=day,
            start_time=start,
            content=content,
            location="Hội trường tầng 3, trụ sở UBND thành phố",
            participants="Thủ trưởng các phòng, ban, đơn vị liên quan",
            preparing_unit="Văn phòng HĐND và UBND thành phố",
        )
    for week in (this_week, next_week):
        record = ScheduleWeek.objects.get(monday=week.monday)
        record.published = True
        record.save()
    # One entry changed after publication.
    entry = ScheduleEntry.objects.get(content__startswith="Nghe báo cáo")
    entry.location = "Phòng họp số 1, trụ sở UBND thành phố"
    entry.save()
    return {"url": portal["url"] + "/lich-cong-tac/", "this_week": this_week, "next_week": next_week}


def test_a_citizen_goes_to_next_week_and_filters_by_a_leader(schedule, open_page, screenshot):
    page, watch = open_page("desktop")
    page.goto(schedule["url"])
    title = page.locator("#schedule-title")
    expect(title).to_contain_text(f"Lịch công tác tuần {schedule['this_week'].number}")
    expect(page.locator(".schedule-day--today th")).to_contain_text("Hôm nay")
    expect(page.locator(".schedule-adjusted")).to_contain_text("Đã điều chỉnh")
    screenshot(page, "schedule-desktop.png")

    page.get_by_role("link", name=re.compile("Tuần sau")).click()
    page.wait_for_url(f"**tuan={schedule['next_week'].key}*")
    expect(title).to_contain_text(f"Lịch công tác tuần {schedule['next_week'].number}")
    expect(page.get_by_text("Dự Kỳ họp chuyên đề HĐND thành phố")).to_be_visible()

    page.get_by_label("Lãnh đạo chủ trì").select_option(label="Đ/c Trần Thị Thu Hương – Phó Chủ tịch UBND thành phố")
    page.get_by_role("button", name="Xem lịch").click()
    page.wait_for_url("**lanh_dao=*")
    expect(title).to_contain_text(f"Lịch công tác tuần {schedule['next_week'].number}")  # the week is kept
    expect(page.get_by_text("Hội nghị tổng kết năm học của ngành Giáo dục")).to_be_visible()
    expect(page.get_by_text("Dự Kỳ họp chuyên đề HĐND thành phố")).to_have_count(0)

    # Back to this week, still her schedule only.
    page.get_by_role("link", name="Tuần này").click()
    expect(page.get_by_text("Nghe báo cáo phương án tổ chức Lễ hội Phố Hiến")).to_be_visible()
    expect(page.get_by_text("Chào cờ đầu tuần", exact=False)).to_have_count(0)
    assert watch.errors == []


def test_the_week_prints_on_landscape_a4_with_the_agency_header(schedule, open_page, screenshot):
    page, watch = open_page("desktop")
    page.goto(schedule["url"])
    page.emulate_media(media="print")
    expect(page.locator(".schedule-print-header")).to_be_visible()
    expect(page.locator(".schedule-print-header")).to_contain_text("ỦY BAN NHÂN DÂN THÀNH PHỐ HƯNG YÊN")
    expect(page.locator(".schedule-tools")).to_be_hidden()
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".schedule-table thead")).to_be_visible()
    assert "LỊCH CÔNG TÁC TUẦN" in page.locator(".schedule-title__main").inner_text()
    screenshot(page, "schedule-print.png")
    pdf = page.pdf(prefer_css_page_size=True)
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box and float(box[1]) > float(box[2])  # landscape
    assert watch.errors == []


def test_on_a_phone_each_entry_is_a_readable_card(schedule, open_page, screenshot):
    page, watch = open_page("mobile")
    page.goto(schedule["url"])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    first = page.locator(".schedule-entry").first
    expect(first).to_contain_text("7h30")
    location = first.locator('td[data-label="Địa điểm"]')
    assert page.evaluate("el => getComputedStyle(el, '::before').content", location.element_handle()) == '"Địa điểm: "'
    assert page.evaluate("el => getComputedStyle(el).display", first.element_handle()) == "block"
    screenshot(page, "schedule-360.png")
    assert watch.errors == []


def test_a_citizen_searches_procedures_without_diacritics_on_a_phone(portal, open_page, screenshot):
    """Thủ tục hành chính (loa/procedures) shares this module: one list, read on a phone."""
    from loa.core.testing import home_page
    from loa.procedures.demo import PROCEDURES
    from loa.procedures.models import Procedure, ProcedureIndexPage

    listing = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh", show_in_menus=True)
    home_page().add_child(instance=listing)
    listing.save_revision().publish()
    for code, name, field, level, service_level in PROCEDURES:
        Procedure(code=code, name=name, field=field, level=level, service_level=service_level).save()

    page, watch = open_page("mobile")
    page.goto(portal["url"] + "/thu-tuc-hanh-chinh/")
    expect(page.locator(".search-count")).to_contain_text(f"Có {len(PROCEDURES)} thủ tục")
    page.get_by_label("Tên hoặc mã thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm", exact=True).last.click()
    link = page.get_by_role("link", name=re.compile("Thủ tục đăng ký khai sinh"))
    expect(link).to_have_attribute("rel", "noopener")
    expect(link).to_have_attribute("target", "_blank")
    assert link.get_attribute("href").startswith("https://dichvucong.gov.vn/")
    page.get_by_label("Tên hoặc mã thủ tục").fill("")
    page.get_by_label("Lĩnh vực").select_option("Chứng thực")
    page.get_by_role("button", name="Tìm", exact=True).last.click()
    expect(page.locator(".procedure")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "procedures-360.png")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(portal["url"] + "/thu-tuc-hanh-chinh/")
    screenshot(page, "procedures-desktop.png")
    assert watch.errors == []
