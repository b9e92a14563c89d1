"""The "private" storage: files the public must never reach (citizens' attachments, sheets awaiting import).

On one machine a folder outside MEDIA_ROOT (which the embedded default serves to anyone),
on several an object-storage bucket or prefix with a private ACL (loa.core.storage_settings).
Every caller goes through `private_files()`, so all of them fall back to the same folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

PRIVATE_STORAGE_ALIAS = "private"


def private_root() -> Path:
    """LOA_QA_PRIVATE_ROOT, else var/private: never under MEDIA_ROOT."""
    configured = getattr(settings, "LOA_QA_PRIVATE_ROOT", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """The "private" storage on one machine: a folder read from settings on every use (tests change it)."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return private_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):  # never served directly
        raise ValueError("private files have no public URL")


def private_files():
    """STORAGES["private"]; settings that replace STORAGES without it keep the folder used so far."""
    try:
        return storages[PRIVATE_STORAGE_ALIAS]
    except InvalidStorageError:
        return _folder


_folder = PrivateFileSystemStorage()
