"""The embedded default that `make run` serves: one machine, plain HTTP on loopback.

Everything stays in `var/`: the SQLite database, media, collected static files
and a secret key generated on first start, so a fresh clone needs no setup.
"""

from loa.core.secret import load_or_create_secret_key

from .base import *  # noqa: F403
from .base import SECRET_KEY, VAR_DIR

SECRET_KEY = SECRET_KEY or load_or_create_secret_key(VAR_DIR / "secret_key")
