"""A small register: the default lists, two issuing bodies, fields, signers and a "Văn bản" page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from loa.core.testing import home_page
from loa.legal.files import simple_pdf
from loa.legal.models import (
    DocumentAttachment,
    DocumentType,
    IssuingBody,
    IssuingLevel,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    Sector,
    Signer,
)

CITY = "Ủy ban nhân dân thành phố Hưng Yên"
PROVINCE = "Ủy ban nhân dân tỉnh Hưng Yên"
TODAY = dt.date(2026, 11, 29)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    """Statuses depend on the day: every test sees 29/11/2026 in Vietnam."""
    monkeypatch.setattr("loa.legal.status.today", lambda: TODAY)


@pytest.fixture
def lists() -> dict:
    """The types and levels come from the migration; bodies, fields and signers are the agency's."""
    return {
        "type": {entry.name: entry for entry in DocumentType.objects.all()},
        "level": {entry.name: entry for entry in IssuingLevel.objects.all()},
        "body": {name: IssuingBody.objects.create(name=name) for name in (CITY, PROVINCE)},
        "sector": {name: Sector.objects.create(name=name) for name in ("Đất đai", "Giáo dục và Đào tạo", "Y tế")},
        "signer": {
            "Trần Quốc Hưng": Signer.objects.create(name="Trần Quốc Hưng", position="Chủ tịch"),
            "Lê Thị Thu Hà": Signer.objects.create(name="Lê Thị Thu Hà", position="Phó Chủ tịch"),
        },
    }


@pytest.fixture
def index() -> LegalDocumentIndexPage:
    page = LegalDocumentIndexPage(title="Văn bản", slug="van-ban", show_in_menus=True)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_document(index, lists):
    """Publish a document; keyword names as in the sheet's lists (type="Quyết định", body=CITY…)."""

    def make(
        number: str,
        summary: str,
        *,
        issued: dt.date,
        type: str = "Quyết định",  # noqa: A002 -- reads like the register's column
        body: str = CITY,
        level: str = "Huyện/thành phố thuộc tỉnh",
        sector: str | None = "Đất đai",
        signer: str | None = "Trần Quốc Hưng",
        effective: dt.date | None = None,
        until: dt.date | None = None,
        files: tuple[Document, ...] = (),
        live: bool = True,
    ) -> LegalDocumentPage:
        page = LegalDocumentPage(
            number=number,
            summary=summary,
            document_type=lists["type"][type],
            issuing_body=lists["body"][body],
            issuing_level=lists["level"][level],
            sector=lists["sector"][sector] if sector else None,
            signer=lists["signer"][signer] if signer else None,
            issued_on=issued,
            effective_from=effective,
            effective_until=until,
        )
        page.title = page.default_title()
        index.add_child(instance=page)
        for document in files:
            page.attachments.add(DocumentAttachment(document=document))
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.unpublish()
        page.refresh_from_db()
        return page

    return make


def make_file(title: str, name: str, content: bytes | None = None) -> Document:
    data = simple_pdf(["Quyet dinh"]) if content is None else content
    return Document.objects.create(title=title, file=ContentFile(data, name=name), file_size=len(data))


@pytest.fixture
def login(client, django_user_model):
    """Log the test client in as a new user of a newsroom role (or a superuser with role=None)."""

    def as_role(role: str | None):
        username = f"user{django_user_model.objects.count() + 1}"
        if role is None:
            user = django_user_model.objects.create_superuser(username, f"{username}@example.invalid", "mat-khau-123")
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "mat-khau-123")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return as_role
