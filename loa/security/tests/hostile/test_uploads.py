"""Every upload path, fed files that lie about themselves: refused in Vietnamese, nothing kept.

Public: the citizen's Hỏi đáp attachment. Admin: Wagtail images and documents (single and
multiple upload), video and audio clips and their thumbnails (wagtailmedia), the avatar, and
the sheets staged for import (loa.core.sheets). Each gets the wrong type behind the right
extension, decompression bombs (a few hundred bytes that declare 30000×30000 pixels), files
over the limits and names built to escape the folder or to read differently from what they
say. A refusal must show the message the editor or citizen reads and leave no file and no
row; an odd name that is accepted must be stored under a safe name inside its storage root.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import time
import unicodedata
import zipfile
import zlib
from http import HTTPStatus
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtailmedia.models import Media

from loa.core.testing import home_page
from loa.core.uploads import stored_name
from loa.qa import spam
from loa.qa.models import Question, QuestionIndexPage, Topic

pytestmark = pytest.mark.django_db

# --- files that lie --------------------------------------------------------------------------

HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"
GIF_JS = b"GIF89a=1;alert(document.cookie);//" + b"\x00" * 32  # a GIF header that is also a script
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ZIP = zip_of({"readme.txt": b"not an office document"})
DOCX = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


def picture(kind: str = "PNG", size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#a50e0e").save(buffer, kind)
    return buffer.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int) -> bytes:
    """A PNG header declaring width × height pixels, with two rows of data: under 200 bytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (1 + width * 3) * 2, 9)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", rows) + _png_chunk(b"IEND", b"")


def gif_bomb(width: int, height: int) -> bytes:
    screen = struct.pack("<HHBBB", width, height, 0, 0, 0)
    frame = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00"
    return b"GIF89a" + screen + frame + b";"


