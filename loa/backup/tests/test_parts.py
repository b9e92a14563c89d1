"""The pieces that need no site: archive member names, nested storages, schema comparison."""

from __future__ import annotations

import pytest
from django.core.files.storage import FileSystemStorage
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from loa.backup.archive import member_path
from loa.backup.errors import BackupError
from loa.backup.filetrees import FileSystemTree, exclude_nested
from loa.backup.schema import compare


@pytest.mark.parametrize(
    "name",
    ["manifest.json", "secret_key", "database/loa.sqlite3", "media/original_images/a.jpg", "private/qa/2026/11/x.pdf"],
)
def test_the_names_a_backup_holds_are_accepted(name):
    assert member_path(name) is not None


@pytest.mark.parametrize(
    "name",
    ["/etc/passwd", "../x", "media/../../x", "media/./x", "media//x", "other/x", "media", "media\\..\\x", ""],
)
def test_names_that_could_escape_or_are_not_ours_are_refused(name):
    assert member_path(name) is None


def test_a_tree_inside_another_is_listed_by_its_own_storage_only(tmp_path):
    (tmp_path / "media" / "private" / "qa").mkdir(parents=True)
    (tmp_path / "media" / "images").mkdir()
    (tmp_path / "media" / "images" / "a.jpg").write_bytes(b"photo")
    (tmp_path / "media" / "private" / "qa" / "b.pdf").write_bytes(b"%PDF")
    media, private = exclude_nested(
        [
            FileSystemTree("media", FileSystemStorage(location=tmp_path / "media")),
            FileSystemTree("private", FileSystemStorage(location=tmp_path / "media" / "private")),
        ]
    )
    assert media.names() == ["images/a.jpg"]
    assert private.names() == ["qa/b.pdf"]


def applied_migrations() -> list[tuple[str, str]]:
    return sorted(MigrationLoader(None).graph.nodes)


def test_a_backup_of_this_schema_needs_nothing():
    assert compare(applied_migrations()).pending == []


def test_an_older_backup_lists_what_migrate_will_apply():
    applied = applied_migrations()
    leaf = next(key for key in MigrationLoader(None).graph.leaf_nodes() if key[0] == "loa_core")
    assert compare([key for key in applied if key != leaf]).pending == [leaf]


def test_a_newer_backup_is_refused_and_says_which_migrations():
    with translation.override("en"), pytest.raises(BackupError, match=r"newer version.*loa_news\.0099_later"):
        compare([*applied_migrations(), ("loa_news", "0099_later")])


def test_an_app_this_code_no_longer_has_is_noted_not_refused():
    assert compare([*applied_migrations(), ("retired_app", "0001_initial")]).unknown_apps == ["retired_app"]


@pytest.mark.django_db
@pytest.mark.redis
def test_a_restore_drops_rendition_lookups_in_redis_and_nothing_else(redis_url, settings):
    import uuid

    import redis
    from django.core.cache import caches

    from loa.backup.restore import _forget_caches

    prefix = f"loa-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "loa.core.cache.ResilientRedisCache", "LOCATION": redis_url, "KEY_PREFIX": prefix},
    }
    neighbour = redis.Redis.from_url(redis_url)
    neighbour.set(f"{prefix}-counters:pending", 7)  # another cache's key on the same Redis
    caches["renditions"].set("image-1-fill-800x450", "a rendition")
    try:
        _forget_caches()
        assert caches["renditions"].get("image-1-fill-800x450") is None
        assert neighbour.get(f"{prefix}-counters:pending") == b"7"
    finally:
        neighbour.delete(f"{prefix}-counters:pending")
