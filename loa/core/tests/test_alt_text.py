"""Alt text: no image enters the admin without one, and every page shows it.

An image's description is its alt text (loa.core.image_forms makes it required on every
upload and edit form Wagtail builds); a photo in a body may reword it for that article or be
marked decorative (Wagtail's ImageBlock), the only way to an empty alt. Uploads go through
the admin as a newsroom editor ("Biên tập viên") sends them.
"""

from __future__ import annotations

import io
import json
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.blocks import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.models import UploadedFile

from loa.core.blocks import PhotoBlock
from loa.core.testing import make_article, make_image, make_section
from loa.newsroom.roles import EDITOR

pytestmark = pytest.mark.django_db

REQUIRED = "Vui lòng nhập văn bản thay thế (mô tả ảnh cho người khiếm thị)."
DESCRIPTION = "Chủ tịch UBND thành phố trao bằng khen cho các tập thể tiêu biểu tại hội trường."


@pytest.fixture
def editor(client, django_user_model):
    """A member of the newsroom's editors (uploads and changes images), not a superuser."""
    user = django_user_model.objects.create_user("bientap", "bt@example.invalid", "mat-khau-dai-123")
    user.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(user)
    return client


def jpeg(name: str = "hoi-nghi.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "#7d0a0a").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def messages(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(node.get_text(" ", strip=True) for node in soup.select(".error-message, .help-critical, .error"))


# --- The admin refuses images without alt text --------------------------------------------------


@pytest.mark.parametrize("description", ["", "   ", None])
def test_an_upload_without_alt_text_is_refused_in_vietnamese(editor, description):
    data = {"title": "Hội nghị tổng kết", "file": jpeg(), "collection": 1}
    if description is not None:
        data["description"] = description

    response = editor.post("/admin/images/add/", data)

    assert response.status_code == HTTPStatus.OK
    assert REQUIRED in messages(response)
    assert not Image.objects.exists()


def test_the_form_explains_the_field_as_alt_text(editor):
    page = editor.get("/admin/images/add/").content.decode()
    assert "Văn bản thay thế (mô tả ảnh)" in page
    assert "trình đọc màn hình" in page


def test_a_file_name_is_not_alt_text(editor):
    data = {"title": "Ảnh", "file": jpeg(), "collection": 1, "description": "DSC_0012.JPG"}
    response = editor.post("/admin/images/add/", data)
    assert response.status_code == HTTPStatus.OK
    assert "không ghi tên tệp" in messages(response)
    assert not Image.objects.exists()


def test_an_upload_with_alt_text_is_saved(editor):
    data = {"title": "Hội nghị tổng kết", "file": jpeg(), "collection": 1, "description": f"  {DESCRIPTION} "}
    response = editor.post("/admin/images/add/", data)
    assert response.status_code == HTTPStatus.FOUND, messages(response)
    assert Image.objects.get().description == DESCRIPTION


def test_editing_an_older_image_asks_for_its_alt_text(editor):
    image = make_image("Ảnh cũ")  # made before alt text was required: no description
    data = {"title": "Ảnh cũ", "collection": image.collection_id, "description": ""}

    refused = editor.post(f"/admin/images/{image.pk}/", data)
    assert refused.status_code == HTTPStatus.OK and REQUIRED in messages(refused)

    saved = editor.post(f"/admin/images/{image.pk}/", {**data, "description": DESCRIPTION})
    assert saved.status_code == HTTPStatus.FOUND, messages(saved)
    image.refresh_from_db()
    assert image.description == DESCRIPTION


def test_multiple_upload_holds_the_file_until_the_alt_text_is_given(editor):
    """Wagtail keeps the file as an UploadedFile and shows its form; the image exists only once described."""
    answer = editor.post("/admin/images/multiple/add/", {"files[]": jpeg(), "title": "hoi-nghi.jpg", "collection": 1})
    assert answer.status_code == HTTPStatus.OK and answer.json()["success"]
    upload_id = answer.json()["uploaded_file_id"]
    assert not Image.objects.exists() and UploadedFile.objects.filter(pk=upload_id).exists()

    prefix = f"uploaded-image-{upload_id}"
    url = f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/"
    data = {f"{prefix}-title": "Hội nghị", f"{prefix}-collection": 1, f"{prefix}-tags": ""}
    refused = editor.post(url, {**data, f"{prefix}-description": ""})
    assert refused.json()["success"] is False and REQUIRED in refused.json()["form"]
    assert not Image.objects.exists()

    created = editor.post(url, {**data, f"{prefix}-description": DESCRIPTION})
    assert created.json()["success"] is True
    assert Image.objects.get().description == DESCRIPTION


def test_uploading_from_the_image_chooser_needs_alt_text_too(editor):
    prefix = "image-chooser-upload"
    data = {f"{prefix}-title": "Hội nghị", f"{prefix}-file": jpeg(), f"{prefix}-collection": 1}
    refused = editor.post("/admin/images/chooser/create/", data)
    assert refused.status_code == HTTPStatus.OK and REQUIRED in refused.content.decode("unicode_escape")
    assert not Image.objects.exists()

    data[f"{prefix}-file"] = jpeg()
    chosen = editor.post("/admin/images/chooser/create/", {**data, f"{prefix}-description": DESCRIPTION})
    assert chosen.json()["step"] == "chosen"
    assert Image.objects.get().description == DESCRIPTION


# --- Photos in a body: the article's own alt text, or marked decorative ---------------------------


def test_a_photo_block_needs_alt_text_or_the_decorative_mark():
    block = PhotoBlock()
    image = make_image("Ảnh")
    empty = block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""})
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(empty)
    assert "alt_text" in refused.value.block_errors["image"].block_errors
    decorative = block.to_python({"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""})
    assert block.clean(decorative)["image"].decorative is True


def article_images(client, article) -> list:
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    return soup.select(".article img")


def test_pages_use_the_description_the_articles_wording_and_mark_decorative_photos(client):
    described = make_image("IMG_2031")
    described.description = DESCRIPTION
    described.save()
    other = make_image("IMG_2032")
    ornament = make_image("Hoa văn trống đồng")
    # As stored in the database: the last photo was saved before PhotoBlock used ImageBlock (a bare image id).
    body = json.dumps(
        [
            {"type": "photo", "value": {"image": {"image": other.pk, "decorative": False, "alt_text": "Toàn cảnh"}}},
            {"type": "photo", "value": {"image": {"image": ornament.pk, "decorative": True, "alt_text": ""}}},
            {"type": "photo", "value": {"image": described.pk, "caption": "Trao thưởng", "credit": ""}},
        ]
    )
    article = make_article(make_section("Thời sự"), "Tổng kết thi đua", main_image=described, body=body)

    main, worded, decorative, legacy = article_images(client, article)

    assert main["alt"] == DESCRIPTION
    assert worded["alt"] == "Toàn cảnh"
    assert decorative["alt"] == "" and decorative["aria-hidden"] == "true"
    assert legacy["alt"] == DESCRIPTION
