"""Filters of the moderation queue: status, topic, unit, and overdue or not."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import Question, Topic, Unit


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Question.Status.choices, empty_label=_("Any"))
    topic = django_filters.ModelChoiceFilter(label=_("Topic"), queryset=Topic.objects.all(), empty_label=_("Any"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Answering unit"), queryset=Unit.objects.all(), empty_label=_("Any")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Deadline"),
        choices=[("overdue", _("Overdue")), ("on_time", _("Open, not overdue"))],
        method="filter_overdue",
        empty_label=_("Any"),
    )

    class Meta:
        model = Question
        fields: list[str] = []

    def filter_overdue(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.overdue(today)
        if value == "on_time":
            return queryset.open().filter(deadline__gte=today)
        return queryset
