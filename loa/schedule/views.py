"""What the schedule page shows for a request: the week asked for (?tuan=), the leader filter (?lanh_dao=)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from .models import Leader, ScheduleEntry, ScheduleWeek
from .weeks import Week, weekday_label

WEEK_PARAM = "tuan"
LEADER_PARAM = "lanh_dao"


@dataclass
class Day:
    date: dt.date
    is_today: bool
    entries: list[ScheduleEntry] = field(default_factory=list)

    @property
    def label(self) -> str:
        """'Thứ Hai, 23/11/2026'."""
        return f"{weekday_label(self.date)}, {self.date:%d/%m/%Y}"


def chosen_week(value: str, today: dt.date) -> tuple[Week, bool]:
    """The week named by ?tuan= and whether the value was unreadable (then: this week)."""
    if not value:
        return Week.of(today), False
    week = Week.parse(value)
    return (week, False) if week else (Week.of(today), True)


def chosen_leader(value: str) -> Leader | None:
    if not (value.isascii() and value.isdigit()) or len(value) >= 10:  # "²".isdigit(), yet int("²") fails
        return None
    return Leader.objects.filter(pk=int(value)).first()


def week_context(request) -> dict:
    today = timezone.localdate()
    week, invalid_week = chosen_week(request.GET.get(WEEK_PARAM, "")[:40], today)
    leader = chosen_leader(request.GET.get(LEADER_PARAM, ""))
    schedule_week = ScheduleWeek.objects.filter(monday=week.monday, published=True).first()

    days = [Day(date=day, is_today=day == today) for day in week.days]
    if schedule_week is not None:
        entries = schedule_week.entries.select_related("host")
        if leader is not None:
            entries = entries.filter(host=leader)
        for entry in sorted(entries, key=lambda entry: entry.sort_key):
            entry.week = schedule_week  # already loaded: no query per entry for its publication time
            days[entry.date.weekday()].entries.append(entry)

    leaders = list(Leader.objects.filter(active=True))
    if leader is not None and leader not in leaders:
        leaders.append(leader)
    return {
        "week": week,
        "this_week": Week.of(today),
        "invalid_week": invalid_week,
        "schedule_week": schedule_week,
        "days": days,
        "has_entries": any(day.entries for day in days),
        "leaders": leaders,
        "leader": leader,
    }
