"""How Loa is served: one granian command line for `make run`, the tests and the bench.

`python -m loa.core.serving` replaces itself with granian, reading HOST, PORT and
LOA_WORKERS (default: one worker per CPU), so what a newcomer runs, what the tests
start and what the bench measures are the same server with the same flags.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def granian_argv(host: str, port: int, workers: int) -> list[str]:
    return [
        str(Path(sys.executable).with_name("granian")),
        "--interface", "wsgi",
        "--host", host,
        "--port", str(port),
        "--workers", str(workers),
        "--blocking-threads", "4",
        "--no-ws",
        "--log-level", "warning",
        "loa.wsgi:application",
    ]  # fmt: skip


if __name__ == "__main__":
    argv = granian_argv(
        os.environ.get("HOST", "127.0.0.1"),
        int(os.environ.get("PORT", "8000")),
        int(os.environ.get("LOA_WORKERS") or os.cpu_count() or 2),
    )
    os.execv(argv[0], argv)
