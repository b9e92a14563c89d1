"""Every upload Loa accepts: stored under a safe name, and documents whose bytes match their name.

What Django and Wagtail already do, and what is added here:
- Django's multipart parser keeps only the last part of a file name (no `../`, no `C:\\`) and
  drops unprintable characters (NUL, the right-to-left override, zero-width spaces). What is
  left is still the sender's text: "😀.pdf" or "   .pdf" became the hidden file `.pdf` with no
  extension, NFD Vietnamese stayed NFD on disk. `stored_name()` gives every new upload
  (images, documents, video and audio clips and their thumbnails, avatars) a readable ASCII
  name ("Quyết định 25.pdf" → "quyet-dinh-25.pdf"), connected to `pre_save` so that every
  way in (the admin's forms, multiple upload, choosers, commands) gets it. The title keeps
  what the editor typed.
- Wagtail checks an image by its content (Willow), its size (WAGTAILIMAGES_MAX_UPLOAD_SIZE)
  and pixel count (WAGTAILIMAGES_MAX_IMAGE_PIXELS); Pillow's own limit refuses bigger
  "decompression bombs" everywhere else (loa.core.apps). Documents are checked by extension
  only: a web page or a program renamed "quyet-dinh.pdf" would be published as a PDF.
  `DocumentForm` (settings.WAGTAILDOCS_DOCUMENT_FORM_BASE, used by Wagtail's single and
  multiple upload and the chooser) also reads the first bytes: PDF, Word 97–2003, Office
  Open XML and OpenDocument files and zip archives each have a signature.
- Django reads a whole multipart body (a file to a temporary file) before any form sees its
  size; with nothing in front of the app (the embedded default) anyone could send gigabytes
  to a public form. `PublicUploadLimit` refuses a multipart request outside the admin that
  is larger than LOA_PUBLIC_UPLOAD_MAX_BYTES before reading it.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.db import models
from django.db.models.signals import pre_save
from django.forms import ValidationError
from django.utils.translation import gettext as _
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField

from .paths import is_admin_path
from .text import vn_slugify

#: The longest stem kept: the name must fit FileField's 100 characters with its folder,
#: extension and the suffix storage adds to tell two files of one name apart.
STEM_LENGTH = 60
FALLBACK_STEM = "tep"  # "tệp", a file

# --- Names ---------------------------------------------------------------------------------


def stored_name(name: str) -> str:
    """A safe, readable file name: ASCII slug of the stem, the lower-case extension.

    "Giấy mời họp.PDF" → "giay-moi-hop.pdf"; "../../etc/passwd.jpg" → "passwd.jpg";
    "😀.pdf" → "tep.pdf"; "a<right-to-left override>gnp.exe.jpg" → "agnpexe.jpg" (no dot but the last).
    """
    base = PurePosixPath(str(name).replace("\\", "/")).name
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = extension, ""
    stem = vn_slugify(stem)[:STEM_LENGTH].strip("-_") or FALLBACK_STEM
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    return f"{stem}.{extension}" if extension else stem


def _rename_new_files(sender: type, instance: Any, **kwargs: Any) -> None:
    for field in sender._meta.concrete_fields:
        if not isinstance(field, models.FileField):
            continue
        file = getattr(instance, field.attname, None)
        if file and not getattr(file, "_committed", True):
            file.name = stored_name(file.name)


def connect_signals() -> None:
    """Rename new uploads of every model an editor or a user uploads to (see the module docstring)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.users.models import UserProfile
    from wagtailmedia.models import get_media_model

    for model in (get_image_model(), get_document_model(), get_media_model(), UserProfile):
        pre_save.connect(_rename_new_files, sender=model, dispatch_uid=f"loa-upload-name-{model._meta.label}")


def refuse_decompression_bombs() -> None:
    """Make Pillow's warning about 89 to 179 million pixels an error, in this process.

    Pillow refuses a bigger image (a "decompression bomb": a small file that takes gigabytes
    to decode) but only warns about these and decodes them anyway: Wagtail resizes an admin
    avatar that way. Pillow's documentation suggests this filter; Wagtail's image form refuses
    smaller images still (WAGTAILIMAGES_MAX_IMAGE_PIXELS). Called from loa.core.apps; pytest.ini
    sets the same filter, since pytest restores the warning filters it found after start-up.
    """
    warnings.simplefilter("error", Image.DecompressionBombWarning)