def jpeg_bomb(width: int, height: int) -> bytes:
    """A real JPEG whose frame header (SOF0) is rewritten to declare width × height."""
    data = bytearray(picture("JPEG", (16, 16)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def webp_bomb(width: int, height: int) -> bytes:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little")
    vp8x += (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


BOMBS = {
    "png-30000x30000": ("bom.png", png_bomb(30000, 30000)),
    "png-10000x10000": ("bom.png", png_bomb(10000, 10000)),  # between Pillow's warning and its error
    "gif-30000x30000": ("bom.gif", gif_bomb(30000, 30000)),
    "jpeg-65000x65000": ("bom.jpg", jpeg_bomb(65000, 65000)),
    "webp-16383x16383": ("bom.webp", webp_bomb(16383, 16383)),
}

# Names as a sender may write them; the multipart parser keeps what follows the last / or \.
TRAVERSAL = ["../../etc/passwd{ext}", "..\\..\\windows\\x{ext}", "/etc/cron.d/x{ext}", "C:\\x{ext}"]
ODD = {
    "nfd": unicodedata.normalize("NFD", "Giấy mời họp Hội nghị{ext}"),
    "rtl-override": "anh\u202egnp.exe{ext}",
    "zero-width": "anh\u200b\u200dchup{ext}",
    "emoji-only": "😀🎉{ext}",
    "300-characters": "d" * 300 + "{ext}",
    "dots-and-spaces": " . . {ext}",
    "nul": "anh\x00.exe{ext}",
}


def files_under(root: Path) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file()) if Path(root).exists() else []


def assert_safe_stored_name(name: str, folder: str) -> None:
    """A stored name is inside its folder, ASCII letters, digits, - _ and one dot, no hidden file."""
    path = Path(name)
    assert path.parent == Path(folder), name
    assert not path.name.startswith("."), name
    assert path.name.isascii() and all(c.isalnum() or c in "-_." for c in path.name), name
    assert path.name.count(".") == 1, name


def one_line(text: str) -> str:
    return " ".join(text.split())  # also turns the no-break space of "2,0\xa0KB" into a space


def error_texts(response) -> list[str]:
    """What the editor reads next to the fields and at the top of an admin form."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.select(".error-message, .help-critical, .messages .error")
    return [one_line(element.get_text(" ", strip=True)) for element in found]


def shown(response, message: str) -> bool:
    return any(one_line(message) in text for text in error_texts(response))


def multipart(fields: dict[str, str], file_field: str, filename: bytes, content: bytes) -> tuple[bytes, str]:
    """A form body with a file name as raw bytes: what no browser, and not Django's test client, would send."""
    boundary = "loa-hostile-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="'.encode()
        + filename
        + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
        + content
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def private_root(settings, tmp_path) -> Path:
    settings.LOA_QA_PRIVATE_ROOT = str(tmp_path / "private")
    return tmp_path / "private"


@pytest.fixture
def editor(client, django_user_model, media_root, private_root):
    user = django_user_model.objects.create_superuser("bientap", "bientap@example.invalid", "mat-khau-dai-123")
    client.force_login(user)
    return client


# --- Wagtail images ----------------------------------------------------------------------------

INVALID_IMAGE = "Hãy tải lên một hình ảnh hợp lệ."
TOO_MANY_PIXELS = "Tệp có quá nhiều điểm ảnh"


def add_image(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh thử",
            "description": "Quang cảnh hội nghị tổng kết",
            "file": SimpleUploadedFile(name, content),
            "collection": 1,
        },
    )


class TestImages:
    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("anh.jpg", HTML, INVALID_IMAGE),
            ("anh.png", SVG, "Không phải ảnh .png hợp lệ. Phần mở rộng không khớp với định dạng tệp (svg)"),
            ("anh.png", EXE, INVALID_IMAGE),
            ("anh.jpg", ZIP, INVALID_IMAGE),
            ("anh.jpg", PDF, INVALID_IMAGE),
            ("anh.gif", GIF_JS, INVALID_IMAGE),
            ("anh.jpg", picture("PNG"), "Không phải ảnh .jpeg hợp lệ. Phần mở rộng không khớp với định dạng tệp (png)"),
            ("anh.svg", SVG, "Định dạng ảnh không được hỗ trợ."),
            ("anh.exe", picture("PNG"), "Định dạng ảnh không được hỗ trợ."),
        ],
        ids=["html-as-jpg", "svg-as-png", "exe-as-png", "zip-as-jpg", "pdf-as-jpg", "gif-js-polyglot",
             "png-as-jpg", "svg", "exe-extension"],
    )  # fmt: skip
    def test_a_file_that_is_not_the_image_its_name_says_is_refused(self, editor, media_root, name, content, message):
        response = add_image(editor, name, content)
        assert response.status_code == HTTPStatus.OK
        assert shown(response, message), error_texts(response)
        assert not Image.objects.exists()
        assert files_under(media_root) == []

    @pytest.mark.parametrize(("name", "content"), BOMBS.values(), ids=BOMBS.keys())
    def test_a_decompression_bomb_is_refused_before_it_is_decoded(self, editor, media_root, name, content):
        assert len(content) < 1024
        response = add_image(editor, name, content)
        assert response.status_code == HTTPStatus.OK
        assert shown(response, TOO_MANY_PIXELS) or shown(response, INVALID_IMAGE), error_texts(response)
        assert not Image.objects.exists()
        assert files_under(media_root) == []

    def test_more_pixels_than_the_portal_allows_is_refused_with_the_limit(self, editor, media_root):
        response = add_image(editor, "rong.png", png_bomb(9000, 8000))  # 72 million pixels, under Pillow's limit
        assert shown(response, "Tệp có quá nhiều điểm ảnh (72000000). Số điểm ảnh tối đa: 64000000.")
        assert not Image.objects.exists()

    def test_a_file_over_the_size_limit_is_refused_with_both_sizes(self, editor, media_root, settings):
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2 * 1024
        response = add_image(editor, "lon.png", picture("PNG", (200, 200)) + b"\x00" * 4096)
        assert shown(response, "Tệp quá lớn ("), error_texts(response)
        assert shown(response, "Dung lượng tối đa: 2,0 KB"), error_texts(response)
        assert not Image.objects.exists()
        assert files_under(media_root) == []

    def test_the_limits_are_set(self, settings):
        assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
        assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 64_000_000

    def test_multiple_upload_refuses_a_disguised_file_with_its_message(self, editor, media_root):
        response = editor.post("/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("anh.jpg", SVG)})
        assert response.status_code == HTTPStatus.OK
        answer = json.loads(response.content)
        assert answer["success"] is False
        assert "Không phải ảnh .jpeg hợp lệ" in answer["error_message"]
        assert not Image.objects.exists()
        assert files_under(media_root) == []

    @pytest.mark.parametrize("name", [*TRAVERSAL, *ODD.values()], ids=[*TRAVERSAL, *ODD.keys()])
    def test_an_odd_name_is_stored_under_a_safe_name_in_the_media_folder(self, editor, media_root, name):
        response = add_image(editor, name.format(ext=".png"), picture("PNG"))
        assert response.status_code == HTTPStatus.FOUND, error_texts(response)
        image = Image.objects.get()
        assert_safe_stored_name(image.file.name, "original_images")
        [stored] = files_under(media_root)
        assert stored == media_root / image.file.name


# --- Wagtail documents -------------------------------------------------------------------------


def not_real(name: str, kind: str) -> str:
    return f"“{name}” không phải tệp {kind} thật (nội dung tệp không khớp với phần mở rộng của tên tệp)."


def add_document(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/", {"title": "Văn bản thử", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


class TestDocuments:
    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("quyet-dinh.pdf", HTML),
            ("quyet-dinh.pdf", EXE),
            ("quyet-dinh.pdf", ZIP),
            ("quyet-dinh.pdf", picture("PNG")),
            ("phu-luc.docx", HTML),
            ("phu-luc.docx", ZIP),  # a zip archive, not a Word document
            ("phu-luc.docx", ODT),
            ("phu-luc.doc", EXE),
            ("bang-ke.xlsx", DOCX),
            ("bang-ke.xls", PDF),
            ("bao-cao.odt", DOCX),
            ("bao-cao.ods", ODT),
            ("ho-so.zip", EXE),
            ("ho-so.zip", b"PK\x03\x04 a broken archive"),
        ],
    )
    def test_a_file_that_is_not_what_its_extension_says_is_refused(self, editor, media_root, name, content):
        response = add_document(editor, name, content)
        assert response.status_code == HTTPStatus.OK
        kind = name.rsplit(".", 1)[1].upper()
        assert shown(response, not_real(name, kind)), error_texts(response)
        assert not Document.objects.exists()
        assert files_under(media_root) == []

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("quyet-dinh.pdf", PDF),
            ("quyet-dinh-bom.pdf", b"\xef\xbb\xbf\r\n" + PDF),  # a byte order mark before the header
            ("phu-luc.docx", DOCX),
            ("phu-luc.doc", OLE2),
            ("bao-cao.odt", ODT),
            ("ho-so.zip", ZIP),
        ],
    )
    def test_a_real_file_is_accepted(self, editor, media_root, name, content):
        assert add_document(editor, name, content).status_code == HTTPStatus.FOUND
        document = Document.objects.get()
        assert (media_root / document.file.name).read_bytes() == content

    def test_a_real_spreadsheet_is_accepted(self, editor):
        from openpyxl import Workbook

        buffer = io.BytesIO()
        Workbook().save(buffer)
        assert add_document(editor, "bang-ke.xlsx", buffer.getvalue()).status_code == HTTPStatus.FOUND

    def test_a_pdf_that_is_also_a_web_page_is_only_ever_served_as_a_pdf(self, editor, client):
        """A polyglot passes the signature check; served with its type and nosniff, it never runs as a page."""
        assert add_document(editor, "da-nang.pdf", PDF + HTML).status_code == HTTPStatus.FOUND
        client.logout()
        served = client.get(Document.objects.get().url)
        assert served.status_code == HTTPStatus.OK
        assert served["Content-Type"] == "application/pdf"
        assert served["X-Content-Type-Options"] == "nosniff"

    def test_multiple_upload_refuses_a_disguised_file_with_its_message(self, editor, media_root):
        response = editor.post("/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile("to-trinh.pdf", EXE)})
        answer = json.loads(response.content)
        assert answer["success"] is False
        assert answer["error_message"] == not_real("to-trinh.pdf", "PDF")  # and no second, confusing reason
        assert not Document.objects.exists()
        assert files_under(media_root) == []

    def test_a_file_over_the_size_limit_is_refused_with_both_sizes(self, editor, media_root, settings):
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
        response = add_document(editor, "dai.pdf", PDF + b"0" * 4096)
        assert error_texts(response)[1:] == ["Tệp quá lớn (4,1 KB). Dung lượng tối đa: 1,0 KB."]
        assert not Document.objects.exists()
        assert files_under(media_root) == []

    def test_documents_have_a_size_limit(self, settings):
        assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 100 * 1024 * 1024

    @pytest.mark.parametrize("name", [" . . ", "...", "tai-lieu", "   "])
    def test_a_name_without_an_extension_is_refused(self, editor, media_root, name):
        response = add_document(editor, name, PDF)
        assert response.status_code == HTTPStatus.OK
        assert shown(response, "Không cho phép phần mở rộng tệp “"), error_texts(response)
        assert shown(response, "Các phần mở rộng được phép: pdf, doc, docx, xls, xlsx, odt, ods, zip.")
        assert not Document.objects.exists()
        assert files_under(media_root) == []

    @pytest.mark.parametrize("name", [b".", b"..", b"", b"../..", b"\x00"])
    def test_a_name_that_is_only_a_folder_is_no_file_at_all(self, editor, media_root, name):
        body, content_type = multipart({"title": "Văn bản thử", "collection": "1"}, "file", name, PDF)
        response = editor.generic("POST", "/admin/documents/add/", body, content_type=content_type)
        assert response.status_code == HTTPStatus.OK
        assert shown(response, "Trường này là bắt buộc."), error_texts(response)
        assert not Document.objects.exists()
        assert files_under(media_root) == []

    @pytest.mark.parametrize("name", [*TRAVERSAL, *ODD.values()], ids=[*TRAVERSAL, *ODD.keys()])
    def test_an_odd_name_is_stored_under_a_safe_name_in_the_documents_folder(self, editor, media_root, name):
        response = add_document(editor, name.format(ext=".PDF"), PDF)
        assert response.status_code == HTTPStatus.FOUND, error_texts(response)
        document = Document.objects.get()
        assert_safe_stored_name(document.file.name, "documents")
        assert document.file_extension == "pdf"
        assert files_under(media_root) == [media_root / document.file.name]

    def test_a_vietnamese_name_becomes_readable_ascii(self, editor):
        add_document(editor, unicodedata.normalize("NFD", "Quyết định số 25 – Đất đai.pdf"), PDF)
        assert Document.objects.get().file.name == "documents/quyet-dinh-so-25-dat-dai.pdf"


def test_a_document_that_got_in_before_these_checks_still_cannot_be_a_legal_attachment(media_root):
    """The legal register checks the bytes again when a document is attached (loa.legal.files)."""
    from django.core.files.base import ContentFile

    from loa.legal.files import attachment_error

    document = Document.objects.create(title="Quyết định giả", file=ContentFile(HTML, name="quyet-dinh.pdf"))
    assert attachment_error(document) == not_real("Quyết định giả", "PDF")


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("Giấy mời họp.PDF", "giay-moi-hop.pdf"),
        ("../../etc/passwd.jpg", "passwd.jpg"),
        ("..\\..\\x.pdf", "x.pdf"),
        ("😀.pdf", "tep.pdf"),
        ("anh\u202egnp.exe.jpg", "anhgnpexe.jpg"),
        ("...", "tep"),
        ("a" * 300 + ".docx", "a" * 60 + ".docx"),
        ("video.MP4 ", "video.mp4"),
    ],
)
def test_stored_name(name, stored):
    assert stored_name(name) == stored


