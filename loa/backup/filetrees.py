"""The file trees a site keeps beside its database: uploads and the citizens' Hỏi đáp attachments.

`media` is `STORAGES["default"]` (Wagtail images and renditions, documents, videos), `private`
is `STORAGES["private"]` (loa.qa.attachments). On one machine each is a folder, read and written
directly. In object storage (LOA_S3_BUCKET) they are read and written through Django's storage
API, object by object: the archive is then still the whole site, restorable onto a disk or
another bucket. A large bucket with versioning or replication switched on already has its own
history; `loa_backup --no-media` leaves the files out for such sites, and the manifest says so.

Restoring a tree follows a plan in three steps, so that a failure leaves the old site whole:
- `stage()` before the database is replaced: files only the archive has are put in place (the
  old database never names them); files whose content changed are written beside the old ones
  under a temporary name;
- `finish()` after the database is replaced: temporaries are renamed over the old files and
  files the archive does not hold are deleted, steps that need no new disk space;
- `rollback()` if the database could not be replaced: everything staged is removed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.utils.translation import gettext as _

from loa.core.private_files import PRIVATE_STORAGE_ALIAS, private_files

from .archive import ArchiveWriter
from .errors import BackupError
from .manifest import FileEntry

#: (name in the archive, storage alias)
TREES = (("media", "default"), ("private", "private"))
TEMPORARY_SUFFIX = ".loa-restore"


def site_trees() -> list[Tree]:
    """The site's trees, each blind to any other nested in it.

    With one bucket for both (the default), the private attachments live under a prefix
    of the public storage's root: listed from the public side they would be archived
    twice and, restored through the public storage, written with a public ACL.
    """
    return exclude_nested([tree_for(name, _storage(alias)) for name, alias in TREES])


def exclude_nested(trees: list[Tree]) -> list[Tree]:
    for outer in trees:
        for inner in trees:
            prefix = outer.prefix_of(inner) if inner is not outer else None
            if prefix:
                outer.excluded += (prefix,)
    return trees


def _storage(alias: str):
    if alias == PRIVATE_STORAGE_ALIAS:
        return private_files()  # settings without the alias: the same folder the attachments use
    return storages[alias]


def tree_for(name: str, storage) -> Tree:
    if isinstance(storage, FileSystemStorage):
        return FileSystemTree(name, storage)
    return StorageTree(name, storage)


def sha256_of(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class Tree:
    """One storage's files, named relative to its root (`original_images/a.jpg`)."""

    def __init__(self, name: str, storage) -> None:
        self.name = name
        self.storage = storage
        self.skipped: list[str] = []  # what the last listing left out, for the operator
        self.excluded: tuple[str, ...] = ()  # "private/": another tree's files inside this one

    def place(self) -> tuple[object, str]:
        """(where, path): trees in the same `where` nest when one path is under the other."""
        raise NotImplementedError

    def prefix_of(self, other: Tree) -> str | None:
        """`other`'s root as a prefix of this tree's names ("private/"), if it lies inside this tree."""
        where, path = self.place()
        other_where, other_path = other.place()
        if where != other_where:
            return None
        base = path.strip("/") + "/" if path.strip("/") else ""
        inner = other_path.strip("/") + "/"
        return inner[len(base) :] if inner.startswith(base) and inner != base else None

    def _visible(self, name: str) -> bool:
        return not name.startswith(self.excluded)

    @property
    def backend(self) -> str:
        return f"{type(self.storage).__module__}.{type(self.storage).__qualname__}"

    def describe(self) -> str:
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError

    def add_to(self, writer: ArchiveWriter, name: str) -> FileEntry | None:
        """Copy one file into the archive; None if it was deleted since the listing."""
        raise NotImplementedError

    def plan(self, entries: list[FileEntry], staged: Path) -> SyncPlan:
        raise NotImplementedError

    def info(self, included: bool) -> dict:
        return {"backend": self.backend, "location": self.describe(), "included": included}


class FileSystemTree(Tree):
    @property
    def root(self) -> Path:
        return Path(self.storage.location)

    def describe(self) -> str:
        return str(self.root)

    def place(self) -> tuple[object, str]:
        return "file system", self.root.resolve().as_posix()

    def names(self) -> list[str]:
        self.skipped = []
        found = []
        for folder, dirs, files in os.walk(self.root):
            base = Path(folder).relative_to(self.root).as_posix()
            dirs[:] = [d for d in dirs if self._visible(f"{d}/" if base == "." else f"{base}/{d}/")]
            for file_name in files:
                path = Path(folder, file_name)
                relative = path.relative_to(self.root).as_posix()
                if not self._visible(relative):
                    continue
                if path.is_symlink() or not path.is_file():
                    self.skipped.append(relative)  # a link may point anywhere: not ours to copy
                elif not file_name.endswith(TEMPORARY_SUFFIX):
                    found.append(relative)
        return sorted(found)

    def add_to(self, writer: ArchiveWriter, name: str) -> FileEntry | None:
        try:
            return writer.add_file(f"{self.name}/{name}", self.root / name)
        except FileNotFoundError:
            return None

    def plan(self, entries: list[FileEntry], staged: Path) -> SyncPlan:
        return FileSystemPlan(self, entries, staged)


