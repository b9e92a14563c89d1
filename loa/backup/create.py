"""Back up a running site into one archive (`manage.py loa_backup`, `make backup`).

Order matters while the site keeps working: the database snapshot first, then the files. A
file uploaded after the snapshot is a harmless extra; a file the snapshot names is normally
still there (Wagtail gives every upload a new name), and one deleted in between is reported.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import gettext as _

from loa.core.text import vn_slugify

from .archive import SECRET_KEY_NAME, ArchiveWriter
from .databases import database_for_site, django_tables
from .errors import BackupError
from .filetrees import Tree, site_trees
from .manifest import Manifest, code_versions, now_in_vietnam

Say = Callable[[str], None]


@dataclass
class BackupResult:
    path: Path
    manifest: Manifest
    size: int
    seconds: float


def backups_folder() -> Path:
    return Path(settings.VAR_DIR) / "backups"


def secret_key_file() -> Path:
    """Where the embedded default keeps its generated key (loa/settings/embedded.py)."""
    return Path(settings.VAR_DIR) / SECRET_KEY_NAME


@contextlib.contextmanager
def exclusive() -> Iterator[None]:
    """One backup or restore at a time on a site: a restore must not run under a backup reading its files."""
    folder = backups_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(_("Another backup or restore of this site is running; wait for it to finish.")) from None
        yield
    finally:
        os.close(descriptor)


def site_name() -> str:
    """The default Wagtail site's host name as a file-name slug ('hungyen-gov-vn'), or 'site'."""
    from wagtail.models import Site

    try:
        hostname = Site.objects.using("default").filter(is_default_site=True).values_list("hostname", flat=True).first()
    except DatabaseError:  # a database not migrated yet has no site table: the backup still works
        hostname = None
    return vn_slugify(hostname or "") or "site"


def default_path(site: str | None = None) -> Path:
    stamp = now_in_vietnam().strftime("%Y%m%d-%H%M%S")
    return backups_folder() / f"loa-{site or site_name()}-{stamp}.tar.gz"


def create_backup(output: Path | None = None, *, include_files: bool = True, say: Say = print) -> BackupResult:
    started = time.monotonic()
    site = site_name()
    output = Path(output or default_path(site)).absolute()
    trees = site_trees()
    _refuse_inside_trees(output, trees)
    output.parent.mkdir(parents=True, exist_ok=True)
    _flush_pending_counts(say)

    database = database_for_site()
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix=".loa-backup-", dir=output.parent) as staging:
        say(_("Copying the %(engine)s database %(name)s…") % {"engine": database.label, "name": database.describe()})
        taken_at = now_in_vietnam()  # the moment the backup shows: its database snapshot
        snapshot = database.snapshot(Path(staging), django_tables())
        writer = ArchiveWriter(output)
        try:
            writer.add_file(database.archive_name, snapshot.path)
            Path(snapshot.path).unlink()
            tree_info = {}
            for tree in trees:
                tree_info[tree.name] = tree.info(included=include_files)
                if include_files:
                    warnings += _add_tree(writer, tree, say)
                else:
                    say(_("Files in %(location)s are left out (--no-media).") % {"location": tree.describe()})
            key_file = secret_key_file()
            has_key = key_file.is_file()
            if has_key:
                writer.add_bytes(SECRET_KEY_NAME, key_file.read_bytes())
            manifest = Manifest(
                created=taken_at.isoformat(),
                site=site,
                code=code_versions(),
                database={**snapshot.details, "file": database.archive_name},
                migrations=snapshot.migrations,
                row_counts=snapshot.row_counts,
                files=writer.entries,
                trees=tree_info,
                secret_key=has_key,
                warnings=warnings + snapshot.warnings,
            )
            writer.commit(manifest)
        except BaseException:
            writer.abort()
            raise
    return BackupResult(output, manifest, output.stat().st_size, time.monotonic() - started)


def _add_tree(writer: ArchiveWriter, tree: Tree, say: Say) -> list[str]:
    say(_("Copying the files in %(location)s…") % {"location": tree.describe()})
    warnings = []
    vanished = [name for name in tree.names() if tree.add_to(writer, name) is None]
    if vanished:
        warnings.append(
            _("%(count)s files in %(location)s were deleted while the backup ran: %(names)s")
            % {"count": len(vanished), "location": tree.describe(), "names": ", ".join(vanished[:5])}
        )
    if tree.skipped:
        warnings.append(
            _("Symbolic links and special files in %(location)s were not copied: %(names)s")
            % {"location": tree.describe(), "names": ", ".join(tree.skipped[:5])}
        )
    return warnings


def _refuse_inside_trees(output: Path, trees: list[Tree]) -> None:
    for tree in trees:
        root = getattr(tree, "root", None)
        if root is not None and (Path(root).absolute() == output.parent or Path(root).absolute() in output.parents):
            raise BackupError(
                _("Do not write the backup inside %(folder)s: it would be published with the files it backs up.")
                % {"folder": root}
            )


def _flush_pending_counts(say: Say) -> None:
    """With counters in Redis, write what is pending first, so the backup holds the latest view counts."""
    if not getattr(settings, "LOA_COUNTER_REDIS_URL", ""):
        return
    from loa.stats.counters import flush_redis_counts

    try:
        flush_redis_counts()
    except Exception as error:  # the counts stay in Redis and reach the database on the next flush
        say(_("View counts waiting in Redis could not be written first (%(error)s).") % {"error": error})


def prune(folder: Path, site: str, keep: int) -> list[Path]:
    """Delete all but the `keep` newest `loa-<site>-*.tar.gz` in `folder`; returns what was deleted."""
    archives = sorted(folder.glob(f"loa-{site}-*.tar.gz"), key=lambda path: path.name, reverse=True)
    doomed = archives[keep:]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def remove_stale_partials(folder: Path) -> None:
    """A backup killed half-way leaves its hidden partial archive and staging folder: tidy them."""
    for path in folder.glob(".loa-*.tar.gz.partial"):
        path.unlink(missing_ok=True)
    for path in folder.glob(".loa-backup-*"):
        shutil.rmtree(path, ignore_errors=True)
