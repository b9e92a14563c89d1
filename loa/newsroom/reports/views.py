"""The reports screen: filters on top, the totals, two charts, the tables, and their downloads."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from .base import ReportView, query_string
from .chart import Bar, bar_chart
from .export import csv_response, xlsx_response
from .forms import ReportFilterForm, ReportFilters
from .queries import Report, build_report
from .tables import Table, month_label, report_tables, summary_table

PERMISSION = "loa_newsroom.view_reports"


def user_can_view_reports(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class ReportsView(ReportView):
    template_name = "newsroom/reports/index.html"
    page_title = pgettext_lazy("newsroom reports", "Statistics")
    header_icon = "chart-bar"

    form_class = ReportFilterForm
    denied_template_name = "newsroom/reports/denied.html"

    def user_can_view(self, user) -> bool:
        return user_can_view_reports(user)

    def build_report(self, filters: ReportFilters) -> Report:
        return build_report(filters)

    def export(self, kind: str, table_key: str) -> HttpResponse:
        filters = self.report.filters
        period = f"{filters.date_from:%Y%m%d}-{filters.date_to:%Y%m%d}"
        tables = report_tables(self.report)
        if kind == "xlsx":
            return xlsx_response(
                [summary_table(self.report, self.filter_labels(filters)), *tables], f"thong-ke-{period}.xlsx"
            )
        if kind == "csv":
            for table in tables:
                if table.key == table_key:
                    return csv_response(table, f"thong-ke-{table.file_slug}-{period}.csv")
        raise Http404("Unknown export")

    @staticmethod
    def filter_labels(filters: ReportFilters) -> list[tuple[str, Any]]:
        return [
            (pgettext("newsroom reports", "From"), filters.date_from),
            (pgettext("newsroom reports", "To"), filters.date_to),
            (
                pgettext("newsroom reports", "Section"),
                filters.section.title if filters.section else pgettext("newsroom reports", "All sections"),
            ),
            (
                pgettext("newsroom reports", "Author"),
                filters.author.name if filters.author else pgettext("newsroom reports", "All authors"),
            ),
            (
                pgettext("newsroom reports", "Status"),
                filters.status_label or pgettext("newsroom reports", "All statuses"),
            ),
        ]

    def charts(self, report: Report) -> list[dict[str, Any]]:
        months = [row.month for row in report.months]
        first, last = month_label(months[0]), month_label(months[-1])
        # Within one year the bars say "T3" and the axis says the year: twelve labels fit without crowding.
        if months[0].year == months[-1].year:
            # Translators: a month's short label under a bar of a chart, e.g. "M3" for March (Vietnamese "T3").
            ticks = [pgettext("newsroom reports", "M%(month)d") % {"month": month.month} for month in months]
            x_label = pgettext("newsroom reports", "Months of %(year)d") % {"year": months[0].year}
        else:
            ticks = [""] * len(months)
            x_label = pgettext("newsroom reports", "Month")
        return [
            {
                "heading": pgettext("newsroom reports", "Articles per month"),
                "svg": bar_chart(
                    [
                        Bar(month_label(row.month), row.articles, tick)
                        for row, tick in zip(report.months, ticks, strict=True)
                    ],
                    chart_id="chart-articles",
                    title=_("Articles per month, %(first)s to %(last)s") % {"first": first, "last": last},
                    description=_("Number of articles in each month:"),
                    x_label=x_label,
                    y_label=pgettext("newsroom reports", "Articles"),
                    unit=pgettext("newsroom reports", "articles"),
                    css_class="loa-chart--articles",
                ),
            },
            {
                "heading": pgettext("newsroom reports", "Views per month"),
                "svg": bar_chart(
                    [
                        Bar(month_label(row.month), row.period_views, tick)
                        for row, tick in zip(report.months, ticks, strict=True)
                    ],
                    chart_id="chart-views",
                    title=_("Views per month, %(first)s to %(last)s") % {"first": first, "last": last},
                    description=_("Views of the articles in each month:"),
                    x_label=x_label,
                    y_label=pgettext("newsroom reports", "Views"),
                    unit=pgettext("newsroom reports", "views"),
                    css_class="loa-chart--views",
                ),
            },
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        report = self.report
        if report is not None and not report.is_empty:
            tables: list[Table] = report_tables(report)
            context["tables"] = [
                {"table": table, "csv_url": query_string(self.params, export="csv", table=table.key)}
                for table in tables
            ]
            context["charts"] = self.charts(report)
        return context
