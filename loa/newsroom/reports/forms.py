"""The report's filters, validated before any query runs so bad input is a message, never an error page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.widgets import AdminDateInput

from loa.news.models import Author, SectionPage

DATE_FORMAT = "%d/%m/%Y"
#: dd/mm/yyyy as typed and shown; ISO too, for links and bookmarks written by hand.
DATE_INPUT_FORMATS = [DATE_FORMAT, "%d-%m-%Y", "%Y-%m-%d"]
#: Longer periods make monthly series nobody can read and queries nobody needs.
MAX_YEARS = 10
MAX_MONTHS = MAX_YEARS * 12
#: A page's depth under the root and the home page: a top-level section sits at 3.
TOP_SECTION_DEPTH = 3


class Status(models.TextChoices):
    """Where an article stands; the four are exclusive, so their counts add up to the total.

    * published: live now (even if an edit of it awaits approval);
    * in moderation: not live, and a workflow on it is in progress;
    * unpublished: not live, published once, no workflow in progress (taken down or expired);
    * draft: not live, never published, no workflow in progress (including "changes requested",
      which sends the article back to its writer, and scheduled articles not yet live).
    """

    DRAFT = "draft", pgettext_lazy("newsroom reports", "Draft")
    IN_MODERATION = "in_moderation", pgettext_lazy("newsroom reports", "Awaiting approval")
    PUBLISHED = "published", pgettext_lazy("newsroom reports", "Published")
    UNPUBLISHED = "unpublished", pgettext_lazy("newsroom reports", "Unpublished")


def months_between(first: dt.date, last: dt.date) -> int:
    """Calendar months touched by the period, both ends included (a month's series has this many bars)."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def this_month(today: dt.date) -> tuple[dt.date, dt.date]:
    return today.replace(day=1), today


def last_month(today: dt.date) -> tuple[dt.date, dt.date]:
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def this_year(today: dt.date) -> tuple[dt.date, dt.date]:
    return today.replace(month=1, day=1), today


@dataclass(frozen=True)
class QuickPeriod:
    key: str
    label: str
    dates: Callable[[dt.date], tuple[dt.date, dt.date]]


QUICK_PERIODS = (
    QuickPeriod("this_month", pgettext_lazy("newsroom reports", "This month"), this_month),
    QuickPeriod("last_month", pgettext_lazy("newsroom reports", "Last month"), last_month),
    QuickPeriod("this_year", pgettext_lazy("newsroom reports", "This year"), this_year),
)


@dataclass(frozen=True)
class ReportFilters:
    """What the report is about; built only from a valid form."""

    date_from: dt.date
    date_to: dt.date
    section: SectionPage | None = None
    author: Author | None = None
    status: str = ""

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label) if self.status else ""


class SectionChoiceField(forms.ModelChoiceField):
    """Sections in tree order, sub-sections indented under their parent."""

    def label_from_instance(self, obj: SectionPage) -> str:
        return "— " * max(obj.depth - TOP_SECTION_DEPTH, 0) + obj.title


class PeriodForm(forms.Form):
    """A period of at most MAX_YEARS, this month unless the query string says otherwise.

    Every admin report starts with it, so dates are typed, checked and explained the same way.
    """

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

    def __init__(self, data: QueryDict, *, today: dt.date, **kwargs) -> None:
        """Bound to the query string, with this month filled in where no date was given."""
        data = data.copy()
        default_from, default_to = this_month(today)
        if not data.get("date_from"):
            data["date_from"] = default_from.strftime(DATE_FORMAT)
        if not data.get("date_to"):
            data["date_to"] = default_to.strftime(DATE_FORMAT)
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

    def filters(self) -> object:
        """What the report is about, built by each report's form from its cleaned data."""
        raise NotImplementedError


class ReportFilterForm(PeriodForm):
    section = SectionChoiceField(
        label=pgettext_lazy("newsroom reports", "Section"),
        queryset=SectionPage.objects.order_by("path").only("id", "title", "depth", "path"),
        required=False,
        empty_label=pgettext_lazy("newsroom reports", "All sections"),
        error_messages={"invalid_choice": _("This section no longer exists. Please choose one from the list.")},
    )
    author = forms.ModelChoiceField(
        label=pgettext_lazy("newsroom reports", "Author"),
        queryset=Author.objects.order_by("name"),
        required=False,
        empty_label=pgettext_lazy("newsroom reports", "All authors"),
        error_messages={"invalid_choice": _("This author no longer exists. Please choose one from the list.")},
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("newsroom reports", "Status"),
        choices=[("", pgettext_lazy("newsroom reports", "All statuses")), *Status.choices],
        required=False,
        error_messages={"invalid_choice": _("Please choose a status from the list.")},
    )

    def filters(self) -> ReportFilters:
        data = self.cleaned_data
        return ReportFilters(
            date_from=data["date_from"],
            date_to=data["date_to"],
            section=data.get("section"),
            author=data.get("author"),
            status=data.get("status") or "",
        )
