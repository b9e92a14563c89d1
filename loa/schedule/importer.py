"""Import a week of the schedule from the sheet the office already keeps (XLSX or CSV).

Every row must name a leader of the list as chủ trì, and all rows one week: a sheet is one
week's schedule, so a row dated in another week is a typing mistake, listed with its line.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loa.core.sheets import Column, Row, SheetImporter, SheetImportView
from loa.search.text import fold, nfc

from .models import HONORIFIC, Leader, ScheduleEntry
from .times import parse_when
from .weeks import Week, monday_of

COLUMNS = [
    Column("date", "Ngày", example="23/11/2026"),
    Column("when", "Thời gian", example="8h00 - 11h30"),
    Column("content", "Nội dung", example="Dự Hội nghị tổng kết công tác năm 2026 của ngành Giáo dục"),
    Column("location", "Địa điểm", example="Hội trường UBND thành phố", required=False),
    Column("host", "Chủ trì", example="Đ/c Nguyễn Văn Thành"),
    Column("participants", "Thành phần", example="Lãnh đạo phòng Giáo dục và Đào tạo", required=False),
    Column("preparing_unit", "Đơn vị chuẩn bị", example="Phòng Giáo dục và Đào tạo", required=False),
    Column("notes", "Ghi chú", required=False),
]
HEADERS = {column.name: column.header for column in COLUMNS}
_PREFIXES = ("d/c ", "dc ", "dong chi ", "ong ", "ba ")
_TITLE_SEPARATORS = (" – ", " - ", " — ", ",", "(")


class EntryRowForm(forms.Form):
    date = forms.DateField(input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"])
    when = forms.CharField(max_length=100)
    content = forms.CharField(max_length=5000)
    location = forms.CharField(max_length=500, required=False)
    host = forms.CharField(max_length=255)
    participants = forms.CharField(max_length=5000, required=False)
    preparing_unit = forms.CharField(max_length=500, required=False)
    notes = forms.CharField(max_length=5000, required=False)

    def clean_when(self):
        when = parse_when(self.cleaned_data["when"])
        if when is None:
            raise forms.ValidationError(
                _("write a time such as 8h00 or 14h00 - 16h30, or one of Cả ngày, Sáng, Chiều, Tối.")
            )
        return when


def leader_key(text: str) -> str:
    """'Đ/c Nguyễn Văn Thành – Chủ tịch UBND' → 'nguyen van thanh': the name, folded, without honorific or title."""
    key = " ".join(fold(text).split())
    for separator in _TITLE_SEPARATORS:
        key = key.split(separator, 1)[0].strip()
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :].strip()
    return key


def match_leader(text: str, leaders: list[Leader]) -> Leader | None:
    """The leader a cell names: the exact spelling first, then the name without diacritics if only one fits."""
    name = nfc(text).strip()
    for leader in leaders:
        if name in (leader.name, str(leader), f"{HONORIFIC} {leader.name}"):
            return leader
    found = [leader for leader in leaders if leader_key(leader.name) == leader_key(text)]
    return found[0] if len(found) == 1 else None


class ScheduleImporter(SheetImporter):
    columns: ClassVar[list[Column]] = COLUMNS
    form_class = EntryRowForm
    sheet_name = "Lịch công tác"

    def check_rows(self, rows: list[Row]) -> None:
        self._check_hosts(rows)
        self._check_one_week(rows)
        self._check_duplicates(rows)

    def _check_hosts(self, rows: list[Row]) -> None:
        leaders = list(Leader.objects.filter(active=True))
        allowed = "; ".join(f"{HONORIFIC} {leader.name}" for leader in leaders) or _("(the list of leaders is empty)")
        for row in rows:
            leader = match_leader(row.cleaned["host"], leaders)
            if leader is None:
                row.add_error(
                    _("%(column)s: “%(value)s” is not on the list of leaders. Write one of: %(names)s.")
                    % {"column": HEADERS["host"], "value": row.cleaned["host"], "names": allowed}
                )
            else:
                row.cleaned["leader"] = leader

    def _check_one_week(self, rows: list[Row]) -> None:
        mondays = Counter(monday_of(row.cleaned["date"]) for row in rows)
        if len(mondays) < 2:
            return
        # The week most rows fall in is the sheet's week; on a tie, the earliest.
        monday = min(mondays, key=lambda day: (-mondays[day], day))
        week = Week(monday)
        for row in rows:
            if row.cleaned["date"] not in week:
                row.add_error(
                    _("%(column)s: %(date)s is not in the week of the other rows, %(week)s. A sheet holds one week.")
                    % {"column": HEADERS["date"], "date": f"{row.cleaned['date']:%d/%m/%Y}", "week": week}
                )

    def _check_duplicates(self, rows: list[Row]) -> None:
        """The same time and content twice (in the sheet or already saved) is a sheet imported twice."""
        dates = {row.cleaned["date"] for row in rows}
        seen = {
            self._key(entry.date, entry.part_of_day, entry.start_time, entry.content): None
            for entry in ScheduleEntry.objects.filter(date__in=dates)
        }
        lines: dict[tuple, int] = {}
        for row in rows:
            when = row.cleaned["when"]
            key = self._key(row.cleaned["date"], when.part, when.start, row.cleaned["content"])
            if key in seen:
                row.add_error(_("This entry (same date, time and content) is already in the schedule."))
            elif key in lines:
                row.add_error(_("This entry repeats line %(line)s.") % {"line": lines[key]})
            else:
                lines[key] = row.line

    @staticmethod
    def _key(date, part, start, content) -> tuple:
        return (date, part or "", start, " ".join(fold(content).split()))

    def save(self, rows: list[Row]) -> int:
        for row in rows:
            data, when = row.cleaned, row.cleaned["when"]
            ScheduleEntry.objects.create(
                date=data["date"],
                part_of_day=when.part,
                start_time=when.start,
                end_time=when.end,
                content=data["content"],
                location=data["location"],
                host=data["leader"],
                participants=data["participants"],
                preparing_unit=data["preparing_unit"],
                notes=data["notes"],
            )
        return len(rows)


class ScheduleImportView(SheetImportView):
    importer_class = ScheduleImporter
    permission_required = "loa_schedule.add_scheduleentry"
    page_title = gettext_lazy("Import a week of the schedule")
    success_url = reverse_lazy("schedule_entries:index")
