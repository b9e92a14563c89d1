"""On SQLite, beacon transactions queue for the write lock instead of polling for it.

SQLite lets one transaction write at a time. A writer that finds the database locked
waits in SQLite's busy handler, which sleeps 1 ms, then 2, 5, 10 … ms before trying
again, however soon the lock was freed; with every beacon writing, two granian processes
of four threads each spend most of their time asleep there. Here the beacon's writers
queue instead: the threads of a process on a Python lock, the processes on an `flock` of
a file next to the database (`<database>-beacon.lock`), both of which wake the next
writer the moment the lock is released. Other writers (the admin, the worker) are
unaffected and still meet the beacon in SQLite's own locking.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: threads still queue, processes poll
    fcntl = None

_thread_lock = threading.Lock()
_lock_files: dict[tuple[int, str], int] = {}


def _lock_file(database: str) -> int | None:
    """This process's descriptor of the database's lock file (None for an in-memory database)."""
    if fcntl is None or not database or database == ":memory:" or "mode=memory" in database:
        return None
    key = (os.getpid(), database)  # a forked worker opens its own: flock locks belong to the open file
    if key not in _lock_files:
        _lock_files[key] = os.open(f"{database}-beacon.lock", os.O_RDWR | os.O_CREAT, 0o600)
    return _lock_files[key]


@contextlib.contextmanager
def sqlite_writer(connection) -> Iterator[None]:
    """Hold the beacon's write turn on `connection`'s SQLite database (does nothing on PostgreSQL)."""
    if connection.vendor != "sqlite":
        yield
        return
    with _thread_lock:
        descriptor = _lock_file(str(connection.settings_dict["NAME"]))
        if descriptor is None:
            yield
            return
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
