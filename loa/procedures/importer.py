"""Import the agency's list of procedures from XLSX or CSV (the export staff get from the national database).

A code already in the list is refused, unless the import was opened as "update": then its row
replaces the saved name, field, level, service level and link.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loa.core.sheets import Column, Row, SheetImporter, SheetImportView
from loa.search.text import fold

from .models import Level, Procedure, ServiceLevel, code_validator, validate_portal_url

COLUMNS = [
    Column("code", "Mã thủ tục", example="1.001193.000.00.00.H31"),
    Column("name", "Tên thủ tục", example="Thủ tục đăng ký khai sinh"),
    Column("field", "Lĩnh vực", example="Hộ tịch"),
    Column("level", "Cấp thực hiện", example="Cấp xã"),
    Column("service_level", "Mức độ", example="Toàn trình"),
    Column("url", "Đường dẫn", required=False),
]
HEADERS = {column.name: column.header for column in COLUMNS}

# How sheets write a level and a service level, folded; the old "mức độ 3/4" scale maps onto today's terms.
_LEVELS = (("trung uong", Level.CENTRAL), ("tinh", Level.PROVINCE), ("huyen", Level.DISTRICT), ("xa", Level.COMMUNE))
_SERVICE_LEVELS = (
    ("toan trinh", ServiceLevel.FULL),
    ("muc do 4", ServiceLevel.FULL),
    ("mot phan", ServiceLevel.PARTIAL),
    ("muc do 3", ServiceLevel.PARTIAL),
    ("khong", ServiceLevel.NONE),
    ("muc do 2", ServiceLevel.NONE),
    ("muc do 1", ServiceLevel.NONE),
)


def parse_choice(text: str, known: tuple[tuple[str, str], ...]) -> str | None:
    folded = " ".join(fold(text).split())
    for words, value in known:
        if words in folded:
            return value
    return None


class ProcedureRowForm(forms.Form):
    code = forms.CharField(max_length=50, validators=[code_validator])
    name = forms.CharField(max_length=500)
    field = forms.CharField(max_length=255)
    level = forms.CharField(max_length=100)
    service_level = forms.CharField(max_length=200)
    url = forms.CharField(max_length=500, required=False, validators=[validate_portal_url])

    def clean_level(self) -> str:
        value = parse_choice(self.cleaned_data["level"], _LEVELS)
        if value is None:
            raise forms.ValidationError(_("write Cấp trung ương, Cấp tỉnh, Cấp huyện or Cấp xã."))
        return value

    def clean_service_level(self) -> str:
        value = parse_choice(self.cleaned_data["service_level"], _SERVICE_LEVELS)
        if value is None:
            raise forms.ValidationError(_("write Toàn trình, Một phần or Không."))
        return value


class ProcedureImporter(SheetImporter):
    columns: ClassVar[list[Column]] = COLUMNS
    form_class = ProcedureRowForm
    sheet_name = "Thủ tục hành chính"

    @property
    def update(self) -> bool:
        return bool(self.context.get("update"))

    def check_rows(self, rows: list[Row]) -> None:
        codes = [row.cleaned["code"] for row in rows]
        existing = set(Procedure.objects.filter(code__in=codes).values_list("code", flat=True))
        lines: dict[str, int] = {}
        for row in rows:
            code = row.cleaned["code"]
            if code in lines:
                row.add_error(
                    _("%(column)s: %(code)s repeats line %(line)s.")
                    % {"column": HEADERS["code"], "code": code, "line": lines[code]}
                )
                continue
            lines[code] = row.line
            if code in existing and not self.update:
                row.add_error(
                    _("%(column)s: %(code)s is already in the list (use “Import and update” to change it).")
                    % {"column": HEADERS["code"], "code": code}
                )

    def save(self, rows: list[Row]) -> int:
        for row in rows:
            data: dict[str, Any] = dict(row.cleaned)
            code = data.pop("code")
            procedure = Procedure.objects.filter(code=code).first() or Procedure(code=code)
            for name, value in data.items():
                setattr(procedure, name, value)
            procedure.save()
        return len(rows)


class ProcedureImportView(SheetImportView):
    importer_class = ProcedureImporter
    permission_required = "loa_procedures.add_procedure"
    page_title = gettext_lazy("Import procedures")
    success_url = reverse_lazy("procedures:index")
    update = False

    def get_importer_context(self) -> dict[str, Any]:
        return {"update": self.update}


class ProcedureUpdateImportView(ProcedureImportView):
    """The same sheet, but codes already listed are updated; changing needs ``change_procedure`` too."""

    permission_required = "loa_procedures.change_procedure"
    page_title = gettext_lazy("Import and update procedures")
    update = True

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and request.user.has_perm("loa_procedures.add_procedure")
