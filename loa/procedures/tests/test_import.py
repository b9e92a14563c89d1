"""Procedures come from a sheet: every bad row listed, codes already listed refused unless updating."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loa.core.sheets import SheetNotClean
from loa.procedures.importer import ProcedureImporter
from loa.procedures.models import Procedure

from .conftest import HEADERS, make_procedure, xlsx

pytestmark = pytest.mark.django_db


def test_a_clean_sheet_is_imported():
    sheet = xlsx(
        HEADERS,
        ["1.001193.000.00.00.H31", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Cấp xã", "Một phần", ""],
        [
            "2.000720.000.00.00.H31",
            "Đăng ký thành lập hộ kinh doanh",
            "Hộ kinh doanh",
            "cap huyen",
            "Mức độ 4",
            "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2.000720",
        ],
        ["2.000815.000.00.00.H31", "Chứng thực bản sao", "Chứng thực", "Cấp xã", "Không", ""],
    )
    assert ProcedureImporter().import_file(sheet) == 3
    birth = Procedure.objects.get(code="1.001193.000.00.00.H31")
    assert (birth.level, birth.service_level, birth.url) == ("commune", "partial", "")
    assert birth.link.endswith("?ma_thu_tuc=1.001193.000.00.00.H31")
    business = Procedure.objects.get(code="2.000720.000.00.00.H31")
    assert (business.level, business.service_level) == ("district", "full")
    assert Procedure.objects.get(code="2.000815.000.00.00.H31").service_level == "none"


def test_a_csv_sheet_without_the_link_column_is_imported():
    text = (
        "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ\n"
        "1.000656,Thủ tục đăng ký khai tử,Hộ tịch,Cấp xã,Toàn trình\n"
    )
    assert ProcedureImporter().import_file(SimpleUploadedFile("tt.csv", text.encode())) == 1


def test_every_bad_row_is_listed_and_nothing_is_imported():
    sheet = xlsx(
        HEADERS,
        ["1.001193.000.00.00.H31", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Cấp xã", "Một phần", ""],
        ["mã sai", "Thủ tục lạ", "Hộ tịch", "Cấp xã", "Không", ""],
        ["1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", "cấp thôn", "Toàn trình", ""],
        ["1.000657", "Thủ tục khác", "Hộ tịch", "Cấp xã", "mức cao", "http://dichvucong.gov.vn/x"],
        ["1.001193.000.00.00.H31", "Trùng mã", "Hộ tịch", "Cấp xã", "Không", ""],
    )
    preview = ProcedureImporter().preview(sheet)
    bad = {row.line: " ".join(row.errors) for row in preview.bad_rows}
    assert sorted(bad) == [3, 4, 5, 6]
    assert bad[3].startswith("Mã thủ tục: ")
    assert bad[4].startswith("Cấp thực hiện: ")
    assert "Mức độ: " in bad[5] and "Đường dẫn: " in bad[5]
    assert bad[6].startswith("Mã thủ tục: ") and "1.001193.000.00.00.H31" in bad[6]
    with pytest.raises(SheetNotClean):
        ProcedureImporter().import_file(sheet)
    assert not Procedure.objects.exists()


def test_codes_already_listed_are_refused():
    make_procedure("1.001193.000.00.00.H31", "Thủ tục đăng ký khai sinh")
    sheet = xlsx(HEADERS, ["1.001193.000.00.00.H31", "Đăng ký khai sinh (mới)", "Hộ tịch", "Cấp xã", "Không", ""])
    preview = ProcedureImporter().preview(sheet)
    assert [row.line for row in preview.bad_rows] == [2]
    assert Procedure.objects.get().name == "Thủ tục đăng ký khai sinh"


def test_an_update_import_changes_listed_codes_and_adds_new_ones():
    make_procedure("1.001193.000.00.00.H31", "Thủ tục đăng ký khai sinh")
    sheet = xlsx(
        HEADERS,
        ["1.001193.000.00.00.H31", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "Toàn trình", ""],
        ["1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", "Cấp xã", "Toàn trình", ""],
    )
    assert ProcedureImporter(update=True).import_file(sheet) == 2
    updated = Procedure.objects.get(code="1.001193.000.00.00.H31")
    assert (updated.name, updated.service_level) == ("Đăng ký khai sinh", "full")
    assert Procedure.objects.count() == 2
    assert " dang ky khai sinh " in updated.search_text
