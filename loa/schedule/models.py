"""Leaders' work schedule (lịch công tác): leaders, entries grouped in weeks, a week's publication, the page.

Publication rule: a week (``ScheduleWeek``) is shown to the public once staff tick "published";
the first time they do, ``published_at`` is stamped and never moved again (unpublishing hides the
week, publishing it again keeps the first stamp). An entry whose content changed after that stamp
is marked "Đã điều chỉnh" with the time of the change; one created after it is marked "Bổ sung".
Saving an entry without changing anything does not mark it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page

from loa.core.models import BasePage

from .times import PartOfDay, sort_key, when_label
from .weeks import Week, monday_of

#: How schedules name a leader: "Đ/c" (đồng chí) before the name.
HONORIFIC = "Đ/c"


class Leader(models.Model):
    """A leader who chairs (chủ trì) entries of the schedule."""

    name = models.CharField(_("full name"), max_length=255, help_text=_("e.g. Nguyễn Văn Thành"))
    title = models.CharField(_("position"), max_length=255, help_text=_("e.g. Chủ tịch UBND thành phố"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Smaller numbers come first."))
    active = models.BooleanField(
        _("in office"),
        default=True,
        help_text=_("Former leaders stay on old entries but leave the filter and imports."),
    )

    panels: ClassVar[list] = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("active")]),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self) -> str:
        """'Đ/c Nguyễn Văn Thành – Chủ tịch UBND thành phố'."""
        return f"{HONORIFIC} {self.name} – {self.title}"


class ScheduleWeek(models.Model):
    """One week of the schedule and whether the public may see it (see the module's publication rule)."""

    monday = models.DateField(_("week starting"), unique=True, help_text=_("The Monday of the week."))
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Citizens see the week's schedule only once it is published.")
    )
    published_at = models.DateTimeField(_("first published at"), null=True, blank=True, editable=False)
    note = models.TextField(_("note for readers"), blank=True, help_text=_("Shown under the week's schedule."))

    panels: ClassVar[list] = [FieldPanel("monday", read_only=True), FieldPanel("published"), FieldPanel("note")]

    class Meta:
        ordering = ["-monday"]
        verbose_name = _("schedule week")
        verbose_name_plural = _("schedule weeks")

    def __str__(self) -> str:
        return str(self.week)

    @property
    def week(self) -> Week:
        return Week(self.monday)

    def clean(self) -> None:
        if self.monday and self.monday.weekday() != 0:
            raise ValidationError({"monday": _("A week starts on a Monday.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    @classmethod
    def for_date(cls, day: dt.date) -> ScheduleWeek:
        week, _created = cls.objects.get_or_create(monday=monday_of(day))
        return week


class ScheduleEntryQuerySet(models.QuerySet):
    def public(self) -> ScheduleEntryQuerySet:
        return self.filter(week__published=True)

    def in_week(self, week: Week) -> ScheduleEntryQuerySet:
        return self.filter(date__gte=week.monday, date__lte=week.sunday)


class ScheduleEntry(models.Model):
    """One engagement of the schedule: when, what, where, chaired by whom, with whom, prepared by whom."""

    #: Fields whose change after publication marks the entry "Đã điều chỉnh".
    TRACKED: ClassVar[tuple[str, ...]] = (
        "date",
        "part_of_day",
        "start_time",
        "end_time",
        "content",
        "location",
        "host_id",
        "participants",
        "preparing_unit",
        "notes",
    )

    week = models.ForeignKey(
        ScheduleWeek, verbose_name=_("week"), on_delete=models.PROTECT, related_name="entries", editable=False
    )
    date = models.DateField(_("date"))
    part_of_day = models.CharField(
        _("part of the day"),
        max_length=16,
        choices=PartOfDay.choices,
        blank=True,
        help_text=_("When there is no exact time: all day, morning, afternoon or evening."),
    )
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    content = models.TextField(_("content"))
    location = models.CharField(_("location"), max_length=500, blank=True)
    host = models.ForeignKey(Leader, verbose_name=_("chaired by"), on_delete=models.PROTECT, related_name="entries")
    participants = models.TextField(_("participants"), blank=True)
    preparing_unit = models.CharField(_("preparing unit"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    changed_at = models.DateTimeField(_("last changed at"), default=timezone.now, editable=False)

    objects = ScheduleEntryQuerySet.as_manager()

    panels: ClassVar[list] = [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time"), FieldPanel("part_of_day")]),
            ],
            heading=_("When"),
        ),
        FieldPanel("content"),
        FieldPanel("location"),
        FieldPanel("host"),
        FieldPanel("participants"),
        FieldPanel("preparing_unit"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")
        indexes = [models.Index(fields=["date"])]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.when_label}: {self.content[:80]}"

    @classmethod
    def from_db(cls, db: str | None, field_names: Iterable[str], values: Iterable[Any]) -> ScheduleEntry:
        """Remember the loaded values, so save() knows whether anything readers see has changed."""
        instance = super().from_db(db, field_names, values)
        instance._loaded = {name: getattr(instance, name) for name in cls.TRACKED if name in instance.__dict__}
        return instance

    def has_changed(self) -> bool:
        loaded = getattr(self, "_loaded", None)
        if loaded is None:
            return True
        return any(getattr(self, name) != value for name, value in loaded.items())

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.start_time and self.part_of_day:
            errors["part_of_day"] = _("Give either an exact time or a part of the day, not both.")
        elif not self.start_time and not self.part_of_day:
            errors["start_time"] = _("Give an exact time or choose a part of the day.")
        if self.end_time and not self.start_time:
            errors["end_time"] = _("An end time needs a start time.")
        elif self.end_time and self.start_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and self.has_changed():
            self.changed_at = timezone.now()
        if self.week_id is None or getattr(self, "_loaded", {}).get("date") != self.date:
            self.week = ScheduleWeek.for_date(self.date)
        super().save(*args, **kwargs)
        self._loaded = {name: getattr(self, name) for name in self.TRACKED}

    @property
    def when_label(self) -> str:
        """'7h30', '14h00 – 16h30', 'Cả ngày'."""
        return when_label(self.part_of_day, self.start_time, self.end_time)

    @property
    def sort_key(self) -> tuple:
        return (self.date, *sort_key(self.part_of_day, self.start_time), self.pk or 0)

    @property
    def adjustment(self) -> tuple[str, dt.datetime] | None:
        """('added' | 'changed', when) if the entry was added or changed after its week was published."""
        published_at = self.week.published_at
        if published_at is None:
            return None
        if self.created_at > published_at:
            return ("added", self.created_at)
        if self.changed_at > published_at:
            return ("changed", self.changed_at)
        return None


class SchedulePage(BasePage, Page):
    """Lịch công tác: one week of published entries, Monday to Sunday, printable on A4."""

    intro = models.TextField(_("lead"), blank=True)

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["loa_home.HomePage"]
    subpage_types: ClassVar[list[str]] = []
    template = "schedule/schedule_page.html"
    show_sidebar = False

    class Meta:
        verbose_name = _("work schedule page")

    def get_context(self, request, *args, **kwargs):
        from .views import week_context

        context = super().get_context(request, *args, **kwargs)
        context.update(week_context(request))
        return context
