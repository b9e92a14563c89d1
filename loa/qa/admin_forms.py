"""The staff's form for one question: topic, unit, the answer draft, and the reason for a rejection.

What a step needs is checked here, next to the field it concerns ("publish" needs an
answer and a unit, "reject" a reason), so the editor sees it where to fix it.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Question, Unit


class QuestionAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, action: str = "edit", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.action = action
        if "unit" in self.fields:
            current = self.instance.unit_id
            self.fields["unit"].queryset = Unit.objects.filter(active=True) | Unit.objects.filter(pk=current)

    def clean(self):
        data = super().clean()
        status = self.instance.status
        if self.action == "publish":
            if status == Question.Status.REJECTED:
                raise forms.ValidationError(_("A rejected question cannot be answered: reopen it first."))
            if not (data.get("answer") or "").strip():
                self.add_error("answer", _("Write the answer before publishing it."))
            if not data.get("unit"):
                self.add_error("unit", _("Choose the answering unit before publishing the answer."))
        elif self.action == "reject":
            if status == Question.Status.ANSWERED:
                raise forms.ValidationError(_("Unpublish the answer before rejecting the question."))
            if not (data.get("rejection_reason") or "").strip():
                self.add_error(
                    "rejection_reason", _("Give the reason for rejecting the question: it is sent to the asker.")
                )
        elif self.action == "unpublish" and status != Question.Status.ANSWERED:
            raise forms.ValidationError(_("Only a published answer can be unpublished."))
        elif self.action == "reopen" and status != Question.Status.REJECTED:
            raise forms.ValidationError(_("Only a rejected question can be reopened."))
        return data
