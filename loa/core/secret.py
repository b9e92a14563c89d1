"""A per-checkout secret key for the embedded default.

Generated once and kept in `var/`, so `make run` needs no configuration while
sessions survive restarts; production sets SECRET_KEY instead.
"""

from __future__ import annotations

import secrets
from pathlib import Path


def load_or_create_secret_key(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
