"""Restore a backup over the running site (`manage.py loa_restore`, `make restore BACKUP=…`).

1. `open_backup`: unpack into a staging folder and check every file against the manifest, the
   schema against the code, the database file itself. Any problem stops here, nothing touched.
2. `restore`: stage the files (additions in place, changes beside the old ones), prepare the
   database copy (SQLite: migrated and checked on its own), then replace the database in one
   transaction. If that fails, the staged files are removed and the site is as it was.
   Then the file changes are completed, `migrate` runs on PostgreSQL for an older backup, the
   secret key is put back, and the content version moves so every process drops its cached
   fragments and pages.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import DatabaseError
from django.utils.translation import gettext as _

from .archive import SECRET_KEY_NAME, extract_verified
from .create import secret_key_file
from .databases import PostgresDatabase, SqliteDatabase, database_for_site
from .errors import BackupError
from .filetrees import SyncPlan, site_trees
from .manifest import Manifest
from .schema import SchemaComparison, compare

Say = Callable[[str], None]


@dataclass
class OpenedBackup:
    """A verified archive, unpacked in `staging`, and what restoring it would do."""

    manifest: Manifest
    staging: Path
    database: SqliteDatabase | PostgresDatabase
    schema: SchemaComparison

    @property
    def dump(self) -> Path:
        return self.staging / self.manifest.database["file"]


@dataclass
class RestoreResult:
    added: int = 0
    replaced: int = 0
    removed: int = 0
    migrated: int = 0
    notes: list[str] = field(default_factory=list)


def open_backup(archive: Path, staging: Path) -> OpenedBackup:
    manifest = extract_verified(archive, staging)
    database = database_for_site()
    engine = manifest.database.get("engine")
    if engine != database.engine:
        raise BackupError(
            _(
                "This backup holds a %(archived)s database and this site uses %(current)s: restore it on a site "
                "with the same database. Nothing was changed."
            )
            % {"archived": engine, "current": database.label}
        )
    schema = compare(manifest.migrations)
    opened = OpenedBackup(manifest, staging, database, schema)
    database.check(opened.dump, manifest)
    return opened


def restore(opened: OpenedBackup, say: Say = print) -> RestoreResult:
    manifest, database = opened.manifest, opened.database
    result = RestoreResult()
    plans: list[SyncPlan] = []
    for tree in site_trees():
        if not manifest.trees.get(tree.name, {}).get("included", False):
            result.notes.append(
                _("The backup does not hold the files of %(location)s; they were left as they are.")
                % {"location": tree.describe()}
            )
            continue
        plans.append(tree.plan(manifest.files_under(tree.name), opened.staging))

    staged: list[SyncPlan] = []
    try:
        for plan in plans:
            say(_("Preparing the files in %(location)s…") % {"location": plan.tree.describe()})
            staged.append(plan)
            plan.stage()
        if opened.schema.pending and not database.migrates_after_replace:
            say(
                _("Upgrading the backup's database to this version of Loa (%(count)s migrations)…")
                % {"count": len(opened.schema.pending)}
            )
        database.prepare(opened.dump, manifest, migrate=bool(opened.schema.pending))
        say(_("Replacing the database %(name)s…") % {"name": database.describe()})
        database.replace(opened.dump, manifest)
    except BaseException:
        for plan in reversed(staged):
            plan.rollback()
        raise

    # The database is the backup's now: whatever happens next, every process must drop what it cached.
    try:
        _finish_files(plans, result)
        if opened.schema.pending and database.migrates_after_replace:
            say(
                _("Upgrading the restored database to this version of Loa (%(count)s migrations)…")
                % {"count": len(opened.schema.pending)}
            )
            _migrate_in_place()
        result.migrated = len(opened.schema.pending)
        result.notes += _restore_secret_key(opened)
    finally:
        _forget_caches()
    if opened.schema.unknown_apps:
        result.notes.append(
            _("The backup has data of apps this version no longer has (%(apps)s); it was kept but is not used.")
            % {"apps": ", ".join(opened.schema.unknown_apps)}
        )
    return result


def _finish_files(plans: list[SyncPlan], result: RestoreResult) -> None:
    try:
        for plan in plans:
            plan.finish()
            result.added += len(plan.added)
            result.replaced += len(plan.replaced)
            result.removed += len(plan.removed)
    except Exception as error:  # a disk or a bucket refusing a write
        raise BackupError(
            _(
                "The database was restored but some files could not be put in place (%(error)s). "
                "Fix the cause and run the restore again: it is safe to repeat."
            )
            % {"error": error}
        ) from error


def _migrate_in_place() -> None:
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    try:
        call_command("migrate", interactive=False, verbosity=0)
    except Exception as error:
        raise BackupError(
            _(
                "The database was restored, but upgrading it failed (%(error)s). Fix the cause and run "
                "`manage.py migrate`."
            )
            % {"error": error}
        ) from error


def _restore_secret_key(opened: OpenedBackup) -> list[str]:
    """Put the archived key back where this site reads its key from a file (the embedded default).

    Sessions, password-reset links and the Hỏi đáp form's tokens are signed with it: with the
    old key they stay valid, with another one administrators log in again.
    """
    archived = opened.staging / SECRET_KEY_NAME
    if not opened.manifest.secret_key or not archived.is_file():
        return []
    key = archived.read_bytes()
    target = secret_key_file()
    file_based = target.is_file() and target.read_text().strip() == settings.SECRET_KEY
    if not file_based:
        return [
            _(
                "The backup holds the old site's secret key, but this site takes SECRET_KEY from its environment, "
                "so it was not changed: users will have to log in again."
            )
        ]
    if target.read_bytes() == key:
        return []
    temporary = target.with_name(f".{target.name}.loa-restore")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key)
    os.replace(temporary, target)
    return [_("The secret key was restored: restart the site (the app and the worker) so that it uses it.")]


def _forget_caches() -> None:
    """Tell every cache the whole site changed, as publishing does for one page.

    The restore already wrote a new content version into the database (fragments of every
    process follow); bumping once more through Loa's own handler also moves each process's
    page cache and purges nginx or the CDN (loa.core.signals.content_changed, page=None).
    Rendition lookups cached in Redis may name files the backup does not have: dropped too.
    """
    from django.contrib.contenttypes.models import ContentType

    from loa.core.signal_handlers import bump_content_version

    ContentType.objects.clear_cache()
    with contextlib.suppress(DatabaseError):  # an old backup whose migration failed may lack the table
        bump_content_version()
    renditions = caches["renditions"]
    prefix = getattr(renditions, "key_prefix", "")
    client = getattr(getattr(renditions, "_cache", None), "get_client", None)
    if client is None:
        renditions.clear()  # this process's memory; the others' entries expire on their own
        return
    if prefix:
        # Never clear(): on Redis that is FLUSHDB, which would take the pending view counts with it.
        try:
            redis = client(write=True)
            for key in redis.scan_iter(match=f"{prefix}:*", count=500):
                redis.delete(key)
        except Exception:  # Redis down: renditions are looked up again when their entries expire
            pass
