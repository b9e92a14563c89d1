"""ISO weeks as a city's schedule counts them: Monday to Sunday, week 1 holds the year's first Thursday.

Readers and links name a week "2026-W48" (the HTML week input's format) or any date in it;
everything else in the app works with the week's Monday.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext

from loa.core.formats import WEEKDAYS

ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
# Weeks outside this range are typing mistakes, not schedules.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class Week:
    """The seven days starting on ``monday``."""

    monday: dt.date

    @classmethod
    def of(cls, day: dt.date) -> Week:
        return cls(monday_of(day))

    @classmethod
    def parse(cls, value: str) -> Week | None:
        """'2026-W48', '2026W48', '2026-11-25' or '25/11/2026' → the week; anything else → None."""
        value = (value or "").strip()
        if match := ISO_WEEK.match(value):
            year, number = int(match[1]), int(match[2])
            if not FIRST_YEAR <= year <= LAST_YEAR:
                return None
            try:
                return cls(dt.date.fromisocalendar(year, number, 1))
            except ValueError:  # week 0, or week 53 of a 52-week year
                return None
        for fmt in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(value, fmt).date()
            except ValueError:
                continue
            return cls.of(day) if FIRST_YEAR <= day.year <= LAST_YEAR else None
        return None

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=offset) for offset in range(7)]

    @property
    def year(self) -> int:
        """The ISO year: 2026-W53 ends on 03/01/2027 but belongs to 2026."""
        return self.monday.isocalendar().year

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def key(self) -> str:
        """'2026-W48', the value of ?tuan= and of <input type="week">."""
        return f"{self.year}-W{self.number:02d}"

    def previous(self) -> Week:
        return Week(self.monday - dt.timedelta(days=7))

    def next(self) -> Week:
        return Week(self.monday + dt.timedelta(days=7))

    def __contains__(self, day: dt.date) -> bool:
        return self.monday <= day <= self.sunday

    def __str__(self) -> str:
        """'Tuần 48/2026 (23/11/2026 – 29/11/2026)', as the admin and import messages name a week."""
        return gettext("Week %(number)s/%(year)s (%(start)s – %(end)s)") % {
            "number": self.number,
            "year": self.year,
            "start": f"{self.monday:%d/%m/%Y}",
            "end": f"{self.sunday:%d/%m/%Y}",
        }


def weekday_label(day: dt.date) -> str:
    """'Thứ Hai', … 'Chủ nhật': schedules capitalise the day's number."""
    name = WEEKDAYS[day.weekday()]
    return name if day.weekday() == 6 else name[:4] + name[4:].capitalize()
