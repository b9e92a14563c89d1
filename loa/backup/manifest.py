"""`manifest.json`: what an archive holds, where it came from and the checksum of every file in it.

Restore reads it before it touches anything: the checksums prove the archive arrived whole,
the migrations say whether this code can run the backed-up database (older: migrate after
restoring; newer: refuse), the row counts are checked against the restored database.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import subprocess
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import BackupError

FORMAT = "loa-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class FileEntry:
    """One file of the archive, named by its path inside it (`media/…`, `private/…`, `database/…`)."""

    path: str
    size: int
    sha256: str


@dataclass
class Manifest:
    created: str  # ISO 8601 in Vietnam time
    site: str
    code: dict[str, str | None]  # loa, revision, django, wagtail, python
    database: dict[str, str]  # engine, file, and the server and tool versions
    migrations: list[tuple[str, str]]  # stored as "app.name"
    row_counts: dict[str, int]
    files: list[FileEntry]
    trees: dict[str, dict]  # "media" / "private": storage backend, location, included
    secret_key: bool
    warnings: list[str] = field(default_factory=list)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        data = asdict(self)
        data["migrations"] = [f"{app}.{name}" for app, name in self.migrations]
        return json.dumps(data, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            raw = json.loads(data)
            if raw.get("format") != FORMAT:
                raise ValueError("not a Loa backup")
            if raw.get("format_version") != FORMAT_VERSION:
                raise BackupError(
                    _("This backup was written in format %(version)s, which this version of Loa cannot read.")
                    % {"version": raw.get("format_version")}
                )
            raw["files"] = [FileEntry(**entry) for entry in raw["files"]]
            raw["migrations"] = [tuple(key.split(".", 1)) for key in raw["migrations"]]
            return cls(**raw)
        except BackupError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError):
            raise BackupError(_("The archive's manifest is unreadable: this is not a Loa backup.")) from None

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.created).astimezone(VIETNAM)

    def files_under(self, prefix: str) -> list[FileEntry]:
        return [entry for entry in self.files if entry.path.startswith(prefix + "/")]


def now_in_vietnam() -> dt.datetime:
    return dt.datetime.now(VIETNAM).replace(microsecond=0)


def code_versions() -> dict[str, str | None]:
    """Which code wrote the backup: a restore on other code says so, and the operator can check out this one."""
    import django
    import wagtail

    return {
        "loa": _project_version(),
        "revision": _git_revision(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "python": platform.python_version(),
    }


def _project_version() -> str | None:
    try:
        with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return None


def _git_revision() -> str | None:
    """`git describe --always --dirty`, or None where the code was deployed without its history."""
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None