# --- Documents -----------------------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word, Excel 97–2003 (compound file)
_TEXT_BEFORE_PDF = b"\xef\xbb\xbf\r\n\t "  # a BOM or blank lines that some writers put first
_OPEN_DOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
_OFFICE_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


def _zip_names(uploaded: Any) -> tuple[zipfile.ZipFile, list[str]] | None:
    try:
        archive = zipfile.ZipFile(uploaded)
        return archive, archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def document_matches(uploaded: Any, extension: str) -> bool:
    """Whether the file's bytes are what its extension says; True for extensions without a signature here."""
    extension = extension.lower()
    position = uploaded.tell()
    try:
        uploaded.seek(0)
        head = uploaded.read(1024)
        uploaded.seek(0)
        if extension == "pdf":
            return head.lstrip(_TEXT_BEFORE_PDF).startswith(b"%PDF-")
        if extension in ("doc", "xls", "ppt"):
            return head.startswith(OLE2)
        if extension in (*_OFFICE_FOLDERS, *_OPEN_DOCUMENT, "zip"):
            if not head.startswith(b"PK\x03\x04"):
                return False
            found = _zip_names(uploaded)
            if found is None:
                return False
            archive, names = found
            if extension in _OFFICE_FOLDERS:
                return "[Content_Types].xml" in names and any(n.startswith(_OFFICE_FOLDERS[extension]) for n in names)
            if extension in _OPEN_DOCUMENT:
                info = archive.getinfo("mimetype") if "mimetype" in names else None
                small = info is not None and info.file_size < 100  # never inflate more than that
                return small and archive.read(info).strip() == _OPEN_DOCUMENT[extension]
            return True
        return True
    finally:
        uploaded.seek(position)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, where a new file must also be what its extension says.

    settings.WAGTAILDOCS_DOCUMENT_FORM_BASE: Wagtail builds its single and multiple upload and
    chooser forms from it.
    """

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None or not hasattr(uploaded, "content_type"):  # unchanged on edit
            return uploaded
        extension = PurePosixPath(uploaded.name).suffix[1:]
        if not document_matches(uploaded, extension):
            # The legal register's own message (loa.legal.files), already in the editors' language.
            raise ValidationError(
                _("“%(name)s” is not a real %(extension)s file (its content does not match its name).")
                % {"name": uploaded.name, "extension": extension.upper()},
                code="content_mismatch",
            )
        return uploaded

    def _post_clean(self) -> None:
        """Keep only the form's reason when it refused the file.

        Wagtail's Document.clean() then checks the extension of a file that is not there, and
        "File extension “” is not allowed" would follow every refusal.
        """
        refused = list(self._errors.get("file", []))
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused)


# --- Images --------------------------------------------------------------------------------


def readable_image(field: WagtailImageField, uploaded: Any) -> Any:
    """`field.to_python(uploaded)`, where an image Pillow cannot read is a form error.

    Wagtail trusts the first bytes ("GIF89a…") to say an image can be opened and catches
    only Pillow's decompression-bomb errors when it first measures it: a file with an image's
    signature and anything after it was a server error (500) instead of a message.
    """
    try:
        return WagtailImageField.to_python(field, uploaded)
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds (UnidentifiedImageError, OSError, SyntaxError…)
        raise ValidationError(field.error_messages["invalid_image"], code="invalid_image") from error


class ImageUploadChecks:
    """For a Wagtail image form (loa.core.image_forms.ImageForm): see `readable_image`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            field.to_python = lambda data, field=field: readable_image(field, data)


# --- Request size outside the admin ----------------------------------------------------------


class PublicUploadLimit(FileUploadHandler):
    """Refuses a multipart body over LOA_PUBLIC_UPLOAD_MAX_BYTES outside the admin, before reading it.

    First in settings.FILE_UPLOAD_HANDLERS. The answer is Django's 400 page (loa/templates/400.html);
    nginx in front gives its own 413 at the same size (deploy/nginx, client_max_body_size).
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        limit = settings.LOA_PUBLIC_UPLOAD_MAX_BYTES
        path = self.request.path_info if self.request is not None else ""
        if limit and content_length > limit and not is_admin_path(path):
            raise RequestDataTooBig(f"Multipart body of {content_length} bytes over LOA_PUBLIC_UPLOAD_MAX_BYTES")
        return None

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
