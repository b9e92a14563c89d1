"""The embedded default serves uploads itself, but never a document around its privacy check."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from loa.core.testing import make_image

pytestmark = pytest.mark.django_db


def test_images_are_served_from_media(client):
    image = make_image()
    assert client.get(image.file.url).status_code == 200


def test_documents_only_through_wagtails_checked_view(client):
    document = Document.objects.create(title="Kế hoạch", file=ContentFile(b"%PDF-1.4 test", name="ke-hoach.pdf"))
    assert document.file.url.startswith("/media/documents/")
    assert client.get(document.file.url).status_code == 404
    assert client.get(document.url).status_code == 200
