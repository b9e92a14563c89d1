"""Attachments to a citizen's question: a PDF or a photo, checked by content, kept out of public media.

The extension a browser sends says nothing about the bytes: a file is accepted only
when its content is what its name claims (PDF magic number, or an image Pillow can
read whose format matches the extension). Files are stored under a random name in
the "private" storage (settings.STORAGES), never with the public media: on one machine a
folder outside MEDIA_ROOT (which the embedded default serves to anyone), on several an
object-storage bucket or prefix with a private ACL (loa.core.storage_settings). Staff
download them through a permission-checked admin view.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from django.utils.deconstruct import deconstructible
from PIL import Image

from loa.core.private_files import private_files

#: Extension → the kind of content it must hold.
ALLOWED_EXTENSIONS = {".pdf": "PDF", ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}
CONTENT_TYPES = {"PDF": "application/pdf", "JPEG": "image/jpeg", "PNG": "image/png"}
STORED_EXTENSIONS = {"PDF": ".pdf", "JPEG": ".jpg", "PNG": ".png"}
DEFAULT_MAX_MB = 5


@deconstructible
class PrivateStorage:
    """The attachment field's storage: whatever STORAGES["private"] is at the time of use.

    A field binds its storage when the model class is built; looking the alias up on
    every call lets a deployment (or a test) choose the folder or the bucket in settings,
    and keeps migrations free of either.
    """

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and friends ask for these: not the storage's business
            raise AttributeError(name)
        return getattr(private_files(), name)


private_storage = PrivateStorage()


def sniff(uploaded) -> str | None:
    """'PDF', 'JPEG' or 'PNG' from the file's bytes, or None."""
    uploaded.seek(0)
    head = uploaded.read(1024)
    uploaded.seek(0)
    if head.lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"%PDF-"):
        return "PDF"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                kind = image.format
                image.verify()
    except Exception:  # Pillow raises many kinds of error on a bad file: none of them is a photo
        return None
    finally:
        uploaded.seek(0)
    return kind if kind in ("JPEG", "PNG") else None


def extension_kind(name: str) -> str | None:
    return ALLOWED_EXTENSIONS.get(Path(name or "").suffix.lower())
