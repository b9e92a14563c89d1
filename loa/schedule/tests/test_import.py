"""A week is imported from the office's sheet only when every row is clean."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loa.core.sheets import SheetNotClean
from loa.schedule.importer import ScheduleImporter
from loa.schedule.models import ScheduleEntry

from .conftest import add_entry, xlsx

pytestmark = pytest.mark.django_db

HEADERS = ["Ngày", "Thời gian", "Nội dung", "Địa điểm", "Chủ trì", "Thành phần", "Đơn vị chuẩn bị", "Ghi chú"]


def row(day: str, when: str, content: str, host: str = "Đ/c Nguyễn Đức Hòa") -> list:
    return [day, when, content, "Hội trường UBND thành phố", host, "Lãnh đạo các phòng", "Văn phòng", ""]


def test_a_clean_week_is_imported(leaders):
    sheet = xlsx(
        HEADERS,
        row("23/11/2026", "7h30", "Chào cờ đầu tuần"),
        row("24/11/2026", "14h00 - 16h30", "Họp Hội đồng bồi thường", host="Trần Thị Thu Hương"),
        row("29/11/2026", "Cả ngày", "Kiểm tra công tác phòng cháy", host="tran thi thu huong"),
        [dt.datetime(2026, 11, 25), dt.time(8, 0), "Dự hội nghị của tỉnh", "", "Nguyễn Đức Hòa – Chủ tịch", "", "", ""],
    )
    assert ScheduleImporter().import_file(sheet) == 4
    entries = {entry.content: entry for entry in ScheduleEntry.objects.select_related("host", "week")}
    meeting = entries["Họp Hội đồng bồi thường"]
    assert (meeting.start_time, meeting.end_time, meeting.host) == (dt.time(14), dt.time(16, 30), leaders["huong"])
    assert entries["Kiểm tra công tác phòng cháy"].part_of_day == "all_day"
    assert entries["Dự hội nghị của tỉnh"].host == leaders["hoa"]
    assert {entry.week.monday for entry in entries.values()} == {dt.date(2026, 11, 23)}


def test_a_csv_file_with_semicolons_is_imported(leaders):
    text = ";".join(HEADERS) + "\n" + ";".join(row("24/11/2026", "Sáng", "Tiếp công dân")) + "\n"
    sheet = SimpleUploadedFile("lich.csv", text.encode("utf-8-sig"))
    assert ScheduleImporter().import_file(sheet) == 1
    assert ScheduleEntry.objects.get().part_of_day == "morning"


def test_every_bad_row_is_listed_and_nothing_is_imported(leaders):
    sheet = xlsx(
        HEADERS,
        row("23/11/2026", "7h30", "Chào cờ đầu tuần"),
        row("24/11/2026", "sớm", "Họp giao ban"),
        row("31/11/2026", "8h00", "Ngày không có thật"),
        row("25/11/2026", "8h00", "Chủ trì lạ", host="Đ/c Lê Văn Lạ"),
        row("26/11/2026", "8h00", ""),
    )
    preview = ScheduleImporter().preview(sheet)
    assert not preview.ok
    bad = {bad_row.line: " ".join(bad_row.errors) for bad_row in preview.bad_rows}
    assert sorted(bad) == [3, 4, 5, 6]
    assert bad[3].startswith("Thời gian: ")
    assert bad[4].startswith("Ngày: ")
    assert bad[6].startswith("Nội dung: ")
    # The unknown leader's message lists the names staff may write.
    assert "Đ/c Lê Văn Lạ" in bad[5]
    assert "Đ/c Nguyễn Đức Hòa; Đ/c Trần Thị Thu Hương" in bad[5]
    with pytest.raises(SheetNotClean):
        ScheduleImporter().import_file(sheet)
    assert not ScheduleEntry.objects.exists()


def test_rows_outside_the_sheets_week_are_named(leaders):
    sheet = xlsx(
        HEADERS,
        row("23/11/2026", "7h30", "Chào cờ đầu tuần"),
        row("24/11/2026", "8h00", "Họp giao ban"),
        row("30/11/2026", "7h30", "Chào cờ tuần sau"),
        row("22/11/2026", "Sáng", "Việc của Chủ nhật tuần trước"),
    )
    preview = ScheduleImporter().preview(sheet)
    assert [bad_row.line for bad_row in preview.bad_rows] == [4, 5]
    message = preview.bad_rows[0].errors[0]
    assert message.startswith("Ngày: ") and "30/11/2026" in message
    assert "23/11/2026" in message and "29/11/2026" in message
    assert not ScheduleEntry.objects.exists()


def test_former_leaders_cannot_be_named(leaders):
    leaders["huong"].active = False
    leaders["huong"].save()
    preview = ScheduleImporter().preview(xlsx(HEADERS, row("24/11/2026", "8h00", "Họp", host="Trần Thị Thu Hương")))
    assert not preview.ok


def test_a_sheet_imported_twice_is_refused(leaders):
    add_entry(leaders["hoa"], dt.date(2026, 11, 23), "Chào cờ đầu tuần", start_time=dt.time(7, 30))
    sheet = xlsx(
        HEADERS,
        row("23/11/2026", "7h30", "Chào cờ đầu tuần"),
        row("24/11/2026", "8h00", "Họp giao ban"),
        row("24/11/2026", "8h00", "Họp giao ban"),
    )
    preview = ScheduleImporter().preview(sheet)
    assert [bad_row.line for bad_row in preview.bad_rows] == [2, 4]
    assert "line 3" in preview.bad_rows[1].errors[0] or "dòng 3" in preview.bad_rows[1].errors[0]


def test_a_missing_column_is_a_file_error(leaders):
    preview = ScheduleImporter().preview(xlsx(HEADERS[:4], ["23/11/2026", "7h30", "Chào cờ", "Hội trường"]))
    assert "Chủ trì" in preview.file_error


def test_the_sample_sheet_validates_once_its_leader_exists(leaders):
    from loa.schedule.models import Leader

    Leader.objects.create(name="Nguyễn Văn Thành", title="Phó Chủ tịch UBND thành phố")
    data = ScheduleImporter().template_xlsx()
    assert ScheduleImporter().preview(SimpleUploadedFile("mau.xlsx", data)).ok
