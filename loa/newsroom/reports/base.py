"""The admin report screen both reports share (newsroom statistics, satisfaction ratings).

Each report only says who may see it, which form filters it, how its numbers are
counted and how it is downloaded; the denial page, the query string handling, the
quick periods and the Excel button work the same way everywhere, so they live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from loa.core.formats import local_date, vn_date

from .forms import DATE_FORMAT, QUICK_PERIODS, PeriodForm, QuickPeriod


def query_string(params: QueryDict, **changes: str | None) -> str:
    """The current filters with some values changed (None removes one)."""
    query = params.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """Filters from the query string, a report built only from valid filters, and its downloads.

    A subclass sets `form_class` and `denied_template_name` and writes `user_can_view`,
    `build_report` and `export`; its report has `filters` (with `date_from`/`date_to`)
    and `is_empty`.
    """

    form_class: type[PeriodForm]
    denied_template_name: str
    quick_period_choices: Sequence[QuickPeriod] = QUICK_PERIODS

    def user_can_view(self, user) -> bool:
        raise NotImplementedError

    def build_report(self, filters: Any) -> Any:
        raise NotImplementedError

    def export(self, kind: str, table_key: str) -> HttpResponse:
        raise NotImplementedError

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.user_can_view(request.user):
            return self.denied(request)
        return super().dispatch(request, *args, **kwargs)

    def denied(self, request: HttpRequest) -> HttpResponse:
        """A 403 in the admin's own frame, saying why (Wagtail would redirect to the dashboard instead)."""
        context = {
            "header_title": self.page_title,
            "breadcrumbs_items": self.get_breadcrumbs_items(),
            "header_icon": self.header_icon,
        }
        return TemplateResponse(request, self.denied_template_name, context, status=HTTPStatus.FORBIDDEN)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.today = local_date(timezone.now())
        self.params = request.GET.copy()
        self.params.pop("export", None)
        self.params.pop("table", None)
        self.form = self.form_class(self.params, today=self.today)
        self.report = self.build_report(self.form.filters()) if self.form.is_valid() else None
        export = request.GET.get("export")
        if export and self.report is not None and not self.report.is_empty:
            return self.export(export, request.GET.get("table", ""))
        return self.render_to_response(self.get_context_data())

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
        for period in self.quick_period_choices:
            first, last = period.dates(self.today)
            links.append(
                {
                    "label": period.label,
                    "url": query_string(
                        self.params, date_from=first.strftime(DATE_FORMAT), date_to=last.strftime(DATE_FORMAT)
                    ),
                    "current": chosen == (first, last),
                }
            )
        return links

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, report=self.report, quick_periods=self.quick_periods(), media=self.form.media)
        if self.report is not None:
            filters = self.report.filters
            context["period"] = f"{vn_date(filters.date_from)} – {vn_date(filters.date_to)}"
        return context