# --- Video and audio clips (wagtailmedia) -------------------------------------------------------

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def add_video(client, name: str = "clip.mp4", content: bytes = MP4, **extra):
    data = {"title": "Clip thử", "file": SimpleUploadedFile(name, content), "collection": 1, "tags": "", **extra}
    return client.post("/admin/media/video/add/", data)


class TestMedia:
    @pytest.mark.parametrize(("name", "content"), [("clip.mp4", HTML), ("clip.webm", EXE), ("clip.mp4", ZIP)])
    def test_a_file_that_is_not_a_video_is_refused(self, editor, media_root, name, content):
        response = add_video(editor, name, content)
        assert shown(response, "không phải"), error_texts(response)
        assert not Media.objects.exists()
        assert files_under(media_root) == []

    def test_a_file_over_the_limit_is_refused(self, editor, media_root, monkeypatch):
        from loa.media import forms

        monkeypatch.setattr(forms, "MAX_MEDIA_BYTES", 1024)  # a module constant read at import, not a setting
        response = add_video(editor, content=MP4 + b"\x00" * 4096)
        assert shown(response, "Tệp quá lớn") or shown(response, "quá lớn"), error_texts(response)
        assert not Media.objects.exists()

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("anh-bia.png", HTML, INVALID_IMAGE),
            ("anh-bia.png", SVG, "Không phải ảnh .png hợp lệ. Phần mở rộng không khớp với định dạng tệp (svg)"),
            ("anh-bia.jpg", EXE, INVALID_IMAGE),
            ("anh-bia.gif", GIF_JS, INVALID_IMAGE),
            ("anh-bia.png", png_bomb(30000, 30000), TOO_MANY_PIXELS),
            ("anh-bia.png", png_bomb(9000, 8000), "Tệp có quá nhiều điểm ảnh (72000000)"),
            ("anh-bia.svg", picture("PNG"), "Định dạng ảnh không được hỗ trợ."),
        ],
        ids=["html-as-png", "svg-as-png", "exe-as-jpg", "gif-js-polyglot", "bomb", "too-many-pixels", "svg"],
    )
    def test_a_thumbnail_that_is_not_an_image_is_refused(self, editor, media_root, name, content, message):
        response = add_video(editor, thumbnail=SimpleUploadedFile(name, content))
        assert response.status_code == HTTPStatus.OK
        assert shown(response, message), error_texts(response)
        assert not Media.objects.exists()
        assert files_under(media_root) == []

    def test_odd_names_of_a_clip_and_its_thumbnail_are_made_safe(self, editor, media_root):
        response = add_video(
            editor,
            "../../" + unicodedata.normalize("NFD", "Bình minh 😀.MP4"),
            thumbnail=SimpleUploadedFile("..\\\u202ebìa.png", picture("PNG")),
        )
        assert response.status_code == HTTPStatus.FOUND, error_texts(response)
        media = Media.objects.get()
        assert media.file.name == "media/binh-minh.mp4"
        assert_safe_stored_name(media.thumbnail.name, "media_thumbnails")
        assert len(files_under(media_root)) == 2


