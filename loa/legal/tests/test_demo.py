"""The demo register: enough documents of every kind for the filters to mean something."""

from __future__ import annotations

import datetime as dt
import re
from http import HTTPStatus

import pytest
from django.utils import timezone

from loa.core.formats import VN_TZ
from loa.core.testing import home_page
from loa.legal import demo
from loa.legal.files import simple_pdf
from loa.legal.models import LegalDocumentIndexPage, LegalDocumentPage
from loa.legal.status import Status

from .conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    now = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(9)), VN_TZ)
    demo.load_demo(home_page(), now)
    return LegalDocumentPage.objects.live().order_by("issued_on")


def test_the_documents_page_is_in_the_menu_at_van_ban(client, loaded):
    index = LegalDocumentIndexPage.objects.get()
    assert index.slug == "van-ban" and index.show_in_menus and index.live
    assert client.get("/van-ban/").status_code == HTTPStatus.OK


def test_fifteen_documents_across_types_bodies_fields_and_years(loaded):
    assert loaded.count() == 15
    assert {d.issued_on.year for d in loaded} == {2024, 2025, 2026}
    assert len({d.document_type_id for d in loaded}) >= 7
    assert len({d.sector_id for d in loaded}) >= 8
    assert {d.issuing_body.name for d in loaded} >= {demo.CITY, demo.PROVINCE}


def test_some_expired_and_some_not_yet_in_force(loaded):
    statuses = [d.status for d in loaded]
    assert statuses.count(Status.EXPIRED) >= 3
    assert statuses.count(Status.NOT_YET) >= 2
    assert statuses.count(Status.IN_FORCE) >= 8


def test_a_replacement_and_an_amendment(loaded):
    land = loaded.get(number="01/2024/QĐ-UBND")
    trees = loaded.get(number="18/2025/QĐ-UBND")
    assert [(label, d.number) for label, d in land.related_documents()] == [("Bị thay thế bởi", "25/2024/QĐ-UBND")]
    assert [(label, d.number) for label, d in trees.related_documents()] == [
        ("Được sửa đổi, bổ sung bởi", "07/2026/QĐ-UBND")
    ]


def test_a_few_documents_carry_a_generated_pdf(client, loaded):
    with_files = [d for d in loaded if d.files()]
    assert len(with_files) == 4
    pdf = with_files[0].files()[0]
    response = client.get(pdf.url)
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert pdf.file_size and pdf.file_hash


def test_the_generated_pdf_has_a_correct_cross_reference_table():
    data = simple_pdf(["UY BAN NHAN DAN", "So: 123/QD-UBND (ban chinh)"])
    xref = int(re.search(rb"startxref\n(\d+)", data).group(1))
    assert data[xref:].startswith(b"xref\n0 6\n")
    offsets = [int(line[:10]) for line in data[xref:].split(b"\n")[3:8]]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert data.rstrip().endswith(b"%%EOF")
    assert b"(So: 123/QD-UBND \\(ban chinh\\)) '" in data
