"""A phone's authenticator app, for tests: RFC 6238 codes computed independently of django-otp."""

from __future__ import annotations

import hashlib
import hmac
import struct
import time
from base64 import b32decode


def totp(secret_b32: str, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """The code an app shows at `at` (default now) for a base32 key as the setup page prints it."""
    key = secret_b32.replace(" ", "").upper()
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(b32decode(key + "=" * (-len(key) % 8)), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)
