"""The S3-compatible storage behind STORAGES when LOA_S3_BUCKET is set (see loa.core.storage_settings)."""

from __future__ import annotations

from botocore.config import Config
from storages.backends.s3 import S3Storage

#: botocore waits a minute to connect and retries several times: an editor's upload, or a
#: page making a new rendition, would hang for minutes on a storage that does not answer.
CONNECT_TIMEOUT = 3
READ_TIMEOUT = 30
TOTAL_ATTEMPTS = 2


class ObjectStorage(S3Storage):
    """django-storages' S3 storage, with timeouts that suit a web request."""

    def __init__(self, **settings) -> None:
        super().__init__(**settings)
        if settings.get("client_config") is None:
            self.client_config = Config(
                s3={"addressing_style": self.addressing_style},
                signature_version=self.signature_version,
                proxies=self.proxies,
                connect_timeout=CONNECT_TIMEOUT,
                read_timeout=READ_TIMEOUT,
                retries={"total_max_attempts": TOTAL_ATTEMPTS, "mode": "standard"},
            )
