"""The document page: every field in a table, the PDF preview, downloads, related documents, printing."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup

from loa.legal.models import DocumentRelation, RelationKind
from loa.search.models import SearchDocument

from .conftest import PROVINCE, make_file

pytestmark = pytest.mark.django_db

D = dt.date
DOCX = b"PK\x03\x04" + b"\0" * 2000


@pytest.fixture
def decision(make_document):
    return make_document(
        "1254/QĐ-UBND",
        "Về việc ban hành Quy chế tiếp công dân của Ủy ban nhân dân thành phố Hưng Yên",
        issued=D(2024, 3, 12),
        effective=D(2024, 3, 22),
        sector="Đất đai",
        files=(
            make_file("Phụ lục biểu mẫu", "phu-luc.docx", DOCX),
            make_file("Quyết định 1254 (bản ký số)", "qd-1254.pdf"),
            make_file("Quy chế kèm theo", "quy-che.pdf"),
        ),
    )


def page_html(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return BeautifulSoup(response.content, "html.parser")


def fields(html: BeautifulSoup) -> dict[str, str]:
    return {
        row.th.get_text(strip=True): " ".join(row.td.get_text().split()) for row in html.select("table.legal-fields tr")
    }


def test_every_field_is_in_a_table_with_row_headers(client, decision):
    html = page_html(client, decision.url)
    assert html.h1.get_text() == "Quyết định số 1254/QĐ-UBND"
    assert all(th["scope"] == "row" for th in html.select("table.legal-fields th"))
    assert fields(html) == {
        "Số ký hiệu": "1254/QĐ-UBND",
        "Loại văn bản": "Quyết định",
        "Cơ quan ban hành": "Ủy ban nhân dân thành phố Hưng Yên",
        "Cấp ban hành": "Huyện/thành phố thuộc tỉnh",
        "Lĩnh vực": "Đất đai",
        "Người ký": "Trần Quốc Hưng – Chủ tịch",
        "Ngày ban hành": "12/03/2024",
        "Ngày có hiệu lực": "22/03/2024",
        "Ngày hết hiệu lực": "Chưa xác định",
        "Tình trạng hiệu lực": "Còn hiệu lực",
        "Trích yếu": "Về việc ban hành Quy chế tiếp công dân của Ủy ban nhân dân thành phố Hưng Yên",
    }


def test_without_a_date_of_effect_the_page_says_it_applies_from_issue(client, make_document):
    document = make_document("02/CT-UBND", "Về rác thải nhựa", issued=D(2026, 1, 5), sector=None, signer=None)
    table = fields(page_html(client, document.url))
    assert table["Ngày có hiệu lực"] == "05/01/2026 (kể từ ngày ban hành)"
    assert table["Lĩnh vực"] == "—"
    assert table["Người ký"] == "—"


def test_the_first_pdf_is_previewed_in_the_page_with_a_fallback_link(client, decision):
    html = page_html(client, decision.url)
    preview = html.select("object.legal-preview__frame")
    assert len(preview) == 1
    pdf = decision.files()[1]
    assert preview[0]["data"] == pdf.url
    assert preview[0]["type"] == "application/pdf"
    assert preview[0].select_one("a")["href"] == pdf.url


def test_the_preview_url_serves_the_pdf_inline_and_may_be_framed(client, decision):
    pdf = decision.files()[1]
    response = client.get(pdf.url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response.get("X-Frame-Options", "SAMEORIGIN") == "SAMEORIGIN"


def test_every_file_has_a_download_link_with_its_type_and_size(client, decision):
    items = page_html(client, decision.url).select(".legal-files__list li")
    texts = [" ".join(item.get_text().split()) for item in items]
    assert texts[0] == "Tải về: Phụ lục biểu mẫu (DOCX, 2,0 KB)"
    assert texts[1].startswith("Tải về: Quyết định 1254 (bản ký số) (PDF, ")
    assert len(items) == 3


def test_a_document_with_only_a_docx_has_no_preview(client, make_document):
    document = make_document(
        "05/KH-UBND", "Kế hoạch", issued=D(2026, 1, 5), files=(make_file("Kế hoạch", "ke-hoach.docx", DOCX),)
    )
    html = page_html(client, document.url)
    assert html.select("object, iframe") == []
    assert html.select_one(".legal-files__link")["href"] == document.files()[0].url


def test_related_documents_are_shown_from_both_sides(client, make_document):
    old = make_document("18/2025/QĐ-UBND", "Quy định về quản lý cây xanh đô thị", issued=D(2025, 4, 10), body=PROVINCE)
    new = make_document("07/2026/QĐ-UBND", "Sửa đổi Quy định về cây xanh", issued=D(2026, 3, 2), body=PROVINCE)
    new.relations.add(DocumentRelation(kind=RelationKind.AMENDS, target=old))
    new.save_revision().publish()

    on_new = " ".join(page_html(client, new.url).select_one(".legal-related").get_text().split())
    on_old = " ".join(page_html(client, old.url).select_one(".legal-related").get_text().split())
    assert "Sửa đổi, bổ sung văn bản: Quyết định số 18/2025/QĐ-UBND (ban hành 10/04/2025)" in on_new
    assert "Được sửa đổi, bổ sung bởi: Quyết định số 07/2026/QĐ-UBND (ban hành 02/03/2026)" in on_old


def test_the_print_view_marks_the_page_for_printing(client, decision):
    html = page_html(client, decision.url + "?print=1")
    assert "print-view" in html.body["class"]
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"


def test_the_status_is_written_in_words(client, make_document):
    document = make_document("9/TB-UBND", "Thông báo", issued=D(2026, 11, 20), effective=D(2026, 12, 1))
    status = page_html(client, document.url).select_one(".article__meta .legal-status")
    assert status.get_text() == "Chưa có hiệu lực"


def test_the_site_search_indexes_the_document_as_a_document(decision):
    entry = SearchDocument.objects.get(page_id=decision.pk)
    assert entry.kind == "document"
    assert "1254/QĐ-UBND" in entry.body and "Quy chế tiếp công dân" in entry.body