# --- The avatar ------------------------------------------------------------------------------


def account_form(client) -> dict:
    """Every field of the account page as it is shown, so one panel can be changed and the page sent."""
    soup = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    data: dict = {}
    for field in soup.select("form input[name], form select[name], form textarea[name]"):
        name = field["name"]
        if field.name == "select":
            option = field.select_one("option[selected]") or field.select_one("option")
            data[name] = option["value"] if option else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") != "file":
            data[name] = field.get("value", "")
    return data


class TestAvatar:
    def test_a_bomb_between_pillows_warning_and_its_error_is_refused_not_resized(self, editor, media_root):
        data = account_form(editor)
        data.update({"name_email-first_name": "An", "name_email-last_name": "Nguyễn"})
        data["avatar-avatar"] = SimpleUploadedFile("chan-dung.png", png_bomb(10000, 10000))
        response = editor.post("/admin/account/", data)
        assert response.status_code == HTTPStatus.OK
        assert shown(response, INVALID_IMAGE), error_texts(response)
        assert files_under(media_root) == []

    def test_an_odd_avatar_name_is_made_safe(self, editor, media_root, django_user_model):
        from wagtail.users.models import UserProfile

        data = account_form(editor)
        data.update({"name_email-first_name": "An", "name_email-last_name": "Nguyễn"})
        data["avatar-avatar"] = SimpleUploadedFile("../😀.png", picture("PNG"))
        assert editor.post("/admin/account/", data).status_code == HTTPStatus.FOUND
        avatar = UserProfile.objects.get(user__username="bientap").avatar.name
        assert avatar.startswith("avatar_images/avatar_") and avatar.endswith("_tep.png")
        assert files_under(media_root) == [media_root / avatar]


