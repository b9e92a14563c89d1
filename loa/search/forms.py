"""The results page's filters, as a reader sets them in the address bar or the form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from loa.core.forms import TypedTextField
from loa.news.models import SectionPage

from .models import Kind

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class SearchForm(forms.Form):
    q = TypedTextField(label=_("Search for"), required=False, max_length=2000, strip=True)
    section = forms.TypedChoiceField(label=_("Section"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Content type"), required=False, choices=[("", _("All"))] + Kind.choices)
    date_from = forms.DateField(label=_("From"), required=False, input_formats=DATE_FORMATS)
    date_to = forms.DateField(label=_("To"), required=False, input_formats=DATE_FORMATS)
    order = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("", _("Relevance")), ("newest", _("Newest first"))],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        sections = SectionPage.objects.live().public().filter(depth=3).order_by("path").values_list("pk", "title")
        self.fields["section"].choices = [("", _("All sections")), *sections]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return data
