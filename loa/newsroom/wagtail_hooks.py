"""The newsroom's admin screens: the reports screen (Thống kê), its menu item and its permission."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import views as report_views
from .reports.views import user_can_view_reports


class ReportsMenuItem(MenuItem):
    """Shown only to those who may open the screen (approvers, administrators)."""

    def is_shown(self, request) -> bool:
        return user_can_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_reports_urls():
    urls = [path("", report_views.ReportsView.as_view(), name="index")]
    return [path("newsroom/reports/", include((urls, "loa_newsroom_reports")))]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        report_views.ReportsView.page_title,
        reverse_lazy("loa_newsroom_reports:index"),
        name="newsroom-reports",
        icon_name="chart-bar",
        order=800,
    )


@hooks.register("register_icons")
def register_report_icons(icons: list[str]) -> list[str]:
    return [*icons, "newsroom/reports/icons/chart-bar.svg"]


@hooks.register("register_permissions")
def register_report_permissions():
    """So an administrator can grant it in Wagtail's group editor."""
    return Permission.objects.filter(content_type__app_label="loa_newsroom", codename="view_reports")
