"""The shared sheet import: a dry run that names every bad row, and all-or-nothing imports."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from http import HTTPStatus
from typing import ClassVar

import pytest
from django import forms
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import path
from django.utils import translation
from openpyxl import Workbook, load_workbook

from loa.core import sheets
from loa.core.sheets import Column, Row, SheetImporter, SheetImportView, SheetNotClean

pytestmark = pytest.mark.django_db


class GroupRowForm(forms.Form):
    name = forms.CharField(max_length=20)
    since = forms.DateField(input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    size = forms.IntegerField(min_value=1, required=False)


class GroupImporter(SheetImporter):
    """Imports auth groups: a real model, so the all-or-nothing rule is checked on a real table."""

    columns: ClassVar = [
        Column("name", "Tên nhóm", example="Tổ soạn thảo"),
        Column("since", "Ngày thành lập", example="05/11/2026"),
        Column("size", "Số thành viên", example="5", required=False),
    ]
    form_class = GroupRowForm
    sheet_name = "Nhóm"

    def check_rows(self, rows: list[Row]) -> None:
        seen: set[str] = set()
        for row in rows:
            name = row.cleaned["name"]
            if name in seen or Group.objects.filter(name=name).exists():
                row.add_error(f"Tên nhóm: “{name}” đã có.")
            seen.add(name)

    def save(self, rows: list[Row]) -> int:
        for row in rows:
            Group.objects.create(name=row.cleaned["name"])
        return len(rows)


def xlsx(*rows: list) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("nhom.xlsx", buffer.getvalue())


HEADERS = ["Tên nhóm", "Ngày thành lập", "Số thành viên"]


def test_a_clean_sheet_imports_every_row():
    sheet = xlsx(HEADERS, ["Tổ A", dt.datetime(2026, 11, 5), 3], ["Tổ B", "06/11/2026", None])
    assert GroupImporter().import_file(sheet) == 2
    assert set(Group.objects.filter(name__startswith="Tổ").values_list("name", flat=True)) == {"Tổ A", "Tổ B"}


def test_every_bad_row_is_listed_with_its_excel_line_and_nothing_is_imported():
    sheet = xlsx(
        HEADERS,
        ["Tổ A", "05/11/2026", 3],
        ["", "31/02/2026", 0],  # line 3: no name, no such date, size below 1
        [None, None, None],  # line 4: blank, skipped
        ["Tổ A", "07/11/2026", 2],  # line 5: twice in the sheet
    )
    preview = GroupImporter().preview(sheet)
    assert not preview.ok
    assert [row.line for row in preview.bad_rows] == [3, 5]
    line3 = preview.bad_rows[0].errors
    assert any(error.startswith("Tên nhóm:") for error in line3)
    assert any(error.startswith("Ngày thành lập:") for error in line3)
    assert any(error.startswith("Số thành viên:") for error in line3)
    with pytest.raises(SheetNotClean):
        GroupImporter().import_file(sheet)
    assert not Group.objects.filter(name="Tổ A").exists()


def test_headers_match_without_diacritics_case_or_order_and_optional_columns_may_be_absent():
    sheet = xlsx(["ngay thanh lap", "TÊN  NHÓM"], ["05/11/2026", "Tổ C"])
    preview = GroupImporter().preview(sheet)
    assert preview.ok
    assert preview.rows[0].cleaned == {"name": "Tổ C", "since": dt.date(2026, 11, 5), "size": None}


def test_a_missing_required_column_is_named():
    preview = GroupImporter().preview(xlsx(["Tên nhóm"], ["Tổ D"]))
    assert not preview.ok
    assert "Ngày thành lập" in preview.file_error


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_in_utf8_with_a_bom_and_either_delimiter_and_nfd_text_is_read_as_nfc(delimiter):
    text = delimiter.join(HEADERS) + "\r\n" + delimiter.join([unicodedata.normalize("NFD", "Tổ Đ"), "05/11/2026", "4"])
    sheet = SimpleUploadedFile("nhom.csv", text.encode("utf-8-sig"))
    preview = GroupImporter().preview(sheet)
    assert preview.ok
    assert preview.rows[0].cleaned["name"] == unicodedata.normalize("NFC", "Tổ Đ")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("nhom.xlsx", b"PK\x03\x04 not really a zip"),
        ("nhom.pdf", b"%PDF-1.4"),
        ("nhom.csv", "Tên nhóm".encode("cp1258")),
        ("nhom.csv", b""),
    ],
)
def test_an_unreadable_file_gets_a_message_not_an_error(name, content):
    preview = GroupImporter().preview(SimpleUploadedFile(name, content))
    assert not preview.ok
    assert preview.file_error


def test_the_sample_sheet_has_the_headers_and_an_example_row_that_validates():
    data = GroupImporter().template_xlsx()
    book = load_workbook(io.BytesIO(data))
    assert book.active.title == "Nhóm"
    assert [cell.value for cell in book.active[1]] == HEADERS
    assert GroupImporter().preview(SimpleUploadedFile("mau.xlsx", data)).ok


# --- the limits: refused with a message, nothing imported ------------------------------
# The constants are made small here so that the tests need no 10 MB or 5,000-row files.


@pytest.fixture
def three_rows_at_most(monkeypatch):
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)


def csv_file(*rows: list) -> SimpleUploadedFile:
    return SimpleUploadedFile("nhom.csv", "\r\n".join(",".join(row) for row in rows).encode())


def group_rows(count: int) -> list[list]:
    return [[f"Tổ {number}", "05/11/2026", "1"] for number in range(1, count + 1)]


@pytest.mark.parametrize("make_file", [xlsx, csv_file], ids=["xlsx", "csv"])
def test_a_sheet_over_the_row_limit_is_refused_and_nothing_is_imported(three_rows_at_most, make_file):
    sheet = make_file(HEADERS, *group_rows(4))
    with translation.override("vi"):
        preview = GroupImporter().preview(sheet)
    assert not preview.ok
    assert preview.file_error == "Tệp có hơn 3 dòng; hãy chia thành nhiều tệp nhỏ hơn."
    with pytest.raises(SheetNotClean):
        GroupImporter().import_file(sheet)
    assert not Group.objects.filter(name__startswith="Tổ").exists()


def test_a_sheet_at_the_row_limit_is_accepted(three_rows_at_most):
    assert GroupImporter().import_file(xlsx(HEADERS, *group_rows(3))) == 3


def test_blank_lines_do_not_hide_rows_beyond_the_row_limit(three_rows_at_most):
    """Blank lines are skipped, so they must not count towards the limit while the sheet is read."""
    first, second, third, fourth = group_rows(4)
    sheet = xlsx(HEADERS, first, [None], second, [None], [None], third, fourth)
    preview = GroupImporter().preview(sheet)
    assert not preview.ok
    assert "3" in preview.file_error
    with pytest.raises(SheetNotClean):
        GroupImporter().import_file(sheet)
    assert not Group.objects.filter(name__startswith="Tổ").exists()


@pytest.fixture
def one_megabyte_at_most(monkeypatch):
    monkeypatch.setattr(sheets, "MAX_BYTES", 1024 * 1024)


def oversize_csv() -> bytes:
    text = ",".join(HEADERS) + "\r\n" + "Tổ A,05/11/2026,1\r\n"
    return (text + "," * (1024 * 1024)).encode()


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_imported(one_megabyte_at_most):
    sheet = SimpleUploadedFile("nhom.csv", oversize_csv())
    with translation.override("vi"):
        preview = GroupImporter().preview(sheet)
    assert preview.file_error == "Tệp lớn hơn 1 MB."
    with pytest.raises(SheetNotClean):
        GroupImporter().import_file(sheet)
    assert not Group.objects.filter(name__startswith="Tổ").exists()


def test_a_stream_without_a_size_is_measured_while_it_is_read(one_megabyte_at_most):
    stream = io.BytesIO(oversize_csv())
    stream.name = "nhom.csv"
    with translation.override("vi"):
        assert GroupImporter().preview(stream).file_error == "Tệp lớn hơn 1 MB."


# --- the admin view --------------------------------------------------------------------


class GroupImportView(SheetImportView):
    importer_class = GroupImporter
    permission_required = "auth.add_group"
    page_title = "Nhập nhóm"
    success_url = "/admin/"


urlpatterns = [path("admin/test-import/", GroupImportView.as_view(), name="test_import")]


@pytest.fixture
def import_urls(settings):
    import loa.urls

    settings.ROOT_URLCONF = __name__
    global urlpatterns
    urlpatterns = [path("admin/test-import/", GroupImportView.as_view()), *loa.urls.urlpatterns]
    yield "/admin/test-import/"


@pytest.fixture
def staff(client):
    user = User.objects.create_user("nhapdulieu", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def test_the_view_is_refused_without_the_permission(client, import_urls, staff):
    assert client.get(import_urls).status_code == HTTPStatus.FORBIDDEN


def test_the_view_previews_then_imports_on_confirmation(client, import_urls, staff):
    staff.user_permissions.add(Permission.objects.get(codename="add_group"))
    response = client.get(import_urls)
    assert response.status_code == HTTPStatus.OK
    template = client.get(import_urls + "?template=1")
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")

    bad = client.post(import_urls, {"file": xlsx(HEADERS, ["Tổ E", "hôm qua", 1])})
    assert bad.status_code == HTTPStatus.OK
    assert bad.context["preview"].bad_rows[0].line == 2
    assert 'name="token"' not in bad.content.decode()

    good = client.post(import_urls, {"file": xlsx(HEADERS, ["Tổ E", "05/11/2026", 1])})
    assert good.context["preview"].ok
    assert not Group.objects.filter(name="Tổ E").exists()  # the dry run imports nothing
    done = client.post(import_urls, {"token": good.context["token"]})
    assert done.status_code == HTTPStatus.FOUND
    assert Group.objects.filter(name="Tổ E").exists()

    again = client.post(import_urls, {"token": good.context["token"]})  # the stored file is gone
    assert again.status_code == HTTPStatus.FOUND
    assert Group.objects.filter(name="Tổ E").count() == 1


def test_a_forged_token_imports_nothing(client, import_urls, staff):
    staff.user_permissions.add(Permission.objects.get(codename="add_group"))
    response = client.post(import_urls, {"token": "imports/evil.xlsx"})
    assert response.status_code == HTTPStatus.FOUND
    assert not Group.objects.filter(name__startswith="Tổ").exists()


def test_the_view_refuses_a_file_over_the_size_limit_with_a_message(client, import_urls, staff, one_megabyte_at_most):
    staff.user_permissions.add(Permission.objects.get(codename="add_group"))
    response = client.post(import_urls, {"file": SimpleUploadedFile("nhom.csv", oversize_csv())})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Tệp lớn hơn 1 MB." in html
    assert 'name="token"' not in html
    assert not Group.objects.filter(name__startswith="Tổ").exists()
