"""What a citizen sees on Lịch công tác: published weeks only, Monday to Sunday, filters, marks, print."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone

from loa.schedule.models import ScheduleEntry
from loa.schedule.weeks import Week

from .conftest import WEEK_48, add_entry, hours_ago, publish

pytestmark = pytest.mark.django_db

URL = "/lich-cong-tac/"


def page_html(client, query: str = "") -> str:
    response = client.get(URL + query)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_an_unpublished_week_is_not_shown(client, schedule_page, leaders):
    add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp bàn phương án giải phóng mặt bằng")
    html = page_html(client, "?tuan=2026-W48")
    assert "Họp bàn phương án giải phóng mặt bằng" not in html
    assert "Lịch công tác tuần 48 chưa được công bố" in html


def test_a_published_week_shows_monday_to_sunday_with_dates(client, schedule_page, leaders):
    add_entry(leaders["hoa"], dt.date(2026, 11, 23), "Chào cờ đầu tuần", start_time=dt.time(7, 30))
    add_entry(
        leaders["huong"],
        dt.date(2026, 11, 29),
        "Dự Lễ ra quân Ngày Chủ nhật xanh",
        part_of_day="morning",
        start_time=None,
    )
    add_entry(leaders["hoa"], dt.date(2026, 11, 30), "Việc của tuần sau")
    publish(WEEK_48)
    html = page_html(client, "?tuan=2026-W48")
    assert "Lịch công tác tuần 48" in html
    assert "(từ ngày 23/11/2026 đến ngày 29/11/2026)" in html
    assert html.index("Thứ Hai, 23/11/2026") < html.index("Chào cờ đầu tuần") < html.index("Thứ Ba, 24/11/2026")
    assert html.index("Chủ nhật, 29/11/2026") < html.index("Dự Lễ ra quân Ngày Chủ nhật xanh")
    assert "7h30" in html and "Sáng" in html
    assert "Việc của tuần sau" not in html
    assert "Đ/c Nguyễn Đức Hòa" in html


def test_an_entry_shows_its_location_participants_preparing_unit_and_notes(client, schedule_page, leaders):
    add_entry(
        leaders["hoa"],
        dt.date(2026, 11, 25),
        "Họp Ban Chỉ đạo chuyển đổi số thành phố",
        location="Phòng họp tầng 3, trụ sở UBND thành phố",
        participants="Thành viên Ban Chỉ đạo\nLãnh đạo các phòng, ban chuyên môn",
        preparing_unit="Phòng Văn hóa, Khoa học và Thông tin",
        notes="Đề nghị các đại biểu mang theo máy tính xách tay",
    )
    publish(WEEK_48)
    html = BeautifulSoup(page_html(client, "?tuan=2026-W48"), "html.parser")
    headers = [th.get_text(strip=True) for th in html.select(".schedule-table thead th")]
    row = next(tr for tr in html.select("tr.schedule-entry") if "Ban Chỉ đạo chuyển đổi số" in tr.get_text())
    cells = row.select("td")
    assert [td["data-label"] for td in cells] == headers  # each cell sits under its heading (and card label)
    assert {td["data-label"]: td.get_text(" ", strip=True) for td in cells} == {
        "Thời gian": "8h00",
        "Nội dung": "Họp Ban Chỉ đạo chuyển đổi số thành phố",
        "Địa điểm": "Phòng họp tầng 3, trụ sở UBND thành phố",
        "Chủ trì": "Đ/c Nguyễn Đức Hòa Chủ tịch UBND thành phố",
        "Thành phần": "Thành viên Ban Chỉ đạo Lãnh đạo các phòng, ban chuyên môn",
        "Đơn vị chuẩn bị": "Phòng Văn hóa, Khoa học và Thông tin",
        "Ghi chú": "Đề nghị các đại biểu mang theo máy tính xách tay",
    }
    assert cells[headers.index("Thành phần")].find("br") is not None  # one line per group, as typed


def test_entries_of_a_day_are_in_time_order(client, schedule_page, leaders):
    day = dt.date(2026, 11, 24)
    add_entry(leaders["hoa"], day, "Việc buổi chiều", start_time=dt.time(14, 0))
    add_entry(leaders["hoa"], day, "Việc cả ngày", start_time=None, part_of_day="all_day")
    add_entry(leaders["hoa"], day, "Việc buổi sáng", start_time=dt.time(8, 0))
    publish(WEEK_48)
    html = page_html(client, "?tuan=2026-W48")
    assert html.index("Việc cả ngày") < html.index("Việc buổi sáng") < html.index("Việc buổi chiều")


def test_the_year_end_week_spans_two_years(client, schedule_page, leaders):
    add_entry(leaders["hoa"], dt.date(2027, 1, 3), "Trực Tết Dương lịch")
    publish(Week.parse("2026-W53"))
    html = page_html(client, "?tuan=31/12/2026")
    assert "Lịch công tác tuần 53" in html
    assert "(từ ngày 28/12/2026 đến ngày 03/01/2027)" in html
    assert "Trực Tết Dương lịch" in html
    assert "tuan=2027-W01" in html and "tuan=2026-W52" in html


def test_without_a_week_the_current_week_is_shown_with_today_highlighted(client, schedule_page, leaders):
    today = timezone.localdate()
    add_entry(leaders["hoa"], today, "Việc hôm nay")
    publish(Week.of(today))
    html = page_html(client)
    assert "Việc hôm nay" in html
    assert f'aria-current="date">{today:%d/%m/%Y}' not in html  # the label starts with the weekday
    assert 'aria-current="date"' in html and "Hôm nay" in html
    assert html.count("schedule-day--today") == 1


def test_previous_and_next_week_links_keep_the_leader(client, schedule_page, leaders):
    pk = leaders["hoa"].pk
    html = page_html(client, f"?tuan=2026-W48&lanh_dao={pk}")
    assert f'href="?tuan=2026-W47&amp;lanh_dao={pk}" rel="prev"' in html
    assert f'href="?tuan=2026-W49&amp;lanh_dao={pk}" rel="next"' in html
    assert f"tuan={Week.of(timezone.localdate()).key}&amp;lanh_dao={pk}" in html


def test_the_leader_filter_shows_only_that_leaders_entries(client, schedule_page, leaders):
    add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Việc của Chủ tịch")
    add_entry(leaders["huong"], dt.date(2026, 11, 24), "Việc của Phó Chủ tịch")
    publish(WEEK_48)
    html = page_html(client, f"?tuan=2026-W48&lanh_dao={leaders['huong'].pk}")
    assert "Việc của Phó Chủ tịch" in html
    assert "Việc của Chủ tịch" not in html
    assert f'<option value="{leaders["huong"].pk}" selected>' in html
    assert 'value="2026-11-23"' in html  # the week picker keeps the week


def test_an_unknown_leader_or_week_shows_everything_for_this_week(client, schedule_page, leaders):
    html = page_html(client, "?tuan=tuan-sau&lanh_dao=999999")
    assert "Không đọc được tuần đã chọn" in html
    assert f"Lịch công tác tuần {Week.of(timezone.localdate()).number}" in html


def test_an_entry_changed_after_publication_is_marked_with_the_time(client, schedule_page, leaders):
    entry = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    untouched = add_entry(leaders["hoa"], dt.date(2026, 11, 25), "Tiếp công dân")
    ScheduleEntry.objects.update(created_at=hours_ago(30), changed_at=hours_ago(30))
    publish(WEEK_48, at=hours_ago(24))
    entry.refresh_from_db()
    entry.location = "Phòng họp số 2"
    entry.save()
    untouched.refresh_from_db()
    untouched.save()  # saved without a change: not an adjustment

    html = page_html(client, "?tuan=2026-W48")
    changed_at = timezone.localtime(ScheduleEntry.objects.get(pk=entry.pk).changed_at)
    assert html.count("Đã điều chỉnh</strong>") == 1
    assert f"lúc {changed_at:%-H}h{changed_at:%M} ngày {changed_at:%d/%m/%Y}" in html
    assert html.index("Họp giao ban") < html.index("Đã điều chỉnh</strong>") < html.index("Tiếp công dân")


def test_an_entry_added_after_publication_is_marked_as_an_addition(client, schedule_page, leaders):
    publish(WEEK_48, at=hours_ago(2))
    add_entry(leaders["hoa"], dt.date(2026, 11, 26), "Làm việc với đoàn kiểm tra của tỉnh")
    html = page_html(client, "?tuan=2026-W48")
    assert "Bổ sung</strong>" in html
    assert "Đã điều chỉnh</strong>" not in html


def test_edits_before_publication_are_not_marked(client, schedule_page, leaders):
    entry = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    entry.content = "Họp giao ban Thường trực"
    entry.save()
    publish(WEEK_48)
    html = page_html(client, "?tuan=2026-W48")
    assert "Đã điều chỉnh</strong>" not in html and "Bổ sung</strong>" not in html


def test_withdrawing_and_republishing_keeps_the_first_publication_time(leaders):
    week = publish(WEEK_48, at=hours_ago(48))
    first = week.published_at
    week.published = False
    week.save()
    week.published = True
    week.save()
    week.refresh_from_db()
    assert week.published_at == first


def test_moving_an_entry_to_another_week_moves_it_in_the_schedule(leaders):
    entry = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    entry.date = dt.date(2026, 12, 1)
    entry.save()
    assert entry.week.monday == dt.date(2026, 11, 30)


def test_the_page_has_a_print_header_and_a_landscape_a4_print_layout(client, schedule_page, leaders):
    add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    publish(WEEK_48)
    html = page_html(client, "?tuan=2026-W48")
    assert 'class="schedule-print-header"' in html
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert 'media="print"' in html
    print_css = (Path(settings.BASE_DIR) / "loa/static/loa/css/print.css").read_text()
    assert "@page schedule { size: A4 landscape;" in print_css
    assert ".page-schedule { page: schedule; }" in print_css


def test_the_table_is_accessible(client, schedule_page, leaders):
    add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    publish(WEEK_48)
    html = page_html(client, "?tuan=2026-W48")
    assert '<th scope="col" role="columnheader" class="schedule-col-time">Thời gian</th>' in html
    assert html.count('scope="rowgroup"') == 7
    assert 'data-label="Chủ trì"' in html
    assert '<label for="schedule-leader">Lãnh đạo chủ trì</label>' in html
