"""Working days of a Vietnamese agency: Monday to Friday, less public holidays, plus the agency's own days.

Public holidays (Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh and the days the
government moves to make long weekends) come from the `holidays` package: its
Vietnam calendar follows the Labour Code's lunar dates and the substitute days, which
would otherwise need a lunar calendar and a yearly edit here. On top of it the agency
records its own decisions in the admin (`AgencyDay`): bridging days off around Tết,
and Saturdays worked in exchange ("làm bù").
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

import holidays

#: No answer deadline runs past this many calendar days, whatever the calendar says
#: (a guard against a misconfigured year of days off looping for ever).
MAX_SPAN_DAYS = 3660


@functools.lru_cache(maxsize=64)
def public_holidays(year: int) -> dict[dt.date, str]:
    """Vietnam's public holidays of one year, with their Vietnamese names."""
    return dict(holidays.country_holidays("VN", years=year, language="vi"))


@dataclass(frozen=True)
class WorkCalendar:
    """Which days count: weekdays that are no public holiday and no agency day off, plus extra working days."""

    days_off: frozenset[dt.date] = field(default_factory=frozenset)
    extra_working_days: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, days_off: Iterable[dt.date] = (), extra_working_days: Iterable[dt.date] = ()) -> WorkCalendar:
        return cls(frozenset(days_off), frozenset(extra_working_days))

    def holiday_name(self, day: dt.date) -> str | None:
        return public_holidays(day.year).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.days_off or self.holiday_name(day):
            return False
        return day.weekday() < 5

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `start` (the day of receipt itself never counts).

        A question received on a Saturday or a holiday therefore starts counting on the
        next working day, as administrative deadlines do.
        """
        day = start
        remaining = count
        for _ in range(MAX_SPAN_DAYS):
            if remaining <= 0:
                return day
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        raise ValueError(f"no {count} working days within {MAX_SPAN_DAYS} days of {start}")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when end ≤ start)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count
