"""The report screen: period and order on top, the totals, the sections, the pages, and the downloads."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.utils.translation import pgettext_lazy

from loa.newsroom.reports.base import ReportView, query_string
from loa.newsroom.reports.export import csv_response, xlsx_response
from loa.newsroom.reports.forms import QUICK_PERIODS

from ..formats import vn_average
from .forms import RatingFilters, RatingReportForm
from .queries import SCORES, Report, all_comments, build_report
from .tables import comments_table, pages_table, sections_table, summary_table

PERMISSION = "loa_ratings.view_report"


def user_can_view_report(user) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(PERMISSION))


class RatingReportView(ReportView):
    template_name = "ratings/report/index.html"
    page_title = pgettext_lazy("ratings report", "Satisfaction ratings")
    header_icon = "comment"

    form_class = RatingReportForm
    denied_template_name = "ratings/report/denied.html"
    #: This month and last month only, the two shortcuts this screen has always offered.
    quick_period_choices = tuple(period for period in QUICK_PERIODS if period.key != "this_year")

    def user_can_view(self, user) -> bool:
        return user_can_view_report(user)

    def build_report(self, filters: RatingFilters) -> Report:
        return build_report(filters)

    def export(self, kind: str, table_key: str) -> HttpResponse:
        filters = self.report.filters
        period = f"{filters.date_from:%Y%m%d}-{filters.date_to:%Y%m%d}"
        tables = [sections_table(self.report), pages_table(self.report)]
        if kind == "xlsx":
            comments = comments_table(all_comments(filters))
            return xlsx_response([summary_table(self.report), *tables, comments], f"danh-gia-{period}.xlsx")
        if kind == "csv":
            if table_key == "comments":
                return csv_response(comments_table(all_comments(filters)), f"danh-gia-y-kien-{period}.csv")
            for table in tables:
                if table.key == table_key:
                    return csv_response(table, f"danh-gia-{table.file_slug}-{period}.csv")
        raise Http404("Unknown export")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["scores"] = SCORES
        report = self.report
        if report is not None:
            context["average"] = vn_average(report.summary.average)
            context["csv_urls"] = {
                key: query_string(self.params, export="csv", table=key) for key in ("sections", "pages", "comments")
            }
        return context
