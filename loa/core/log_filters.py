"""Requests a client got wrong are logged as one-line warnings, not as errors with a traceback.

Django answers each SuspiciousOperation with 400 (a Host not in ALLOWED_HOSTS, a body over
DATA_UPLOAD_MAX_MEMORY_SIZE, too many fields or files, a media path leading out of its folder)
and logs it at ERROR with the traceback of its own validation code. A public portal gets those
from scanners all day; as errors they would drown the ones that mean the portal is broken.
The message, which names the host or the limit, stays.
"""

from __future__ import annotations

import logging

#: Django's loggers for bad requests the client caused (settings.LOGGING attaches the filter).
CLIENT_ERROR_LOGGERS = tuple(
    f"django.security.{name}"
    for name in (
        "DisallowedHost",
        "RequestDataTooBig",
        "TooManyFieldsSent",
        "TooManyFilesSent",
        "SuspiciousFileOperation",
        "SuspiciousMultipartForm",
    )
)


class ClientErrorFilter(logging.Filter):
    """Lowers a record to WARNING and drops its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        return True
