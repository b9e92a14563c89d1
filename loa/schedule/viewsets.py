"""The "Lịch công tác" admin menu: entries (filter by week and leader), weeks (publication), leaders, import.

Wagtail's permission policies do the checks: editors (Biên tập viên) add and change entries,
approvers and administrators also publish weeks and keep the list of leaders.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from .importer import ScheduleImportView
from .models import Leader, ScheduleEntry, ScheduleWeek

IMPORT_PERMISSION = "loa_schedule.add_scheduleentry"


def local_stamp(week: ScheduleWeek) -> str:
    """'24/11/2026 15:20' in Vietnam's time, or nothing before the first publication."""
    return f"{timezone.localtime(week.published_at):%d/%m/%Y %H:%M}" if week.published_at else ""


class EntryIndexView(IndexView):
    """The entries list, with a button to import a week from a sheet."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(IMPORT_PERMISSION):
            buttons.append(HeaderButton(_("Import a week"), url=reverse("schedule_import:index"), icon_name="upload"))
        return buttons


class LeaderDeleteView(DeleteView):
    """A leader who chairs entries stays: the schedule's history must keep its names (untick "in office").

    Checked here rather than left to Wagtail's reference index, which knows of the entries only
    once its background update has run.
    """

    def form_valid(self, form):
        if self.object.entries.exists():
            messages.error(
                self.request,
                _("%(leader)s chairs entries of the schedule and cannot be deleted; untick “in office” instead.")
                % {"leader": self.object},
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class ScheduleEntryViewSet(ModelViewSet):
    model = ScheduleEntry
    name = "schedule_entries"
    url_prefix = "schedule/entries"
    icon = "date"
    menu_label = _("Entries")
    index_view_class = EntryIndexView
    copy_view_enabled = True
    list_per_page = 50
    list_display = [
        Column("date", label=capfirst(_("date")), accessor=lambda entry: f"{entry.date:%d/%m/%Y}", sort_key="date"),
        Column("when_label", label=capfirst(_("time"))),
        "content",
        "host",
        BooleanColumn("week__published", label=capfirst(_("published")), accessor=lambda entry: entry.week.published),
    ]
    list_filter = ["week", "host", "date"]
    search_fields = ["content", "location", "participants"]
    search_backend_name = None
    ordering = ["-date", "start_time"]

    def get_queryset(self, request):
        return ScheduleEntry.objects.select_related("week", "host")


class ScheduleWeekViewSet(ModelViewSet):
    """Weeks appear when entries are added to them; here approvers publish (or withdraw) a week."""

    model = ScheduleWeek
    name = "schedule_weeks"
    url_prefix = "schedule/weeks"
    icon = "calendar"
    menu_label = _("Weeks and publication")
    copy_view_enabled = False
    list_display = [
        "__str__",
        BooleanColumn("published", label=capfirst(_("published"))),
        Column("published_at", label=capfirst(_("first published at")), accessor=local_stamp),
    ]
    list_filter = ["published"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, delete_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in ("add", "delete", "copy")]


class LeaderViewSet(ModelViewSet):
    model = Leader
    name = "schedule_leaders"
    url_prefix = "schedule/leaders"
    icon = "user"
    menu_label = _("Leaders")
    delete_view_class = LeaderDeleteView
    copy_view_enabled = False
    list_display = ["name", "title", "sort_order", BooleanColumn("active", label=capfirst(_("in office")))]
    list_filter = ["active"]


class ScheduleImportViewSet(ViewSet):
    name = "schedule_import"
    url_prefix = "schedule/import"
    icon = "upload"
    menu_label = _("Import a week")

    @cached_property
    def menu_item_class(self):
        class ImportMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm(IMPORT_PERMISSION)

        return ImportMenuItem

    def get_urlpatterns(self):
        return [path("", ScheduleImportView.as_view(header_icon=self.icon), name="index")]


class ScheduleViewSetGroup(ViewSetGroup):
    menu_label = _("Work schedule")
    menu_icon = "date"
    menu_order = 460
    items = (ScheduleEntryViewSet, ScheduleWeekViewSet, LeaderViewSet, ScheduleImportViewSet)
