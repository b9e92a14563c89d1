"""Can this code run the backed-up database? Compare the archive's applied migrations with the code's.

- The archive applied a migration this code does not have (an app of ours, a newer Loa): the
  code would run on tables it does not know, so restore refuses.
- This code has migrations the archive did not apply (an older backup): restore runs `migrate`.
- Migrations of apps no longer installed are left as they are; the operator is told.
A squashed migration counts as applied when every migration it replaces is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from .errors import BackupError

Key = tuple[str, str]


@dataclass
class SchemaComparison:
    pending: list[Key] = field(default_factory=list)  # to apply after restoring
    unknown_apps: list[str] = field(default_factory=list)  # in the archive, not installed here


def compare(applied: list[Key]) -> SchemaComparison:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    installed = {config.label for config in apps.get_app_configs()}
    on_disk = set(loader.disk_migrations)
    replaced = {key for migration in loader.disk_migrations.values() for key in (migration.replaces or [])}
    done = set(applied)

    newer = sorted(key for key in done if key[0] in installed and key not in on_disk and key not in replaced)
    if newer:
        shown = ", ".join(f"{app}.{name}" for app, name in newer[:5]) + (" …" if len(newer) > 5 else "")
        raise BackupError(
            _(
                "This backup comes from a newer version of Loa: its database has migrations this code does not "
                "know (%(migrations)s). Update the code to the version that made the backup, then restore. "
                "Nothing was changed."
            )
            % {"migrations": shown}
        )

    def is_applied(key: Key) -> bool:
        migration = loader.graph.nodes[key]
        return key in done or bool(migration.replaces) and all(tuple(old) in done for old in migration.replaces)

    return SchemaComparison(
        pending=sorted(key for key in loader.graph.nodes if not is_applied(key)),
        unknown_apps=sorted({app for app, _name in done if app not in installed}),
    )
