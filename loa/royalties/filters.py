"""Filters of the article list: month of first publication, section, and whether a royalty is set."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from loa.core.formats import VN_TZ
from loa.news.models import ArticlePage, SectionPage

from .payroll import Month


def published_months(limit: int | None = None) -> list[Month]:
    """Months in which at least one article was first published, newest first."""
    stamps = ArticlePage.objects.filter(first_published_at__isnull=False).datetimes(
        "first_published_at", "month", order="DESC", tzinfo=VN_TZ
    )
    months = [Month(stamp.year, stamp.month) for stamp in stamps]
    return months[:limit] if limit else months


class ArticleRoyaltyFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(label=_("Month published"), method="filter_month", empty_label=_("Any month"))
    section = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("royalty list", "Section"),
        queryset=SectionPage.objects.order_by("path"),
        method="filter_section",
        empty_label=_("Any section"),
    )
    royalty = django_filters.ChoiceFilter(
        label=_("Royalty"),
        choices=[
            ("set", pgettext_lazy("royalty status", "Set")),
            ("missing", pgettext_lazy("royalty status", "Not set yet")),
        ],
        method="filter_royalty",
        empty_label=pgettext_lazy("royalty status", "Any"),
    )

    class Meta:
        model = ArticlePage
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["month"].extra["choices"] = [(month.key, month.label) for month in published_months()]

    def filter_month(self, queryset, name, value):
        month = Month.parse(value)
        if month is None:
            return queryset
        return queryset.filter(first_published_at__gte=month.start, first_published_at__lt=month.end)

    def filter_section(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path, depth__gt=value.depth) if value else queryset

    def filter_royalty(self, queryset, name, value):
        if value == "set":
            return queryset.filter(royalty__isnull=False)
        if value == "missing":
            return queryset.filter(royalty__isnull=True)
        return queryset
