"""A document's status, derived fields, validation, files and relations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from loa.legal.models import (
    DocumentAttachment,
    DocumentRelation,
    IssuingBody,
    RelationKind,
    number_key,
    number_sort_key,
)
from loa.legal.status import Status, status_of

from .conftest import TODAY, make_file

pytestmark = pytest.mark.django_db

D = dt.date


class TestStatus:
    def test_in_force_from_the_date_of_effect(self):
        assert status_of(D(2026, 1, 5), D(2026, 1, 15), None, on=D(2026, 1, 15)) == Status.IN_FORCE

    def test_not_yet_in_force_before_the_date_of_effect(self):
        assert status_of(D(2026, 1, 5), D(2026, 1, 15), None, on=D(2026, 1, 14)) == Status.NOT_YET

    def test_without_a_date_of_effect_it_applies_from_the_day_of_issue(self):
        assert status_of(D(2026, 1, 5), None, None, on=D(2026, 1, 5)) == Status.IN_FORCE
        assert status_of(D(2026, 1, 5), None, None, on=D(2026, 1, 4)) == Status.NOT_YET

    def test_expired_from_the_expiry_date(self):
        assert status_of(D(2025, 1, 5), None, D(2026, 1, 1), on=D(2025, 12, 31)) == Status.IN_FORCE
        assert status_of(D(2025, 1, 5), None, D(2026, 1, 1), on=D(2026, 1, 1)) == Status.EXPIRED

    def test_today_is_the_date_in_vietnam(self, monkeypatch):
        from django.utils import timezone

        from loa.legal import status

        monkeypatch.undo()  # the real today(), at 18:30 UTC on 31/12 = 01:30 on 1/1 in Hà Nội
        monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 12, 31, 18, 30, tzinfo=dt.UTC))
        assert status.today() == D(2026, 1, 1)

    def test_the_page_shows_its_status_in_words(self, make_document):
        document = make_document("01/QĐ-UBND", "Về việc A", issued=D(2026, 11, 1), effective=D(2026, 12, 1))
        assert document.status == Status.NOT_YET
        assert document.status_label == "Chưa có hiệu lực"


class TestDerivedFields:
    def test_the_title_defaults_to_type_and_number_and_the_slug_keeps_the_number_readable(self, make_document):
        document = make_document("25/2024/QĐ-UBND", "Về hạn mức giao đất ở", issued=D(2024, 7, 26))
        assert document.title == "Quyết định số 25/2024/QĐ-UBND"
        assert document.slug == "quyet-dinh-so-25-2024-qd-ubnd"

    def test_number_and_summary_are_kept_folded_for_the_search(self, make_document):
        document = make_document("123/QĐ-UBND", "Về việc ban hành Quy chế tiếp công dân", issued=D(2026, 1, 5))
        assert document.folded_text == "123/qd-ubnd ve viec ban hanh quy che tiep cong dan"
        assert document.number_key == "123/qd-ubnd"

    def test_numbers_sort_as_numbers(self):
        numbers = ["123/QĐ-UBND", "9/KH-UBND", "45/QĐ-UBND", "CV-không-số"]
        assert sorted(numbers, key=number_sort_key) == ["9/KH-UBND", "45/QĐ-UBND", "123/QĐ-UBND", "CV-không-số"]

    def test_number_key_ignores_case_diacritics_and_spaces(self):
        assert number_key(" 123 / QĐ-UBND") == number_key("123/qd-ubnd")

    def test_search_text_holds_number_summary_type_body_and_signer(self, make_document):
        document = make_document("02/CT-UBND", "Về giảm rác thải nhựa", issued=D(2026, 1, 5), type="Chỉ thị")
        text = document.search_text()
        for part in ("02/CT-UBND", "Về giảm rác thải nhựa", "Chỉ thị", "Ủy ban nhân dân thành phố", "Trần Quốc Hưng"):
            assert part in text

    def test_list_names_are_stored_as_nfc_with_single_spaces(self):
        body = IssuingBody.objects.create(name="Sở  Giáo du\u0323c ")
        assert body.name == "Sở Giáo dục"


class TestValidation:
    def test_the_date_of_effect_cannot_precede_the_date_of_issue(self, make_document):
        document = make_document("01/QĐ-UBND", "A", issued=D(2026, 1, 5))
        document.effective_from = D(2026, 1, 4)
        with pytest.raises(ValidationError) as error:
            document.full_clean()
        assert "effective_from" in error.value.message_dict

    def test_the_expiry_must_come_after_the_date_of_effect(self, make_document):
        document = make_document("01/QĐ-UBND", "A", issued=D(2026, 1, 5), effective=D(2026, 2, 1))
        document.effective_until = D(2026, 2, 1)
        with pytest.raises(ValidationError) as error:
            document.full_clean()
        assert "effective_until" in error.value.message_dict

    @pytest.mark.parametrize("name", ["quyet-dinh.pdf", "phu-luc.doc", "phu-luc.docx"])
    def test_pdf_doc_and_docx_files_may_be_attached(self, make_document, name):
        content = {
            "pdf": None,
            "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "docx": b"PK\x03\x04" + b"\0" * 100,
        }[name.rsplit(".", 1)[1]]
        document = make_document("01/QĐ-UBND", "A", issued=D(2026, 1, 5))
        DocumentAttachment(page=document, document=make_file("Tệp", name, content)).full_clean()

    def test_other_file_types_are_refused_with_a_message_naming_the_file(self, make_document):
        document = make_document("01/QĐ-UBND", "A", issued=D(2026, 1, 5))
        sheet = make_file("Bảng tổng hợp", "tong-hop.xlsx", b"PK\x03\x04" + b"\0" * 100)
        with pytest.raises(ValidationError) as error:
            DocumentAttachment(page=document, document=sheet).full_clean()
        message = error.value.message_dict["document"][0]
        assert "Bảng tổng hợp" in message and "PDF, DOC" in message

    def test_a_renamed_file_is_refused(self, make_document):
        document = make_document("01/QĐ-UBND", "A", issued=D(2026, 1, 5))
        fake = make_file("Giả mạo", "quyet-dinh.pdf", b"MZ\x90\x00 not a pdf")
        with pytest.raises(ValidationError):
            DocumentAttachment(page=document, document=fake).full_clean()

    def test_a_document_cannot_relate_to_itself(self, make_document):
        document = make_document("01/QĐ-UBND", "A", issued=D(2026, 1, 5))
        with pytest.raises(ValidationError):
            DocumentRelation(page=document, target=document, kind=RelationKind.AMENDS).full_clean()


class TestRelations:
    def test_a_relation_stored_once_reads_in_both_directions(self, make_document):
        old = make_document("01/2024/QĐ-UBND", "Hạn mức giao đất (cũ)", issued=D(2024, 1, 15), until=D(2024, 8, 1))
        new = make_document("25/2024/QĐ-UBND", "Hạn mức giao đất", issued=D(2024, 7, 26))
        new.relations.add(DocumentRelation(kind=RelationKind.REPLACES, target=old))
        new.save_revision().publish()

        assert [(label, page.pk) for label, page in new.related_documents()] == [("Thay thế văn bản", old.pk)]
        assert [(label, page.pk) for label, page in old.related_documents()] == [("Bị thay thế bởi", new.pk)]

    def test_an_unpublished_document_is_not_shown_as_related(self, make_document):
        old = make_document("01/QĐ-UBND", "Cũ", issued=D(2024, 1, 15))
        draft = make_document("02/QĐ-UBND", "Nháp", issued=D(2024, 2, 15))
        draft.relations.add(DocumentRelation(kind=RelationKind.AMENDS, target=old))
        draft.save_revision().publish()
        draft.unpublish()
        assert old.related_documents() == []


def test_the_fixture_today_is_used(make_document):
    document = make_document("01/QĐ-UBND", "A", issued=TODAY)
    assert document.status == Status.IN_FORCE
