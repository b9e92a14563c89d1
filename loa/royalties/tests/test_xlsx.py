"""The XLSX payment list, opened with openpyxl as an accountant's spreadsheet would be."""

from __future__ import annotations

import datetime as dt
import io
from http import HTTPStatus

import pytest
from django.conf import settings
from django.utils import translation
from openpyxl import load_workbook

from loa.core.models import AgencySettings
from loa.core.testing import default_site
from loa.newsroom import roles
from loa.royalties import sheet
from loa.royalties.payroll import Month, build_payroll
from loa.royalties.xlsx import HEADER_ROW, payroll_workbook

from .conftest import set_royalty

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(articles, authors):
    agency = AgencySettings.for_site(default_site())
    agency.parent_name = "Ủy ban nhân dân tỉnh Hưng Yên"
    agency.name = "Trung tâm Văn hóa và Truyền thanh"
    agency.save()
    set_royalty(
        articles["conference"], "Phản ánh", "5", [(authors["anh"], "author", "60"), (authors["thu"], "photo", "40")]
    )
    set_royalty(articles["harvest"], "Tin có ảnh", "1.5", [(authors["thu"], "author", "100")])
    content = payroll_workbook(build_payroll(default_site(), Month(2026, 7)))
    return load_workbook(io.BytesIO(content)).active


def texts(ws) -> list[str]:
    return [str(cell.value) for row in ws.iter_rows() for cell in row if cell.value is not None]


def row_of(ws, value) -> int:
    return next(cell.row for row in ws.iter_rows() for cell in row if cell.value == value)


def test_agency_top_left_and_national_heading_top_right(workbook):
    assert workbook["A1"].value == "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"
    assert workbook["A2"].value == "TRUNG TÂM VĂN HÓA VÀ TRUYỀN THANH"
    assert workbook["A2"].font.bold
    assert workbook["F1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert workbook["F2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert "A1:C1" in workbook.merged_cells and "F1:J1" in workbook.merged_cells


def test_title_month_and_column_headers(workbook):
    with translation.override(settings.LANGUAGE_CODE):
        assert workbook["A4"].value == sheet.title()
        assert "07" in workbook["A5"].value and "2026" in workbook["A5"].value
        headers = [workbook.cell(row=HEADER_ROW, column=col).value for col in range(1, 11)]
        assert headers == [str(label) for label in sheet.COLUMNS]
    assert workbook.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert workbook.page_setup.orientation == "landscape"


def test_rows_per_payee_with_amounts_dates_and_subtotals(workbook, articles):
    first = HEADER_ROW + 1
    assert workbook.cell(first, 1).value == 1
    assert workbook.cell(first, 2).value == "Hoàng Anh"
    assert workbook.cell(first, 3).value == articles["conference"].title
    assert workbook.cell(first, 4).value == "Phản ánh"
    assert workbook.cell(first, 5).value.date() == dt.date(2026, 7, 10)
    assert workbook.cell(first, 5).number_format == "dd/mm/yyyy"
    assert workbook.cell(first, 6).value == 5
    assert workbook.cell(first, 7).value == pytest.approx(0.6)
    assert workbook.cell(first, 8).value == 759_000
    assert workbook.cell(first, 8).number_format == "#,##0"
    assert workbook.cell(first, 9).value.date() == dt.date(2026, 9, 8)
    assert workbook.cell(first + 1, 8).value == 759_000  # Hoàng Anh's subtotal
    assert f"B{first}:B{first + 1}" in workbook.merged_cells  # the name spans the payee's rows
    assert f"J{first}:J{first + 1}" in workbook.merged_cells  # one signature per payee
    assert workbook.cell(first + 2, 1).value == 2
    assert workbook.cell(first + 2, 2).value == "Minh Thu"
    assert [workbook.cell(first + 2 + i, 8).value for i in range(3)] == [506_000, 379_500, 885_500]


def test_total_row_and_amount_in_words(workbook):
    with translation.override(settings.LANGUAGE_CODE):
        total_row = row_of(workbook, sheet.total_label())
    assert workbook.cell(total_row, 8).value == 1_644_500
    assert workbook.cell(total_row, 8).font.bold
    words = workbook.cell(total_row + 1, 1).value
    assert words.endswith("Một triệu sáu trăm bốn mươi bốn nghìn năm trăm đồng.")
    assert workbook.cell(total_row, 1).border.left.style == "thin"


def test_signature_blocks_under_the_table(workbook):
    with translation.override(settings.LANGUAGE_CODE):
        titles = [title for title, _hint in sheet.signatures()]
    found = texts(workbook)
    assert all(title in found for title in titles)
    row = row_of(workbook, titles[0])
    assert [workbook.cell(row, col).value for col in (1, 4, 7)] == titles


def test_an_empty_month_still_gives_a_form_with_a_zero_total(db):
    ws = load_workbook(io.BytesIO(payroll_workbook(build_payroll(default_site(), Month(2020, 1))))).active
    assert any("Không đồng" in text for text in texts(ws))


def test_the_approver_downloads_it_from_the_admin(login, articles, authors):
    set_royalty(articles["harvest"], "Tin có ảnh", "1.5", [(authors["thu"], "author", "100")])
    approver = login(roles.APPROVER, "lanhdao")

    response = approver.get("/admin/royalties/payroll/xlsx/?month=2026-07")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="nhuan-but-2026-07.xlsx"' in response["Content-Disposition"]
    ws = load_workbook(io.BytesIO(response.content)).active
    assert 379_500 in [cell.value for row in ws.iter_rows() for cell in row]


def test_the_form_reads_as_the_vietnamese_paper_form(workbook):
    with translation.override("vi"):
        if translation.pgettext("payment list", "No.") == "No.":
            pytest.skip("the royalty strings are not in locale/vi yet")
    headers = [workbook.cell(row=HEADER_ROW, column=col).value for col in range(1, 11)]
    assert headers == [
        "STT",
        "Họ và tên",
        "Tên tin bài",
        "Thể loại",
        "Ngày đăng",
        "Điểm",
        "Tỷ lệ",
        "Thành tiền (đ)",
        "Hạn chi trả",
        "Ký nhận",
    ]
    assert workbook["A4"].value == "DANH SÁCH CHI TRẢ NHUẬN BÚT"
    assert workbook["A5"].value == "Tháng 07 năm 2026"
    found = texts(workbook)
    assert "Bằng chữ: Một triệu sáu trăm bốn mươi bốn nghìn năm trăm đồng." in found
    assert {"Tổng cộng", "Người lập biểu", "Kế toán", "Thủ trưởng đơn vị"} <= set(found)