class StorageTree(Tree):
    """A storage with no local folder (S3): listed with `listdir`, copied with `open`."""

    def describe(self) -> str:
        bucket = getattr(self.storage, "bucket_name", None)
        location = getattr(self.storage, "location", "")
        return f"{self.backend} {bucket or ''}/{location or ''}".rstrip("/ ")

    def place(self) -> tuple[object, str]:
        bucket = getattr(self.storage, "bucket_name", None)
        if bucket is None:  # a storage of its own kind (in memory): nests in nothing
            return id(self.storage), ""
        return (type(self.storage), getattr(self.storage, "endpoint_url", None), bucket), self.storage.location or ""

    def names(self) -> list[str]:
        return sorted(name for name in self._walk("") if self._visible(name))

    def _walk(self, folder: str) -> Iterator[str]:
        folders, files = self.storage.listdir(folder)
        prefix = f"{folder}/" if folder else ""
        for file_name in files:
            yield prefix + file_name
        for sub in folders:
            if self._visible(f"{prefix}{sub}/"):
                yield from self._walk(prefix + sub)

    def add_to(self, writer: ArchiveWriter, name: str) -> FileEntry | None:
        if not self.storage.exists(name):
            return None
        size = self.storage.size(name)
        with self.storage.open(name, "rb") as stream:
            return writer.add_stream(f"{self.name}/{name}", stream, size)

    def plan(self, entries: list[FileEntry], staged: Path) -> SyncPlan:
        return StoragePlan(self, entries, staged)


class SyncPlan:
    """What restoring one tree adds, replaces and removes (see the module's docstring)."""

    def __init__(self, tree: Tree, entries: list[FileEntry], staged: Path) -> None:
        self.tree = tree
        prefix = tree.name + "/"
        self.sources = {entry.path.removeprefix(prefix): staged / entry.path for entry in entries}
        wanted = {entry.path.removeprefix(prefix): entry for entry in entries}
        current = set(tree.names())
        self.added = sorted(name for name in wanted if name not in current)
        self.replaced = sorted(name for name in wanted if name in current and not self._same(name, wanted[name]))
        self.removed = sorted(current - wanted.keys())
        self.unchanged = len(wanted) - len(self.added) - len(self.replaced)

    def _same(self, name: str, entry: FileEntry) -> bool:
        raise NotImplementedError

    def stage(self) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        raise NotImplementedError

    def rollback(self) -> None:
        raise NotImplementedError


class FileSystemPlan(SyncPlan):
    tree: FileSystemTree

    def __init__(self, tree: FileSystemTree, entries: list[FileEntry], staged: Path) -> None:
        self.root = tree.root
        self._placed: list[Path] = []
        self._made_folders: list[Path] = []
        self._owner = _nearest_existing(self.root).stat()
        super().__init__(tree, entries, staged)

    def _same(self, name: str, entry: FileEntry) -> bool:
        target = self.root / name
        return target.stat().st_size == entry.size and sha256_of(target) == entry.sha256

    def _temporary(self, name: str) -> Path:
        target = self.root / name
        return target.with_name(f".{target.name}{TEMPORARY_SUFFIX}")

    def stage(self) -> None:
        for name in self.added:
            self._place(self.sources[name], self.root / name)
        for name in self.replaced:
            self._place(self.sources[name], self._temporary(name))

    def finish(self) -> None:
        for name in self.replaced:
            os.replace(self._temporary(name), self.root / name)
        for name in self.removed:
            (self.root / name).unlink(missing_ok=True)
        for folder in sorted({(self.root / name).parent for name in self.removed}, key=lambda p: -len(p.parts)):
            _remove_empty_folders(folder, self.root)

    def rollback(self) -> None:
        for path in reversed(self._placed):
            path.unlink(missing_ok=True)
        for folder in reversed(self._made_folders):
            with contextlib.suppress(OSError):  # not empty: something else was put there meanwhile
                folder.rmdir()

    def _place(self, source: Path, target: Path) -> None:
        self._make_folder(target.parent)
        try:
            os.rename(source, target)  # the staging folder is usually on the same disk
        except OSError:
            shutil.copyfile(source, target)
        self._placed.append(target)
        os.chmod(target, self.tree.storage.file_permissions_mode or 0o644)
        self._own(target)

    def _make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            if self.tree.storage.directory_permissions_mode is not None:
                os.chmod(path, self.tree.storage.directory_permissions_mode)
            self._own(path)
            self._made_folders.append(path)

    def _own(self, path: Path) -> None:
        """Run as root, give what we create to the tree's owner, or the site could not delete or add files."""
        if hasattr(os, "geteuid") and os.geteuid() == 0 and self._owner.st_uid != 0:
            os.chown(path, self._owner.st_uid, self._owner.st_gid)


class StoragePlan(SyncPlan):
    """Object storage has no rename: changed files are rewritten after the database switched."""

    def __init__(self, tree: StorageTree, entries: list[FileEntry], staged: Path) -> None:
        super().__init__(tree, entries, staged)
        self._saved: list[str] = []

    def _same(self, name: str, entry: FileEntry) -> bool:
        # Reading every object back to hash it would download the whole bucket; Wagtail gives
        # each upload a name of its own, so a name with the same size is the same file.
        return self.tree.storage.size(name) == entry.size

    def stage(self) -> None:
        for name in self.added:
            self._save(name)
            self._saved.append(name)

    def finish(self) -> None:
        for name in self.replaced:
            self.tree.storage.delete(name)
            self._save(name)
        for name in self.removed:
            self.tree.storage.delete(name)

    def rollback(self) -> None:
        for name in self._saved:
            self.tree.storage.delete(name)

    def _save(self, name: str) -> None:
        with open(self.sources[name], "rb") as handle:
            saved = self.tree.storage.save(name, File(handle, name=name))
        if saved != name:
            self.tree.storage.delete(saved)
            raise BackupError(
                _("The storage renamed %(name)s while restoring it; nothing more was written.") % {"name": name}
            )


def _nearest_existing(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


def _remove_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
