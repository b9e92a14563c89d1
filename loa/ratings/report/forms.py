"""The report's filters: a period (this month by default) and an order for the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.widgets import AdminDateInput

from loa.newsroom.reports.forms import (
    DATE_FORMAT,
    DATE_INPUT_FORMATS,
    MAX_MONTHS,
    MAX_YEARS,
    months_between,
    this_month,
)


class Order(models.TextChoices):
    COUNT = "count", _("Most ratings first")
    BEST = "best", _("Highest average first")
    WORST = "worst", _("Lowest average first")


@dataclass(frozen=True)
class RatingFilters:
    date_from: dt.date
    date_to: dt.date
    order: str = Order.COUNT

    @property
    def order_label(self) -> str:
        return str(Order(self.order).label)


class RatingReportForm(forms.Form):
    date_from = forms.DateField(
        label=pgettext_lazy("newsroom reports", "From"),
        input_formats=DATE_INPUT_FORMATS,
        widget=AdminDateInput(format=DATE_FORMAT),
        error_messages={"invalid": _("Enter a date as day/month/year, for example 05/11/2026.")},
    )
    date_to = forms.DateField(
        label=pgettext_lazy("newsroom reports", "To"),
        input_formats=DATE_INPUT_FORMATS,
        widget=AdminDateInput(format=DATE_FORMAT),
        error_messages={"invalid": _("Enter a date as day/month/year, for example 05/11/2026.")},
    )
    order = forms.ChoiceField(
        label=pgettext_lazy("ratings report", "Order of pages"),
        choices=Order.choices,
        required=False,
        error_messages={"invalid_choice": _("Please choose an order from the list.")},
    )

    def __init__(self, data: QueryDict, *, today: dt.date, **kwargs) -> None:
        """Bound to the query string, with this month filled in where no date was given."""
        data = data.copy()
        first, last = this_month(today)
        if not data.get("date_from"):
            data["date_from"] = first.strftime(DATE_FORMAT)
        if not data.get("date_to"):
            data["date_to"] = last.strftime(DATE_FORMAT)
        super().__init__(data, **kwargs)

    def clean(self) -> dict:
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to:
            if date_to < date_from:
                self.add_error("date_to", _("The end date must be on or after the start date."))
            elif months_between(date_from, date_to) > MAX_MONTHS:
                self.add_error("date_to", _("Choose a period of at most %(years)d years.") % {"years": MAX_YEARS})
        return cleaned

    def filters(self) -> RatingFilters:
        data = self.cleaned_data
        return RatingFilters(
            date_from=data["date_from"], date_to=data["date_to"], order=data.get("order") or Order.COUNT
        )
