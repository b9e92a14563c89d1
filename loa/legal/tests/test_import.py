"""Importing a register from XLSX or CSV: all or nothing, every bad row named with its reason."""

from __future__ import annotations

import datetime as dt
import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext
from openpyxl import Workbook, load_workbook
from wagtail.models import PageLogEntry

from loa.legal.importer import LIST_MODELS, LegalDocumentImporter
from loa.legal.models import DocumentType, LegalDocumentPage
from loa.newsroom import roles
from loa.search.models import SearchDocument

from .conftest import CITY, PROVINCE

pytestmark = pytest.mark.django_db

URL = "/admin/legal/import/"
HEADERS = [
    "Số ký hiệu",
    "Loại văn bản",
    "Cơ quan ban hành",
    "Cấp ban hành",
    "Lĩnh vực",
    "Người ký",
    "Ngày ban hành",
    "Ngày hiệu lực",
    "Ngày hết hiệu lực",
    "Trích yếu",
]
CITY_LEVEL = "Huyện/thành phố thuộc tỉnh"
HEADERS_TO_FIELDS = {
    "Cơ quan ban hành": "issuing_body",
    "Cấp ban hành": "issuing_level",
    "Lĩnh vực": "sector",
    "Người ký": "signer",
}


def _not_in_list() -> str:
    return gettext("“%(value)s” is not in the list. Allowed values: %(allowed)s.")


def good_rows() -> list[list]:
    return [
        ["1254/QĐ-UBND", "Quyết định", CITY, CITY_LEVEL, "Đất đai", "Trần Quốc Hưng", dt.datetime(2024, 3, 12),
         dt.datetime(2024, 3, 22), None, "Về việc ban hành Quy chế tiếp công dân"],
        ["86/KH-UBND", "Kế hoạch", CITY, CITY_LEVEL, "Y tế", "Lê Thị Thu Hà", "20/02/2025", "", "01/01/2026",
         "Kế hoạch chuyển đổi số năm 2025"],
        ["25/2024/QĐ-UBND", "quyết định", PROVINCE, "Tỉnh", "", "", "2024-07-26", "2024-08-01", "",
         "Ban hành Quy định hạn mức giao đất ở"],
    ]  # fmt: skip


