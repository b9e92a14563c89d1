"""The read-only part of the question form: what the citizen sent, and where the question stands."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel


class QuestionSummaryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "qa/admin/question_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # From the database: a refused form has put its unsaved values on the instance.
            question = type(self.instance).objects.select_related("topic", "unit", "page").get(pk=self.instance.pk)
            days_left = question.working_days_left() if question.is_open else None
            context.update(
                question=question,
                overdue=question.is_overdue(),
                days_left=days_left,
                days_late=-days_left if days_left is not None and days_left < 0 else 0,
                attachment_url=(reverse("qa_questions:attachment", args=[question.pk]) if question.attachment else ""),
                page_url=question.page.url if question.page and question.page.live else "",
            )
            return context
