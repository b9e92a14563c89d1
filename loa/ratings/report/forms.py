"""The report's filters: a period (this month by default) and an order for the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from loa.newsroom.reports.forms import PeriodForm


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


class RatingReportForm(PeriodForm):
    order = forms.ChoiceField(
        label=pgettext_lazy("ratings report", "Order of pages"),
        choices=Order.choices,
        required=False,
        error_messages={"invalid_choice": _("Please choose an order from the list.")},
    )

    def filters(self) -> RatingFilters:
        data = self.cleaned_data
        return RatingFilters(
            date_from=data["date_from"], date_to=data["date_to"], order=data.get("order") or Order.COUNT
        )
