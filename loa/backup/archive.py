"""The archive: a `.tar.gz` of the database dump, the file trees, the secret key and `manifest.json`.

Writing hashes every file while it streams into the archive, so the checksum in the manifest
is that of the bytes stored, even for a file being read while the site runs; the manifest is
the last member for the same reason. The archive appears under its final name only when
complete (written beside it, synced, renamed), readable by its owner alone: it holds personal
data and, on the embedded default, the key that signs sessions.

Reading extracts into a staging folder and checks every member against the manifest
(names, sizes, SHA-256) before the caller may use any of it.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import os
import tarfile
import time
import zlib
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.utils.translation import gettext as _

from .errors import BackupError
from .manifest import MANIFEST_NAME, FileEntry, Manifest

#: gzip's default (9) spends twice the time for a few per cent on a database dump, and
#: nothing on photos and videos, which are most of the bytes.
COMPRESS_LEVEL = 6
CHUNK = 1024 * 1024
#: The only top-level names an archive may hold.
TOP_LEVEL = ("database", "media", "private")
SECRET_KEY_NAME = "secret_key"


class _Hashing:
    """A read-only file wrapper that hashes what is read through it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Builds the archive under a hidden temporary name; `commit()` gives it its real name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}.partial")
        self.entries: list[FileEntry] = []
        descriptor = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self._file = os.fdopen(descriptor, "wb")
        self._tar = tarfile.open(  # noqa: SIM115 -- closed by commit() or abort()
            fileobj=self._file, mode="w:gz", compresslevel=COMPRESS_LEVEL, format=tarfile.PAX_FORMAT
        )

    def add_stream(self, name: str, stream: BinaryIO, size: int, mtime: float | None = None) -> FileEntry:
        """Store `size` bytes read from `stream` as `name`; a file that shrank meanwhile is an error."""
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(mtime or time.time()), 0o600
        reader = _Hashing(stream)
        try:
            self._tar.addfile(info, reader)
        except OSError as error:  # tarfile's "unexpected end of data"
            raise BackupError(
                _("The file %(name)s changed while it was being copied; run the backup again.") % {"name": name}
            ) from error
        entry = FileEntry(name, size, reader.digest.hexdigest())
        self.entries.append(entry)
        return entry

    def add_file(self, name: str, path: Path) -> FileEntry:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            return self.add_stream(name, handle, stat.st_size, stat.st_mtime)

    def add_bytes(self, name: str, data: bytes) -> FileEntry:
        return self.add_stream(name, io.BytesIO(data), len(data))

    def commit(self, manifest: Manifest) -> None:
        """Write the manifest, flush everything to disk, then show the archive under its name."""
        data = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST_NAME)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        for closing in (self._tar.close, self._file.close):
            with contextlib.suppress(Exception):  # already failing: the partial file goes anyway
                closing()
        self.partial.unlink(missing_ok=True)


def member_path(name: str) -> PurePosixPath | None:
    """The member's path if it is one a Loa archive may hold, else None (absolute, `..`, unknown top level)."""
    if not name or "\\" in name or "\x00" in name:
        return None
    path = PurePosixPath(name)
    if path.is_absolute() or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    if name in (MANIFEST_NAME, SECRET_KEY_NAME):
        return path
    if len(path.parts) >= 2 and path.parts[0] in TOP_LEVEL:
        return path
    return None


def extract_verified(archive: Path, folder: Path) -> Manifest:
    """Unpack `archive` into `folder` and prove every file is the one the manifest describes.

    Raises BackupError (nothing outside `folder` has been touched) when the archive is
    truncated, corrupt, holds anything unexpected, or any file differs from its checksum.
    """
    found: dict[str, FileEntry] = {}
    manifest_data: bytes | None = None
    try:
        with tarfile.open(archive, mode="r|gz") as tar:
            for member in tar:
                if member.isdir():
                    continue
                path = member_path(member.name)
                if path is None or not member.isfile():
                    raise BackupError(
                        _(
                            "The archive holds an unexpected entry (%(name)s): it is not a Loa backup. "
                            "Nothing was changed."
                        )
                        % {"name": member.name}
                    )
                stream = tar.extractfile(member)
                if member.name == MANIFEST_NAME:
                    manifest_data = stream.read()
                    continue
                if member.name in found:
                    raise BackupError(
                        _("The archive holds %(name)s twice. Nothing was changed.") % {"name": member.name}
                    )
                found[member.name] = _extract(stream, folder / path)
    except FileNotFoundError:
        raise BackupError(_("There is no file %(path)s.") % {"path": archive}) from None
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(
            _("The archive is damaged or incomplete (%(error)s). Nothing was changed.") % {"error": error}
        ) from None
    if manifest_data is None:
        raise BackupError(_("The archive has no manifest.json: it is not a Loa backup or it is incomplete."))
    manifest = Manifest.from_json(manifest_data)
    _compare(manifest, found)
    return manifest


def _extract(stream: BinaryIO, target: Path) -> FileEntry:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with open(target, "xb") as out:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return FileEntry("", size, digest.hexdigest())


def _compare(manifest: Manifest, found: dict[str, FileEntry]) -> None:
    expected = {entry.path: entry for entry in manifest.files}
    wrong = sorted(
        name
        for name in expected.keys() | found.keys()
        if name not in found
        or name not in expected
        or (found[name].size, found[name].sha256) != (expected[name].size, expected[name].sha256)
    )
    if wrong:
        shown = ", ".join(wrong[:5]) + (" …" if len(wrong) > 5 else "")
        raise BackupError(
            _(
                "The archive is damaged: %(count)s files do not match their checksums in the manifest "
                "(%(names)s). Nothing was changed."
            )
            % {"count": len(wrong), "names": shown}
        )
