"""When an entry happens, as schedules write it: '7h30', '14h00 – 16h30', 'Cả ngày', 'Sáng', 'Chiều', 'Tối'."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from loa.search.text import fold


class PartOfDay(models.TextChoices):
    ALL_DAY = "all_day", _("All day")
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")
    EVENING = "evening", _("Evening")


#: What citizens read (public pages are Vietnamese whatever the admin's language).
PUBLIC_LABELS = {
    PartOfDay.ALL_DAY: "Cả ngày",
    PartOfDay.MORNING: "Sáng",
    PartOfDay.AFTERNOON: "Chiều",
    PartOfDay.EVENING: "Tối",
}
#: Where an entry without a clock time sorts within its day.
PART_ORDER = {
    PartOfDay.ALL_DAY: (0, 0),
    PartOfDay.MORNING: (7, 0),
    PartOfDay.AFTERNOON: (13, 0),
    PartOfDay.EVENING: (18, 0),
}

_PARTS = (
    ("ca ngay", PartOfDay.ALL_DAY),
    ("sang", PartOfDay.MORNING),
    ("chieu", PartOfDay.AFTERNOON),
    ("toi", PartOfDay.EVENING),
)
_SECONDS = re.compile(r"\b(\d{1,2}:\d{2}):\d{2}\b")
_CLOCK = re.compile(r"(\d{1,2})\s*(?:gio|h|g|:)\s*(\d{2})?")


@dataclass(frozen=True)
class When:
    part: str = ""
    start: dt.time | None = None
    end: dt.time | None = None


def parse_when(text: str) -> When | None:
    """'8h', '08:00', '8 giờ 30', '14h00 - 17h00', 'Cả ngày', 'Sáng' → When; None when unreadable.

    A clock time wins over a part of the day ('Sáng 8h00' is 8h00): the time says more.
    """
    folded = _SECONDS.sub(r"\1", fold(text or "").strip())
    clocks = []
    for hour, minute in _CLOCK.findall(folded):
        try:
            clocks.append(dt.time(int(hour), int(minute or 0)))
        except ValueError:
            return None
    if len(clocks) > 2 or (len(clocks) == 2 and clocks[1] <= clocks[0]):
        return None
    if clocks:
        return When(start=clocks[0], end=clocks[1] if len(clocks) == 2 else None)
    for word, part in _PARTS:
        if folded == word or folded.startswith(word + " ") or folded == "buoi " + word:
            return When(part=part)
    return None


def clock(value: dt.time) -> str:
    """'7h30', '14h00'."""
    return f"{value.hour}h{value.minute:02d}"


def when_label(part: str, start: dt.time | None, end: dt.time | None) -> str:
    if start:
        return f"{clock(start)} – {clock(end)}" if end else clock(start)
    return PUBLIC_LABELS.get(part, "")


def sort_key(part: str, start: dt.time | None) -> tuple[int, int]:
    if start:
        return (start.hour, start.minute)
    return PART_ORDER.get(part, (0, 0))
