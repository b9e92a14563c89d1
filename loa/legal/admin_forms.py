"""The page editor's form for a legal document: a title made for staff, duplicates refused."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from loa.core.text import vn_slugify


class LegalDocumentPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = gettext_lazy(
                "Leave empty to use the type and number, e.g. “Quyết định số 123/QĐ-UBND”."
            )
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        # Title and slug first: Wagtail's own clean() checks the slug is free under the parent.
        data = self.cleaned_data
        doc_type, number = data.get("document_type"), data.get("number")
        if not data.get("title") and doc_type and number:
            data["title"] = f"{doc_type.name} số {number.strip()}"
        if "slug" in self.fields and not data.get("slug") and data.get("title"):
            data["slug"] = self._free_slug(vn_slugify(data["title"].replace("/", " ")))
        data = super().clean()
        if "slug" in self.fields and not data.get("slug") and "slug" not in self.errors:
            self.add_error("slug", forms.ValidationError(forms.Field.default_error_messages["required"], "required"))
        self._check_duplicate(number, data.get("issuing_body"))
        return data

    def _free_slug(self, base: str) -> str:
        """'quyet-dinh-so-1-qd-ubnd', or '…-2' when a sibling has it (two bodies' "01/KH-UBND")."""
        from wagtail.models import Page

        if not base or self.parent_page is None:
            return base
        slug, suffix = base, 1
        while not Page._slug_is_available(slug, self.parent_page, self.instance):
            suffix += 1
            slug = f"{base}-{suffix}"
        return slug

    def _check_duplicate(self, number: str | None, issuing_body) -> None:
        """One number per issuing body: two bodies may both issue a "01/KH-UBND"."""
        from .models import number_key

        if not number or issuing_body is None:
            return
        others = type(self.instance).objects.filter(number_key=number_key(number), issuing_body=issuing_body)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            self.add_error(
                "number",
                _("%(body)s already has a document numbered %(number)s.") % {"body": issuing_body, "number": number},
            )