def test_every_app_process_refuses_pillows_warning_zone(tmp_path):
    """Outside pytest (which sets the same filter in pytest.ini): what loa.core.apps does at start-up."""
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(png_bomb(10000, 10000))
    code = (
        "import django, sys; django.setup()\n"
        "from PIL import Image\n"
        "try:\n    Image.open(sys.argv[1])\nexcept Image.DecompressionBombWarning:\n    print('refused')\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "loa.settings.test"}
    run = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, env=env, timeout=60)
    assert run.stdout.strip() == "refused", run.stderr


# --- Sheets staged for import ----------------------------------------------------------------

SHEET_URL = "/admin/legal/import/"


@pytest.fixture
def legal_index():
    from loa.legal.models import LegalDocumentIndexPage

    page = LegalDocumentIndexPage(title="Văn bản", slug="van-ban")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def xlsx_bomb(megabytes: int) -> bytes:
    """A workbook whose sheet unpacks to `megabytes` MB of one row's cells (a few hundred KB packed)."""
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    source = zipfile.ZipFile(buffer)
    cell = b'<c t="inlineStr"><is><t>x</t></is></c>'
    row = b"<row>" + cell * (megabytes * 1024 * 1024 // len(cell)) + b"</row>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<sheetData></sheetData>", b"<sheetData>" + row + b"</sheetData>")
            target.writestr(info.filename, content)
    return out.getvalue()


class TestSheets:
    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("van-ban.xlsx", HTML, "Không đọc được tệp này như một tệp Excel (.xlsx)."),
            ("van-ban.xlsx", EXE, "Không đọc được tệp này như một tệp Excel (.xlsx)."),
            ("van-ban.xlsx", DOCX, "Không đọc được tệp này như một tệp Excel (.xlsx)."),
            ("van-ban.csv", ZIP, "Không đọc được tệp này như một tệp Excel (.xlsx)."),
            ("van-ban.csv", EXE, "Tệp CSV phải được lưu theo bảng mã UTF-8"),
            ("van-ban.exe", b"a,b\n1,2\n", "Hãy chọn tệp Excel (.xlsx) hoặc tệp CSV (.csv)."),
        ],
    )
    def test_a_file_that_is_not_a_sheet_is_refused_and_nothing_is_staged(
        self, editor, private_root, legal_index, name, content, message
    ):
        response = editor.post(SHEET_URL, {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == HTTPStatus.OK
        assert message in response.content.decode()
        assert 'name="token"' not in response.content.decode()
        assert files_under(private_root) == []

    def test_a_sheet_that_unpacks_to_more_than_50_megabytes_is_refused_unread(self, editor, private_root, legal_index):
        bomb = xlsx_bomb(60)
        assert len(bomb) < 2 * 1024 * 1024
        response = editor.post(SHEET_URL, {"file": SimpleUploadedFile("van-ban.xlsx", bomb)})
        assert "Không đọc được tệp này như một tệp Excel (.xlsx)." in response.content.decode()
        assert files_under(private_root) == []

    def test_a_sheet_over_the_size_limit_is_refused(self, editor, private_root, legal_index):
        big = b"So ky hieu\n" + b"x" * (10 * 1024 * 1024)
        response = editor.post(SHEET_URL, {"file": SimpleUploadedFile("van-ban.csv", big)})
        assert "Tệp lớn hơn 10 MB." in response.content.decode()
        assert files_under(private_root) == []

    @pytest.mark.parametrize("name", [*TRAVERSAL, *ODD.values()], ids=[*TRAVERSAL, *ODD.keys()])
    def test_a_staged_sheet_gets_a_random_name_in_the_private_folder(self, private_root, django_user_model, name):
        """What waits between the preview and the confirmation (SheetImportView.keep): never the sender's name."""
        from django.core import signing
        from django.test import RequestFactory

        from loa.core.sheets import TOKEN_SALT, SheetImportView

        request = RequestFactory().post(SHEET_URL)
        request.user = django_user_model.objects.create_user("bientap")
        upload = SimpleUploadedFile("x.xlsx", b"PK\x03\x04 sheet")
        upload.name = name.format(ext=".xlsx")  # UploadedFile keeps the last path part, as the parser does
        token = SheetImportView.keep(request, upload)
        [staged] = files_under(private_root)
        assert staged.parent == private_root / "imports"
        assert staged.stem.isalnum() and staged.stem.isascii() and staged.suffix == ".xlsx"
        assert signing.loads(token, salt=TOKEN_SALT)["filename"] == upload.name[:200]  # shown as text only


# --- The citizen's attachment (Hỏi đáp) ------------------------------------------------------

ASK = "/hoi-dap/dat-cau-hoi/"
WRONG_TYPE = "Chỉ được đính kèm tệp PDF hoặc ảnh JPG, PNG; tệp bạn chọn không đúng định dạng này."


@pytest.fixture
def qa(private_root):
    page = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return Topic.objects.create(name="Hộ tịch", sort_order=1)


def ask(client, topic: Topic, attachment: SimpleUploadedFile):
    challenge = spam.new_challenge(started=time.time() - 60)
    data = {
        "name": "Nguyễn Văn An",
        "email": "nguyenvanan@example.com",
        "topic": topic.pk,
        "title": "Đăng ký khai sinh quá hạn",
        "text": "Con tôi sinh được ba tháng mà chưa đăng ký khai sinh, xin hỏi thủ tục thế nào?",
        "token": challenge.token,
        "captcha": str(spam.solve(challenge.token)),
        "attachment": attachment,
    }
    return client.post(ASK, data)


def attachment_errors(response) -> list[str]:
    return list(response.context["form"].errors.get("attachment", []))


class TestCitizenAttachment:
    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("giay-to.pdf", HTML),
            ("giay-to.pdf", ZIP),
            ("giay-to.pdf", EXE),
            ("anh.jpg", HTML),
            ("anh.png", SVG),
            ("anh.jpg", GIF_JS),
            ("anh.jpg", picture("GIF")),
            ("anh.jpg", PDF),
            ("giay-to.docx", DOCX),
            ("trang.html", HTML),
        ],
    )
    def test_a_file_that_is_not_what_it_claims_is_refused(self, client, qa, private_root, name, content):
        response = ask(client, qa, SimpleUploadedFile(name, content))
        assert response.status_code == HTTPStatus.OK
        assert attachment_errors(response) == [WRONG_TYPE]
        assert WRONG_TYPE in response.content.decode()
        assert not Question.objects.exists()
        assert files_under(private_root) == []

    @pytest.mark.parametrize(
        ("name", "content"),
        [BOMBS["png-30000x30000"], BOMBS["png-10000x10000"], BOMBS["jpeg-65000x65000"]],
        ids=["png-30000", "png-10000", "jpeg-65000"],
    )
    def test_a_decompression_bomb_is_refused(self, client, qa, private_root, name, content):
        response = ask(client, qa, SimpleUploadedFile(name, content))
        assert attachment_errors(response) == [WRONG_TYPE]
        assert not Question.objects.exists()
        assert files_under(private_root) == []

    def test_a_file_over_the_sites_limit_is_refused_with_the_limit(self, client, qa, private_root):
        response = ask(client, qa, SimpleUploadedFile("giay-to.pdf", PDF + b"0" * (5 * 1024 * 1024)))
        assert attachment_errors(response) == ["Tệp đính kèm quá lớn (5,0\xa0MB): dung lượng tối đa là 5,0\xa0MB."]
        assert not Question.objects.exists()
        assert files_under(private_root) == []

    def test_a_body_over_the_public_upload_limit_is_refused_before_it_is_read(
        self, client, qa, private_root, settings, caplog
    ):
        settings.LOA_PUBLIC_UPLOAD_MAX_BYTES = 64 * 1024
        response = ask(client, qa, SimpleUploadedFile("giay-to.pdf", PDF + b"0" * (128 * 1024)))
        assert response.status_code == HTTPStatus.BAD_REQUEST
        html = response.content.decode()
        assert "Yêu cầu không hợp lệ" in html and "hãy chọn tệp nhỏ hơn" in html
        assert not Question.objects.exists()
        assert files_under(private_root) == []
        assert not [r for r in caplog.records if r.levelname == "ERROR" or r.exc_info]

    def test_the_admin_is_not_held_to_the_public_limit(self, editor, settings, media_root):
        settings.LOA_PUBLIC_UPLOAD_MAX_BYTES = 1024
        assert add_document(editor, "quyet-dinh.pdf", PDF + b"0" * 4096).status_code == HTTPStatus.FOUND

    @pytest.mark.parametrize("name", [*TRAVERSAL, *ODD.values()], ids=[*TRAVERSAL, *ODD.keys()])
    def test_an_odd_name_is_kept_as_text_and_the_file_stored_under_a_random_name(self, client, qa, private_root, name):
        response = ask(client, qa, SimpleUploadedFile(name.format(ext=".pdf"), PDF))
        assert response.status_code == HTTPStatus.FOUND, attachment_errors(response)
        question = Question.objects.get()
        stored = Path(question.attachment.name)
        assert stored.suffix == ".pdf" and stored.stem.isalnum() and stored.stem.isascii()
        assert files_under(private_root) == [private_root / stored]
        shown_name = question.attachment_name
        assert len(shown_name) <= 200
        assert "/" not in shown_name and "\\" not in shown_name
        assert all(unicodedata.category(char)[0] != "C" for char in shown_name), repr(shown_name)
        assert unicodedata.is_normalized("NFC", shown_name)
