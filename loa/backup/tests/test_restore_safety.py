"""What restore refuses, and that a refused or failed restore leaves the site exactly as it was.

A small site (a section, an article with a photo, a document, a citizen's attachment) is backed
up, restored into a second database and folders, and the archive is then damaged in the ways
that happen: a flipped byte, a copy cut short, a path out of the folder, a newer schema, a
database dump that does not hold what the manifest counted.
"""

from __future__ import annotations

import io
import json
import re
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from django.utils import translation

from loa.backup.create import exclusive
from loa.backup.manifest import MANIFEST_NAME

from .conftest import SiteUnderTest, add_uploads, back_up, file_digests, model_rows, on, restore

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def archive(original: SiteUnderTest, tmp_path: Path) -> Path:
    with on(original):
        add_uploads("mot")
        back_up(tmp_path / "site.tar.gz")
    return tmp_path / "site.tar.gz"


@pytest.fixture
def site(restored: SiteUnderTest, archive: Path) -> SiteUnderTest:
    """The site restored from `archive`: the one the damaged archives must leave alone."""
    with on(restored):
        restore(archive)
    return restored


def state(site: SiteUnderTest) -> tuple:
    """Everything a restore could change, the content version included."""
    with on(site):
        return model_rows(exclude=()), file_digests(site.media, site.private)


def refused(site: SiteUnderTest, archive: Path, **options) -> str:
    with on(site), pytest.raises(CommandError) as raised:
        restore(archive, **options)
    return str(raised.value)


def rewrite(source: Path, target: Path, change) -> Path:
    """A copy of the archive with `change(name, data)` applied to each member (None drops it)."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old:
            data = change(member.name, old.extractfile(member).read())
            if data is not None:
                member.size = len(data)
                new.addfile(member, io.BytesIO(data))
    return target


def with_manifest(source: Path, target: Path, edit) -> Path:
    def change(name: str, data: bytes) -> bytes:
        if name != MANIFEST_NAME:
            return data
        manifest = json.loads(data)
        edit(manifest)
        return json.dumps(manifest).encode()

    return rewrite(source, target, change)


# --- damaged archives ---------------------------------------------------------------------


def test_a_flipped_byte_in_a_photo_is_found_and_nothing_changes(site, archive, tmp_path):
    before = state(site)

    def flip(name: str, data: bytes) -> bytes:
        if name.startswith("media/original_images/"):
            return data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]
        return data

    damaged = rewrite(archive, tmp_path / "flipped.tar.gz", flip)
    message = refused(site, damaged)
    assert "do not match their checksums" in message and "media/original_images/" in message
    assert "Nothing was changed" in message
    assert state(site) == before


def test_a_copy_cut_short_is_refused_and_nothing_changes(site, archive, tmp_path):
    before = state(site)
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size * 2 // 3])
    assert "damaged or incomplete" in refused(site, cut)
    assert state(site) == before


def test_an_entry_outside_the_site_folders_is_refused(site, archive, tmp_path):
    before = state(site)
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "r:gz") as good, tarfile.open(evil, "w:gz") as tar:
        member = tarfile.TarInfo("media/../../escaped.txt")
        member.size = 4
        tar.addfile(member, io.BytesIO(b"boom"))
        for member in good:
            tar.addfile(member, good.extractfile(member))
    assert "unexpected entry" in refused(site, evil)
    assert not list(tmp_path.rglob("escaped.txt"))
    assert state(site) == before


def test_a_backup_from_a_newer_schema_is_refused(site, archive, tmp_path):
    before = state(site)
    newer = with_manifest(
        archive, tmp_path / "newer.tar.gz", lambda manifest: manifest["migrations"].append("loa_core.9999_from_2030")
    )
    message = refused(site, newer)
    assert "newer version of Loa" in message and "loa_core.9999_from_2030" in message
    assert state(site) == before


def test_a_dump_that_does_not_hold_what_the_manifest_counted_changes_nothing(site, original, tmp_path):
    """SQLite finds it on the copy before anything is touched; PostgreSQL inside the restore's
    transaction, after dropping and reloading every table, and rolls all of it back. The new
    upload the archive would have added is taken away again either way."""
    with on(original):
        add_uploads("hai")
        back_up(tmp_path / "more.tar.gz")
    before = state(site)

    def miscount(manifest: dict) -> None:
        manifest["row_counts"]["wagtailimages_image"] += 1

    wrong = with_manifest(tmp_path / "more.tar.gz", tmp_path / "miscounted.tar.gz", miscount)
    message = refused(site, wrong)
    assert re.search(r"wagtailimages_image|rows", message), message
    assert state(site) == before


# --- asking, checking, versions ------------------------------------------------------------


def test_restore_asks_first_and_a_no_changes_nothing(site, archive, monkeypatch):
    before = state(site)
    monkeypatch.setattr("builtins.input", lambda prompt: "không")
    assert "Not confirmed" in refused(site, archive, yes=False)
    assert state(site) == before
    monkeypatch.setattr("builtins.input", lambda prompt: "có")
    with on(site):
        assert "Restored." in restore(archive, yes=False)


def test_check_reads_the_whole_archive_and_changes_nothing(restored, archive):
    with on(restored):
        output = restore(archive, check=True)
    assert "The backup is whole" in output
    if not restored.database.endswith(".sqlite3"):
        return
    assert not Path(restored.database).exists()


def test_an_older_backup_is_migrated_after_restoring(site, tmp_path):
    """Made before the code's latest loa_search migration: restore applies it (on SQLite to the
    copy, in a process of its own, before the copy replaces the site's database)."""
    graph = MigrationLoader(None).graph
    leaf = next(key for key in graph.leaf_nodes() if key[0] == "loa_search")
    previous = next(node.key for node in graph.node_map[leaf].parents if node.key[0] == leaf[0])
    with on(site):
        call_command("migrate", *previous, verbosity=0)
        back_up(tmp_path / "older.tar.gz")
        call_command("migrate", verbosity=0)  # the code is newer than its backup
        output = restore(tmp_path / "older.tar.gz")
        applied = int(re.search(r"(\d+) migrations applied", output).group(1))
        assert applied >= 1
        assert "migrations will be applied" in output
        assert MigrationRecorder.Migration.objects.filter(app=leaf[0], name=leaf[1]).exists()