def xlsx(rows: list[list], headers: list[str] = HEADERS, name: str = "van-ban.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(rows: list[list], delimiter: str = ",") -> SimpleUploadedFile:
    lines = [delimiter.join(HEADERS)]
    for row in rows:
        cells = [value.strftime("%d/%m/%Y") if isinstance(value, dt.datetime) else (value or "") for value in row]
        lines.append(delimiter.join(f'"{cell}"' for cell in cells))
    return SimpleUploadedFile("van-ban.csv", ("\ufeff" + "\r\n".join(lines)).encode())


@pytest.fixture
def importer(index, lists, django_user_model):
    user = django_user_model.objects.create_superuser("nhap", "nhap@example.invalid", "mat-khau-123")
    return LegalDocumentImporter(parent=index, user=user)


class TestImporter:
    def test_a_clean_xlsx_imports_every_row_as_a_published_page(self, importer, index):
        assert importer.import_file(xlsx(good_rows())) == 3
        documents = LegalDocumentPage.objects.child_of(index).live().order_by("issued_on")
        assert [d.number for d in documents] == ["1254/QĐ-UBND", "25/2024/QĐ-UBND", "86/KH-UBND"]
        plan = documents.get(number="86/KH-UBND")
        assert plan.title == "Kế hoạch số 86/KH-UBND"
        assert plan.effective_from is None
        assert plan.effective_until == dt.date(2026, 1, 1)
        assert plan.signer.name == "Lê Thị Thu Hà"
        land = documents.get(number="25/2024/QĐ-UBND")
        assert land.document_type.name == "Quyết định"  # matched whatever the case
        assert land.sector is None and land.signer is None

    def test_imported_pages_have_a_revision_an_audit_entry_and_are_searchable(self, importer):
        importer.import_file(xlsx(good_rows()))
        page = LegalDocumentPage.objects.get(number="1254/QĐ-UBND")
        assert page.latest_revision is not None
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=importer.context["user"]).exists()
        assert SearchDocument.objects.filter(page_id=page.pk, kind="document").exists()

    @pytest.mark.parametrize("delimiter", [",", ";"])
    def test_a_clean_csv_imports_every_row(self, importer, delimiter):
        assert importer.import_file(csv_file(good_rows(), delimiter)) == 3
        assert LegalDocumentPage.objects.count() == 3

    def test_one_bad_row_imports_nothing_and_every_bad_row_is_listed(self, importer):
        rows = good_rows()
        rows[0][1] = "Quyết đinh"  # a typo in the type
        rows[2][6] = "31/02/2024"  # no such date
        preview = importer.preview(xlsx(rows))
        assert not preview.ok
        assert [row.line for row in preview.bad_rows] == [2, 4]
        allowed = ", ".join(DocumentType.objects.values_list("name", flat=True))  # every one is listed
        assert preview.bad_rows[0].errors == [
            "Loại văn bản: " + _not_in_list() % {"value": "Quyết đinh", "allowed": allowed}
        ]
        assert preview.bad_rows[1].errors[0].startswith("Ngày ban hành:")
        from loa.core.sheets import SheetNotClean

        with pytest.raises(SheetNotClean):
            importer.import_file(xlsx(rows))
        assert LegalDocumentPage.objects.count() == 0

    @pytest.mark.parametrize(
        ("column", "value", "field"),
        [
            ("Cơ quan ban hành", "UBND xã Không Có", "Cơ quan ban hành"),
            ("Cấp ban hành", "Quận", "Cấp ban hành"),
            ("Lĩnh vực", "Thiên văn", "Lĩnh vực"),
            ("Người ký", "Nguyễn Văn Lạ", "Người ký"),
        ],
    )
    def test_unknown_list_values_are_refused_not_created(self, importer, lists, column, value, field):
        rows = good_rows()[:1]
        rows[0][HEADERS.index(column)] = value
        preview = importer.preview(xlsx(rows))
        model = LIST_MODELS[HEADERS_TO_FIELDS[column]]
        allowed = ", ".join(entry.name for entry in model.objects.all())
        assert preview.bad_rows[0].errors == [f"{field}: " + _not_in_list() % {"value": value, "allowed": allowed}]
        assert not model.objects.filter(name=value).exists()

    def test_required_cells_must_be_filled(self, importer):
        rows = good_rows()[:1]
        rows[0][0] = ""
        rows[0][9] = ""
        errors = importer.preview(xlsx(rows)).bad_rows[0].errors
        assert [error.split(":")[0] for error in errors] == ["Số ký hiệu", "Trích yếu"]

    def test_dates_in_the_wrong_order_are_refused(self, importer):
        rows = good_rows()[:2]
        rows[0][7] = "01/03/2024"  # takes effect before it is issued (12/03/2024)
        rows[1][8] = "20/02/2025"  # expires the day it is issued
        bad = importer.preview(xlsx(rows)).bad_rows
        assert bad[0].errors == ["Ngày hiệu lực: " + gettext("The date of effect cannot be before the date of issue.")]
        assert bad[1].errors == ["Ngày hết hiệu lực: " + gettext("The expiry date must be after the date of effect.")]

    def test_the_same_number_twice_in_the_sheet_is_refused_on_the_second_line(self, importer):
        rows = good_rows()
        rows[1][0] = "1254/QD-UBND"  # same number typed without diacritics, same body
        bad = importer.preview(xlsx(rows)).bad_rows
        assert [row.line for row in bad] == [3]
        assert bad[0].errors == [
            gettext("Number %(number)s of %(body)s is already on line %(line)s of the sheet.")
            % {"number": "1254/QD-UBND", "body": CITY, "line": 2}
        ]

    def test_the_same_number_of_another_body_is_a_different_document(self, importer):
        rows = good_rows()
        rows[1][0] = "25/2024/QĐ-UBND"  # the city's, while row 4 is the province's
        assert importer.preview(xlsx(rows)).ok

    def test_a_number_already_on_the_site_is_refused(self, importer, make_document):
        make_document("1254/QĐ-UBND", "Đã có", issued=dt.date(2024, 3, 12))
        bad = importer.preview(xlsx(good_rows())).bad_rows
        assert [row.line for row in bad] == [2]
        assert bad[0].errors == [
            gettext("%(body)s already has a document numbered %(number)s on the site.")
            % {"body": CITY, "number": "1254/QĐ-UBND"}
        ]

    def test_the_sample_sheet_has_the_columns_and_an_example_that_matches_the_lists(self, importer, lists):
        sheet = load_workbook(io.BytesIO(importer.template_xlsx())).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert rows[0] == HEADERS
        assert sheet.title == "Văn bản"


class TestImportView:
    def test_the_view_previews_then_imports_on_confirmation(self, login, index, lists):
        client = login(roles.APPROVER)
        assert client.get(URL).status_code == HTTPStatus.OK

        bad_rows = good_rows()
        bad_rows[1][1] = "Tờ trình"
        bad = client.post(URL, {"file": xlsx(bad_rows)})
        assert bad.status_code == HTTPStatus.OK
        assert "Tờ trình" in bad.content.decode()
        assert 'name="token"' not in bad.content.decode()
        assert LegalDocumentPage.objects.count() == 0

        good = client.post(URL, {"file": xlsx(good_rows())})
        assert good.context["preview"].ok
        assert LegalDocumentPage.objects.count() == 0  # a dry run
        done = client.post(URL, {"token": good.context["token"]})
        assert done.status_code == HTTPStatus.FOUND
        assert done["Location"] == f"/admin/pages/{index.pk}/"
        assert LegalDocumentPage.objects.live().count() == 3

    def test_the_sample_sheet_is_downloadable(self, login, index):
        response = login(roles.APPROVER).get(URL + "?template=1")
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Disposition"].startswith("attachment")
        assert load_workbook(io.BytesIO(response.content)).active["A1"].value == "Số ký hiệu"
