"""Weeks run Monday to Sunday and are numbered the ISO way, across year ends too."""

from __future__ import annotations

import datetime as dt

import pytest

from loa.schedule.times import When, parse_when, when_label
from loa.schedule.weeks import Week, weekday_label


def test_a_week_starts_on_monday_and_ends_on_sunday():
    week = Week.of(dt.date(2026, 11, 29))  # a Sunday
    assert week.monday == dt.date(2026, 11, 23)
    assert week.sunday == dt.date(2026, 11, 29)
    assert dt.date(2026, 11, 29) in week
    assert dt.date(2026, 11, 30) not in week
    assert Week.of(dt.date(2026, 11, 30)).monday == dt.date(2026, 11, 30)


def test_a_week_is_named_like_the_html_week_input():
    assert Week.of(dt.date(2026, 11, 25)).key == "2026-W48"
    assert Week.parse("2026-W48") == Week(dt.date(2026, 11, 23))
    assert Week.parse("2026w48") == Week(dt.date(2026, 11, 23))


@pytest.mark.parametrize("value", ["2026-11-25", "25/11/2026", "25-11-2026", "29/11/2026"])
def test_any_date_names_its_week(value):
    assert Week.parse(value) == Week(dt.date(2026, 11, 23))


@pytest.mark.parametrize("value", ["", "tuần 48", "2026-W00", "2025-W53", "2026-W54", "1899-W10", "31/02/2026"])
def test_nonsense_names_no_week(value):
    assert Week.parse(value) is None


def test_week_53_of_2026_ends_in_2027_and_belongs_to_2026():
    week = Week.parse("2026-W53")
    assert (week.monday, week.sunday) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert Week.of(dt.date(2027, 1, 1)) == week
    assert week.key == "2026-W53"
    assert week.next().key == "2027-W01"
    assert week.next().monday == dt.date(2027, 1, 4)


def test_the_first_days_of_january_can_belong_to_last_years_week():
    assert Week.of(dt.date(2027, 1, 2)).key == "2026-W53"
    assert Week.of(dt.date(2026, 1, 1)).key == "2026-W01"  # a Thursday: week 1 starts 29/12/2025
    assert Week.parse("2026-W01").monday == dt.date(2025, 12, 29)
    assert Week.parse("2026-W01").previous().key == "2025-W52"


def test_days_are_named_as_schedules_write_them():
    labels = [weekday_label(day) for day in Week(dt.date(2026, 11, 23)).days]
    assert labels == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("8h00", When(start=dt.time(8, 0))),
        ("8h", When(start=dt.time(8, 0))),
        ("08:30", When(start=dt.time(8, 30))),
        ("08:30:00", When(start=dt.time(8, 30))),
        ("14 giờ 30", When(start=dt.time(14, 30))),
        ("14h00 - 16h30", When(start=dt.time(14, 0), end=dt.time(16, 30))),
        ("Sáng 8h00", When(start=dt.time(8, 0))),
        ("Cả ngày", When(part="all_day")),
        ("ca ngay", When(part="all_day")),
        ("Sáng", When(part="morning")),
        ("Buổi chiều", When(part="afternoon")),
        ("Tối", When(part="evening")),
    ],
)
def test_times_are_read_as_offices_write_them(text, when):
    assert parse_when(text) == when


@pytest.mark.parametrize("text", ["", "sớm", "25h00", "16h00 - 14h00", "8h - 9h - 10h"])
def test_unreadable_times_are_refused(text):
    assert parse_when(text) is None


def test_times_are_shown_the_vietnamese_way():
    assert when_label("", dt.time(7, 30), None) == "7h30"
    assert when_label("", dt.time(14, 0), dt.time(16, 30)) == "14h00 – 16h30"
    assert when_label("all_day", None, None) == "Cả ngày"
