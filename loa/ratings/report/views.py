"""The report screen: period and order on top, the totals, the sections, the pages, and the downloads."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from loa.core.formats import local_date, vn_date
from loa.newsroom.reports.export import csv_response, xlsx_response
from loa.newsroom.reports.forms import DATE_FORMAT, last_month, this_month
from loa.newsroom.reports.views import query_string

from ..formats import vn_average
from .forms import RatingReportForm
from .queries import SCORES, Report, all_comments, build_report
from .tables import comments_table, pages_table, sections_table, summary_table

PERMISSION = "loa_ratings.view_report"


def user_can_view_report(user) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(PERMISSION))


class RatingReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ratings/report/index.html"
    page_title = pgettext_lazy("ratings report", "Satisfaction ratings")
    header_icon = "comment"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not user_can_view_report(request.user):
            return self.denied(request)
        return super().dispatch(request, *args, **kwargs)

    def denied(self, request: HttpRequest) -> HttpResponse:
        """A 403 in the admin's own frame, saying why (as the newsroom's statistics screen does)."""
        context = {
            "header_title": self.page_title,
            "breadcrumbs_items": self.get_breadcrumbs_items(),
            "header_icon": self.header_icon,
        }
        return TemplateResponse(request, "ratings/report/denied.html", context, status=HTTPStatus.FORBIDDEN)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.today = local_date(timezone.now())
        self.params = request.GET.copy()
        self.params.pop("export", None)
        self.params.pop("table", None)
        self.form = RatingReportForm(self.params, today=self.today)
        self.report: Report | None = build_report(self.form.filters()) if self.form.is_valid() else None
        export = request.GET.get("export")
        if export and self.report is not None and not self.report.is_empty:
            return self.export(export, request.GET.get("table", ""))
        return self.render_to_response(self.get_context_data())

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

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_header_buttons(self) -> list[HeaderButton]:
        if self.report is None or self.report.is_empty:
            return []
        return [
            HeaderButton(
                pgettext("newsroom reports", "Download Excel (XLSX)"),
                url=query_string(self.params, export="xlsx"),
                icon_name="download",
                attrs={"download": ""},
            )
        ]

    def quick_periods(self) -> list[dict[str, Any]]:
        chosen = (self.form.cleaned_data.get("date_from"), self.form.cleaned_data.get("date_to")) if self.report else ()
        links = []
        for label, dates in (
            (pgettext("newsroom reports", "This month"), this_month),
            (pgettext("newsroom reports", "Last month"), last_month),
        ):
            first, last = dates(self.today)
            url = query_string(self.params, date_from=first.strftime(DATE_FORMAT), date_to=last.strftime(DATE_FORMAT))
            links.append({"label": label, "url": url, "current": chosen == (first, last)})
        return links

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, report=self.report, quick_periods=self.quick_periods(), scores=SCORES)
        report = self.report
        if report is not None:
            context["period"] = f"{vn_date(report.filters.date_from)} – {vn_date(report.filters.date_to)}"
            context["average"] = vn_average(report.summary.average)
            context["csv_urls"] = {
                key: query_string(self.params, export="csv", table=key) for key in ("sections", "pages", "comments")
            }
        context["media"] = self.form.media
        return context
