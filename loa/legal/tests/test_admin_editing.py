"""Staff add a document in Wagtail's page editor: a title made for them, files checked, duplicates refused."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from loa.legal.models import LegalDocumentPage, RelationKind
from loa.newsroom import roles

from .conftest import CITY, make_file

pytestmark = pytest.mark.django_db


def document_form(lists, files=(), relations=(), **extra) -> dict:
    return nested_form_data(
        {
            "title": "",
            "slug": "",
            "number": "1254/QĐ-UBND",
            "document_type": lists["type"]["Quyết định"].pk,
            "summary": "Về việc ban hành Quy chế tiếp công dân",
            "issuing_body": lists["body"]["Ủy ban nhân dân thành phố Hưng Yên"].pk,
            "issuing_level": lists["level"]["Huyện/thành phố thuộc tỉnh"].pk,
            "sector": lists["sector"]["Đất đai"].pk,
            "signer": lists["signer"]["Trần Quốc Hưng"].pk,
            "issued_on": "2024-03-12",
            "effective_from": "2024-03-22",
            "effective_until": "",
            "attachments": inline_formset([{"document": document.pk} for document in files]),
            "relations": inline_formset([{"kind": kind, "target": target.pk} for kind, target in relations]),
            **extra,
        }
    )


def add_url(index) -> str:
    return f"/admin/pages/add/loa_legal/legaldocumentpage/{index.pk}/"


def test_an_approver_publishes_a_document_with_its_pdf(login, index, lists, client):
    approver = login(roles.APPROVER)
    pdf = make_file("Quyết định 1254", "qd-1254.pdf")
    response = approver.post(add_url(index), document_form(lists, files=[pdf], **{"action-publish": "1"}))
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    page = LegalDocumentPage.objects.get()
    assert page.live
    assert page.title == "Quyết định số 1254/QĐ-UBND"
    assert page.slug == "quyet-dinh-so-1254-qd-ubnd"
    assert page.files() == [pdf]
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    client.logout()
    assert client.get(page.url).status_code == HTTPStatus.OK


def test_a_spreadsheet_cannot_be_attached(login, index, lists):
    approver = login(roles.APPROVER)
    sheet = make_file("Bảng tổng hợp", "tong-hop.xlsx", b"PK\x03\x04" + b"\0" * 50)
    response = approver.post(add_url(index), document_form(lists, files=[sheet]))
    assert response.status_code == HTTPStatus.OK
    message = gettext("“%(name)s” is a .%(extension)s file: only PDF, DOC and DOCX files can be attached.")
    assert escape(message % {"name": "Bảng tổng hợp", "extension": "xlsx"}) in response.content.decode()
    assert not LegalDocumentPage.objects.exists()


def test_a_number_already_used_by_the_same_body_is_refused(login, index, lists, make_document):
    make_document("1254/QĐ-UBND", "Đã có", issued=dt.date(2024, 3, 12))
    response = login(roles.APPROVER).post(add_url(index), document_form(lists, number="1254/qđ-ubnd"))
    assert response.status_code == HTTPStatus.OK
    message = gettext("%(body)s already has a document numbered %(number)s.")
    assert escape(message % {"body": CITY, "number": "1254/qđ-ubnd"}) in response.content.decode()
    assert LegalDocumentPage.objects.count() == 1


def test_dates_in_the_wrong_order_are_refused_next_to_the_field(login, index, lists):
    response = login(roles.APPROVER).post(add_url(index), document_form(lists, effective_from="2024-03-01"))
    assert response.status_code == HTTPStatus.OK
    assert escape(gettext("The date of effect cannot be before the date of issue.")) in response.content.decode()


def test_a_relation_is_chosen_in_the_editor(login, index, lists, make_document):
    old = make_document("01/QĐ-UBND", "Quy chế cũ", issued=dt.date(2020, 1, 2))
    response = login(roles.APPROVER).post(
        add_url(index),
        document_form(lists, relations=[(RelationKind.REPLACES, old)], **{"action-publish": "1"}),
    )
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    new = LegalDocumentPage.objects.get(number="1254/QĐ-UBND")
    assert [(label, page.pk) for label, page in old.related_documents()] == [("Bị thay thế bởi", new.pk)]


def test_a_reporter_cannot_add_a_document(login, index, lists):
    response = login(roles.REPORTER).get(add_url(index))
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not LegalDocumentPage.objects.exists()


def test_the_editor_groups_the_fields_in_panels(login, index):
    html = login(roles.APPROVER).get(add_url(index)).content.decode()
    for field in ("id_number", "id_document_type", "id_issuing_body", "id_issued_on", "id_attachments-TOTAL_FORMS"):
        assert field in html


def form_errors(response) -> str:
    form = response.context["form"]
    return f"{form.errors} {[(name, formset.errors) for name, formset in form.formsets.items()]}"
