"""Uploads in S3-compatible object storage: backed up and restored through the storage API.

The S3 server is moto's, over real HTTP on loopback (the fixtures of
loa/core/tests/test_object_storage.py); restoring goes to a new, empty bucket, as when a
site moves to another provider or its bucket is lost.
"""

from __future__ import annotations

import pytest

from loa.core.tests.test_object_storage import s3, s3_endpoint  # noqa: F401 -- fixtures: moto's S3 server

from .conftest import add_uploads, back_up, on, restore

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def public_grant(bucket, key: str) -> bool:
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def test_a_site_on_object_storage_comes_back_into_a_new_bucket(original, restored, s3, tmp_path):  # noqa: F811
    first = s3()
    with on(original):
        add_uploads("s3")
        stored = {key: first.read(key) for key in first.keys(prefix="")}
        output = back_up(tmp_path / "s3.tar.gz")
    assert first.name in output  # the files were read from the bucket
    assert any(key.startswith("private/qa/") for key in stored)
    assert any(key.startswith("original_images/") for key in stored)

    second = s3()  # a fresh bucket; STORAGES now point at it
    second.client.put_object(Bucket=second.name, Key="documents/left-over.pdf", Body=b"not in the backup")
    with on(restored):
        restore(tmp_path / "s3.tar.gz")
    assert {key: second.read(key) for key in second.keys(prefix="")} == stored
    # Each storage writes with its own ACL: uploads public, citizens' attachments private.
    for key in stored:
        assert public_grant(second, key) == (not key.startswith("private/")), key
