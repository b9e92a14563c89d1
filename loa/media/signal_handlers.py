"""Files that go with their rows: a captions track deleted (or its video deleted) leaves no file behind."""

from __future__ import annotations

from django.db import transaction


def delete_captions_file(sender, instance, **kwargs) -> None:
    """`post_delete` of VideoCaptions: remove the .vtt from the storage once the deletion commits."""
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name))
