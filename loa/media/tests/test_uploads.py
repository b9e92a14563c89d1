"""Only real images and videos get in, whatever their names say."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.models import Image
from wagtailmedia.models import Media

pytestmark = pytest.mark.django_db

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bt@example.invalid", "mat-khau-dai-123")
    client.force_login(user)
    return client


def upload_video(client, name: str, content: bytes):
    return client.post(
        "/admin/media/video/add/",
        {"title": "Clip thử", "file": SimpleUploadedFile(name, content), "collection": 1, "tags": ""},
    )


def test_real_video_is_accepted(editor):
    response = upload_video(editor, "clip.mp4", MP4_HEAD)
    assert response.status_code == HTTPStatus.FOUND
    assert Media.objects.get().type == "video"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("clip.mp4", b"<?php system($_GET['c']); ?>"),
        ("clip.webm", b"%PDF-1.7 fake"),
        ("clip.mp4", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ],
)
def test_disguised_file_is_refused_with_a_message(editor, name, content):
    response = upload_video(editor, name, content)
    assert response.status_code == HTTPStatus.OK
    assert "not a video or audio file" in response.content.decode() or "không phải" in response.content.decode()
    assert not Media.objects.exists()


def test_wrong_extension_is_refused(editor):
    response = upload_video(editor, "clip.exe", MP4_HEAD)
    assert response.status_code == HTTPStatus.OK
    assert not Media.objects.exists()


def test_text_disguised_as_image_is_refused(editor):
    response = editor.post(
        "/admin/images/add/",
        {"title": "Ảnh giả", "file": SimpleUploadedFile("anh.jpg", b"not an image at all"), "collection": 1},
    )
    assert response.status_code == HTTPStatus.OK
    assert not Image.objects.exists()