# --- what else a backup holds ----------------------------------------------------------------


def test_the_secret_key_is_left_alone_where_the_environment_sets_it(restored, original, tmp_path):
    with on(original):
        (original.var / "secret_key").write_text("key-of-the-original")
        add_uploads("ba")
        back_up(tmp_path / "with-key.tar.gz")
    restored.var.mkdir(parents=True)
    (restored.var / "secret_key").write_text("a-file-this-site-does-not-read")  # SECRET_KEY comes from settings
    with on(restored):
        output = restore(tmp_path / "with-key.tar.gz")
    assert "takes SECRET_KEY from its environment" in output
    assert (restored.var / "secret_key").read_text() == "a-file-this-site-does-not-read"


def test_no_media_backs_up_the_database_only_and_restore_keeps_the_files(original, restored, tmp_path):
    with on(original):
        add_uploads("bon")
        back_up(tmp_path / "db-only.tar.gz", no_media=True)
    with tarfile.open(tmp_path / "db-only.tar.gz") as tar:
        assert not [name for name in tar.getnames() if name.startswith(("media/", "private/"))]
    restored.media.mkdir(parents=True)
    (restored.media / "kept.txt").write_text("the restored site's own file")
    with on(restored):
        output = restore(tmp_path / "db-only.tar.gz")
    assert "does not hold the files" in output
    assert (restored.media / "kept.txt").read_text() == "the restored site's own file"


def test_uploads_in_object_storage_go_through_the_storage_api(original, restored, tmp_path):
    """With S3 (here Django's in-memory storage, another storage without a folder) the archive
    still holds every upload, and restoring writes them back object by object."""
    from django.core.files.storage import default_storage

    in_memory = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    with override_settings(STORAGES=in_memory), on(original):
        add_uploads("nam")
        uploads = {name: default_storage.open(name).read() for name in stored_names(default_storage)}
        output = back_up(tmp_path / "objects.tar.gz")
    assert len(uploads) >= 2 and "InMemoryStorage" in output

    with override_settings(STORAGES=in_memory), on(restored):  # a new, empty storage
        default_storage.save("stale/left-over.txt", ContentFile(b"not in the backup"))
        restore(tmp_path / "objects.tar.gz")
        restored_uploads = {name: default_storage.open(name).read() for name in stored_names(default_storage)}
    assert restored_uploads == uploads


def stored_names(storage, folder: str = "") -> list[str]:
    folders, files = storage.listdir(folder)
    prefix = f"{folder}/" if folder else ""
    names = [prefix + name for name in files]
    for sub in folders:
        names += stored_names(storage, prefix + sub)
    return names


# --- the archive file ------------------------------------------------------------------------


def test_the_default_archive_name_permissions_and_keep(original):
    with on(original):
        add_uploads("sau")
        folder = original.var / "backups"
        folder.mkdir(parents=True)
        for stamp in ("20240101-000000", "20250101-000000"):
            (folder / f"loa-localhost-{stamp}.tar.gz").write_bytes(b"an older backup")
        output = io.StringIO()
        with translation.override("en"):
            call_command("loa_backup", keep=2, stdout=output, stderr=output)
    archives = sorted(path.name for path in folder.glob("*.tar.gz"))
    assert len(archives) == 2 and archives[0] == "loa-localhost-20250101-000000.tar.gz"
    assert re.fullmatch(r"loa-localhost-\d{8}-\d{6}\.tar\.gz", archives[1])
    assert (folder / archives[1]).stat().st_mode & 0o777 == 0o600
    assert "Deleted the old backup" in output.getvalue()


def test_a_backup_is_never_written_among_the_public_files(original):
    with on(original), pytest.raises(CommandError, match="published"):
        back_up(original.media / "site.tar.gz")


def test_one_backup_or_restore_at_a_time(original, tmp_path):
    with on(original), exclusive(), pytest.raises(CommandError, match="Another backup or restore"):
        back_up(tmp_path / "second.tar.gz")
