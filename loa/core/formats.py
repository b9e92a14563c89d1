"""Vietnamese ways of writing numbers and dates.

Django's `vi` locale writes thousands with a space in some versions and needs
USE_THOUSAND_SEPARATOR globally; portals write 4.238.431 everywhere, so the
rule lives here once.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from lunar_vn import can_chi, solar_to_lunar

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def vn_number(value: int | float | str | None) -> str:
    if type(value) is int and value >= 0:  # the usual case, first: every beacon formats four counts
        return f"{value:,}".replace(",", ".")
    if value in (None, ""):
        return "0"
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    sign = "-" if number < 0 else ""
    return sign + f"{abs(number):,}".replace(",", ".")


def local_date(value: dt.datetime | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(VN_TZ)
        return value.date()
    return value


def vn_date(value: dt.datetime | dt.date | None) -> str:
    """21/11/2022, in Asia/Ho_Chi_Minh."""
    if value is None:
        return ""
    return local_date(value).strftime("%d/%m/%Y")


def lunar_label(day: dt.date) -> str:
    """'21/10 năm Bính Ngọ' (a leap month is marked 'nhuận')."""
    lunar = solar_to_lunar(day)
    leap = " nhuận" if lunar.leap else ""
    return f"{lunar.day:02d}/{lunar.month:02d}{leap} năm {can_chi.get_year_can_chi(lunar.year)}"


def header_date(day: dt.date) -> str:
    """'Chủ nhật, 29/11/2026 — 21/10 năm Bính Ngọ'."""
    return f"{WEEKDAYS[day.weekday()]}, {day.strftime('%d/%m/%Y')} — {lunar_label(day)}"
