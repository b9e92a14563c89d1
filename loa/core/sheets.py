"""Import many records from an XLSX or CSV sheet, with a dry run that lists every bad row.

Agencies keep lists (legal documents, the week's schedule, procedures) in
Excel. The rule staff can trust: nothing is imported until the whole sheet is
clean, and the preview names every bad row by the line number Excel shows,
with the reason, in Vietnamese.

Written here rather than with django-import-export: that package's row errors
are its widgets' English messages and its screens are Django admin's; a Django
form per row gives the field messages of the catalogue Loa already keeps and
fits Wagtail's admin. Reading is openpyxl (XLSX) and the csv module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from loa.core.private_files import private_files
from loa.search.text import fold, nfc

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 5 * MAX_BYTES  # an XLSX of MAX_ROWS rows unpacks to a few MB
MAX_ROWS = 5000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TOKEN_SALT = "loa.core.sheets"
TOKEN_MAX_AGE = 3600  # seconds between the preview and the confirmation


def _staging():
    """Uploaded sheets wait for confirmation in the private storage, never the public media bucket."""
    return private_files()


@dataclass(frozen=True)
class Column:
    """One column of the sheet: the form field it feeds and the header staff see."""

    name: str
    header: str
    example: str = ""
    required: bool = True  # the header must be present (the cell may still be blank if the form allows)


@dataclass
class Row:
    line: int  # as Excel numbers it: the header is line 1
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    cleaned: dict[str, Any] = field(default_factory=dict)

    def add_error(self, message: str) -> None:
        self.errors.append(str(message))

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Preview:
    rows: list[Row] = field(default_factory=list)
    file_error: str = ""

    @property
    def bad_rows(self) -> list[Row]:
        return [row for row in self.rows if row.errors]

    @property
    def ok(self) -> bool:
        return not self.file_error and bool(self.rows) and not self.bad_rows


class SheetNotClean(Exception):
    def __init__(self, preview: Preview) -> None:
        super().__init__(preview.file_error or f"{len(preview.bad_rows)} bad rows")
        self.preview = preview


class SheetImporter:
    """Subclasses set `columns` and `form_class` and write `save()`; see the module docstring."""

    columns: ClassVar[list[Column]] = []
    form_class: ClassVar[type[forms.Form]]
    sheet_name: ClassVar[str] = "Sheet1"

    def __init__(self, **context: Any) -> None:
        self.context = context

    # --- what subclasses write ---------------------------------------------------

    def check_rows(self, rows: list[Row]) -> None:
        """Cross-row checks (duplicates in the sheet, clashes with the database): `row.add_error()`."""

    def save(self, rows: list[Row]) -> int:
        raise NotImplementedError

    # --- the dry run and the import ----------------------------------------------

    def preview(self, uploaded: Any) -> Preview:
        try:
            table = read_table(uploaded)
        except SheetFileError as error:
            return Preview(file_error=str(error))
        if not table:
            return Preview(file_error=_("The sheet is empty."))
        positions, missing = self._match_headers(table[0])
        if missing:
            return Preview(
                file_error=_("Columns missing from the first row: %(columns)s. Download the sample sheet to see them.")
                % {"columns": ", ".join(missing)}
            )
        rows = []
        for offset, cells in enumerate(table[1:], start=2):
            if not any(cells):
                continue
            values = {
                column.name: cells[position] if position is not None and position < len(cells) else ""
                for column, position in zip(self.columns, positions, strict=True)
            }
            rows.append(self._validate(Row(line=offset, values=values)))
        if not rows:
            return Preview(file_error=_("The sheet has headers but no rows to import."))
        if len(rows) > MAX_ROWS:
            return Preview(file_error=_("The sheet has more than %(max)s rows; split it.") % {"max": MAX_ROWS})
        self.check_rows([row for row in rows if row.ok])
        return Preview(rows=rows)

    def import_file(self, uploaded: Any) -> int:
        preview = self.preview(uploaded)
        if not preview.ok:
            raise SheetNotClean(preview)
        with transaction.atomic():
            return self.save(preview.rows)

    def template_xlsx(self) -> bytes:
        """An empty sheet with the headers and an example row, for staff to fill in."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.title = self.sheet_name[:31]
        sheet.append([column.header for column in self.columns])
        sheet.append([column.example for column in self.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, column in enumerate(self.columns, start=1):
            width = max(len(column.header), len(column.example)) + 4
            sheet.column_dimensions[cell_letter(index)].width = min(width, 60)
        sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def _match_headers(self, headers: list[str]) -> tuple[list[int | None], list[str]]:
        """Find each column by its header, ignoring case, diacritics, spaces and order."""
        folded = [" ".join(fold(header).split()) for header in headers]
        positions: list[int | None] = []
        missing = []
        for column in self.columns:
            key = " ".join(fold(column.header).split())
            position = folded.index(key) if key in folded else None
            positions.append(position)
            if position is None and column.required:
                missing.append(column.header)
        return positions, missing

    def _validate(self, row: Row) -> Row:
        form = self.form_class(data=row.values)
        if form.is_valid():
            row.cleaned = form.cleaned_data
            return row
        headers = {column.name: column.header for column in self.columns}
        for name, errors in form.errors.items():
            label = headers.get(name, "")
            for error in errors:
                row.add_error(f"{label}: {error}" if label else error)
        return row


class SheetFileError(Exception):
    """The file cannot be read as a sheet; the message is for the person who uploaded it."""


def read_table(uploaded: Any) -> list[list[str]]:
    """The cells of the first sheet (XLSX) or of a CSV file, as stripped NFC strings."""
    name = str(getattr(uploaded, "name", "") or "")
    suffix = PurePath(name).suffix.lower()
    if getattr(uploaded, "size", 0) and uploaded.size > MAX_BYTES:
        raise SheetFileError(_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)})
    uploaded.seek(0)
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SheetFileError(_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)})
    if suffix == ".xlsx" or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    if suffix in (".csv", ".txt"):
        return _read_csv(data)
    raise SheetFileError(_("Choose an Excel file (.xlsx) or a CSV file (.csv)."))


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        # An XLSX is a zip: a few hundred KB can unpack to gigabytes of cells (a "zip bomb").
        # The sizes its directory declares bound what zipfile will ever inflate.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SheetFileError(_("This is not an Excel file that can be read (.xlsx)."))
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SheetFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors) for a bad file
        raise SheetFileError(_("This is not an Excel file that can be read (.xlsx).")) from error
    try:
        sheet = book.worksheets[0]
        table = []
        filled = 0  # blank lines are skipped later, so only filled ones count towards the limit
        for values in sheet.iter_rows(values_only=True):
            cells = [cell_text(value) for value in values]
            table.append(cells)
            filled += any(cells)
            if filled > MAX_ROWS + 1:  # the header and one row too many: enough to refuse the sheet
                break
        return _trim(table)
    finally:
        book.close()


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetFileError(_("The CSV file must be saved as UTF-8 (in Excel: CSV UTF-8).")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return _trim([[cell_text(cell) for cell in cells] for cells in csv.reader(io.StringIO(text), delimiter=delimiter)])


def _trim(table: list[list[str]]) -> list[list[str]]:
    while table and not any(table[-1]):
        table.pop()
    return table


def cell_text(value: Any) -> str:
    """A cell as the person typed it: dates as dd/mm/yyyy, 12.0 as 12."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value)).strip()


def cell_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Sheet file"),
        help_text=gettext_lazy("Excel (.xlsx) or CSV (UTF-8), headers in the first row."),
    )


class SheetImportView(WagtailAdminTemplateMixin, TemplateView):
    """Upload → dry run (every bad row listed, nothing imported) → confirm → import.

    Between the preview and the confirmation the file waits in the default
    storage under a random name (so it works on several app servers sharing
    object storage); the confirmation carries a signed token naming it and the
    user, and the sheet is validated again before anything is written.
    """

    template_name = "core/sheet_import.html"
    importer_class: ClassVar[type[SheetImporter]]
    permission_required: ClassVar[str] = ""
    success_url: Any = "/admin/"
    header_icon = "upload"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.has_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return user.is_authenticated and (not self.permission_required or user.has_perm(self.permission_required))

    def get_importer_context(self) -> dict[str, Any]:
        return {}

    def get_importer(self) -> SheetImporter:
        return self.importer_class(**self.get_importer_context())

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.GET.get("template"):
            response = HttpResponse(self.get_importer().template_xlsx(), content_type=XLSX_TYPE)
            filename = fold(str(self.get_page_title())).replace(" ", "-") or "mau"
            response["Content-Disposition"] = f'attachment; filename="{filename}-mau.xlsx"'
            return response
        return self.render_to_response(self.get_context_data(form=UploadForm()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "token" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        uploaded = form.cleaned_data["file"]
        preview = self.get_importer().preview(uploaded)
        token = ""
        if preview.ok:
            token = self.keep(request, uploaded)
        return self.render_to_response(
            self.get_context_data(form=UploadForm(), preview=preview, token=token, filename=uploaded.name)
        )

    def confirm(self, request: HttpRequest) -> HttpResponse:
        try:
            payload = signing.loads(request.POST["token"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature:
            messages.error(request, _("The preview has expired; upload the sheet again."))
            return redirect(request.path)
        if payload.get("user") != request.user.pk or not _staging().exists(payload["name"]):
            messages.error(request, _("The preview has expired; upload the sheet again."))
            return redirect(request.path)
        with _staging().open(payload["name"], "rb") as stored:
            uploaded = ContentFile(stored.read(), name=payload["filename"])
        try:
            count = self.get_importer().import_file(uploaded)
        except SheetNotClean as error:
            return self.render_to_response(
                self.get_context_data(form=UploadForm(), preview=error.preview, token="", filename=payload["filename"])
            )
        _staging().delete(payload["name"])
        message = _("Imported %(count)s rows from %(file)s.") % {"count": count, "file": payload["filename"]}
        messages.success(request, message)
        return redirect(str(self.success_url))

    @staticmethod
    def keep(request: HttpRequest, uploaded: Any) -> str:
        uploaded.seek(0)
        suffix = PurePath(uploaded.name).suffix.lower()[:5]
        name = _staging().save(f"imports/{uuid.uuid4().hex}{suffix}", ContentFile(uploaded.read()))
        return signing.dumps({"name": name, "user": request.user.pk, "filename": uploaded.name[:200]}, salt=TOKEN_SALT)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("preview", None)
        context["columns"] = self.importer_class.columns
        return context
