"""Importing a register of documents from XLSX/CSV (loa.core.sheets does the reading and the dry run).

List columns must name an existing entry: a typo creating a new "Quyết đinh" type
would split the filters, so unknown values are refused with the allowed ones listed.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django import forms
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loa.core.sheets import Column, Row, SheetImporter
from loa.core.unicode import nfc

from .models import (
    DocumentType,
    IssuingBody,
    IssuingLevel,
    LegalDocumentPage,
    Sector,
    Signer,
    date_errors,
    number_key,
)

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
LIST_MODELS: dict[str, type[Model]] = {
    "document_type": DocumentType,
    "issuing_body": IssuingBody,
    "issuing_level": IssuingLevel,
    "sector": Sector,
    "signer": Signer,
}


def list_key(value: str) -> str:
    """Names match whatever the case and spacing ("ubnd  tỉnh Hưng Yên"), but not without diacritics."""
    return " ".join(nfc(value).casefold().split())


class ListValueField(forms.CharField):
    """A cell naming an entry of one of the staff-managed lists."""

    def __init__(self, entries: list[Model], **kwargs: Any) -> None:
        super().__init__(max_length=255, **kwargs)
        self.entries = {list_key(entry.name): entry for entry in entries}
        self.allowed = ", ".join(entry.name for entry in entries)

    def clean(self, value: Any) -> Model | None:
        text = super().clean(value)
        if not text:
            return None
        entry = self.entries.get(list_key(text))
        if entry is None:
            if not self.entries:
                raise forms.ValidationError(
                    _("“%(value)s” is not in the list, and the list is empty.") % {"value": text}
                )
            raise forms.ValidationError(
                _("“%(value)s” is not in the list. Allowed values: %(allowed)s.")
                % {"value": text, "allowed": self.allowed}
            )
        return entry


class LegalDocumentRowForm(forms.Form):
    """One row of the sheet; list fields are built from the lists loaded once per import."""

    number = forms.CharField(max_length=50)
    issued_on = forms.DateField(input_formats=DATE_FORMATS)
    effective_from = forms.DateField(input_formats=DATE_FORMATS, required=False)
    effective_until = forms.DateField(input_formats=DATE_FORMATS, required=False)
    summary = forms.CharField(max_length=4000)

    def __init__(self, *args: Any, lists: dict[str, list[Model]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in LIST_MODELS:
            self.fields[name] = ListValueField(lists[name], required=name not in ("sector", "signer"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for field, message in date_errors(
            data.get("issued_on"), data.get("effective_from"), data.get("effective_until")
        ).items():
            self.add_error(field, message)
        return data


class LegalDocumentImporter(SheetImporter):
    columns = [  # noqa: RUF012 -- the base class declares it a ClassVar
        Column("number", "Số ký hiệu", example="123/QĐ-UBND"),
        Column("document_type", "Loại văn bản", example="Quyết định"),
        Column("issuing_body", "Cơ quan ban hành", example="UBND thành phố Hưng Yên"),
        Column("issuing_level", "Cấp ban hành", example="Huyện/thành phố thuộc tỉnh"),
        Column("sector", "Lĩnh vực", example="Đất đai"),
        Column("signer", "Người ký", example="Nguyễn Văn An"),
        Column("issued_on", "Ngày ban hành", example="05/11/2026"),
        Column("effective_from", "Ngày hiệu lực", example="05/11/2026"),
        Column("effective_until", "Ngày hết hiệu lực", example=""),
        Column("summary", "Trích yếu", example="Về việc ban hành Quy chế tiếp công dân"),
    ]
    form_class = LegalDocumentRowForm
    sheet_name = "Văn bản"

    def __init__(self, **context: Any) -> None:
        super().__init__(**context)
        lists = {name: list(model.objects.all()) for name, model in LIST_MODELS.items()}
        self.form_class = partial(LegalDocumentRowForm, lists=lists)

    def check_rows(self, rows: list[Row]) -> None:
        """One number per issuing body, in the sheet and on the site."""
        keys = {row.line: (number_key(row.cleaned["number"]), row.cleaned["issuing_body"].pk) for row in rows}
        existing = set(
            LegalDocumentPage.objects.filter(number_key__in={key for key, _body in keys.values()}).values_list(
                "number_key", "issuing_body_id"
            )
        )
        first_line: dict[tuple[str, int], int] = {}
        for row in rows:
            key = keys[row.line]
            values = {"number": row.cleaned["number"], "body": row.cleaned["issuing_body"].name}
            if key in existing:
                row.add_error(_("%(body)s already has a document numbered %(number)s on the site.") % values)
            if key in first_line:
                row.add_error(
                    _("Number %(number)s of %(body)s is already on line %(line)s of the sheet.")
                    % {**values, "line": first_line[key]}
                )
            else:
                first_line[key] = row.line

    def save(self, rows: list[Row]) -> int:
        """Each row becomes a published page, with a revision and an audit entry by the importing user."""
        parent, user = self.context["parent"], self.context.get("user")
        for row in rows:
            data = row.cleaned
            page = LegalDocumentPage(
                number=data["number"],
                document_type=data["document_type"],
                issuing_body=data["issuing_body"],
                issuing_level=data["issuing_level"],
                sector=data["sector"],
                signer=data["signer"],
                issued_on=data["issued_on"],
                effective_from=data["effective_from"],
                effective_until=data["effective_until"],
                summary=data["summary"],
                owner=user,
            )
            page.title = page.default_title()
            parent.add_child(instance=page)
            page.save_revision(user=user, log_action=True).publish(user=user)
        return len(rows)


IMPORT_TITLE = gettext_lazy("Import legal documents")
