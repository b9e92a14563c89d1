"""The satisfaction report in the admin's Reports menu, and its permission in the group editor."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report.views import RatingReportView, user_can_view_report


class RatingReportMenuItem(MenuItem):
    """Shown only to those who may open it (leaders and administrators)."""

    def is_shown(self, request) -> bool:
        return user_can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_rating_report_urls():
    return [path("ratings/report/", RatingReportView.as_view(), name="loa_ratings_report")]


@hooks.register("register_reports_menu_item")
def register_rating_report_menu_item():
    return RatingReportMenuItem(
        RatingReportView.page_title,
        reverse_lazy("loa_ratings_report"),
        name="satisfaction-ratings",
        icon_name="comment",
        order=900,
    )


@hooks.register("register_permissions")
def register_rating_report_permission():
    """So an administrator can grant it in Wagtail's group editor."""
    return Permission.objects.filter(content_type__app_label="loa_ratings", codename="view_report")
