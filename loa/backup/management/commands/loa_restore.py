"""`manage.py loa_restore ARCHIVE` (`make restore BACKUP=…`): put a backup back over this site."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from loa.backup.create import exclusive
from loa.backup.errors import BackupError
from loa.backup.filetrees import site_trees
from loa.backup.restore import OpenedBackup, RestoreResult, open_backup, restore
from loa.core.formats import vn_number

#: Answers that confirm, typed with or without Vietnamese marks.
YES = frozenset({"yes", "y", "có", "co", "c"})


class Command(BaseCommand):
    @property
    def help(self) -> str:  # translated when asked, in the language then active
        return _(
            "Restore a backup made by loa_backup: check the whole archive, then replace this site's database, "
            "uploaded files and attachments with it."
        )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help=_("The .tar.gz archive made by loa_backup."))
        parser.add_argument("--yes", action="store_true", help=_("Do not ask for confirmation."))
        parser.add_argument(
            "--check",
            action="store_true",
            help=_("Only check that the archive is whole and fits this site; change nothing."),
        )
        parser.add_argument(
            "--work-dir",
            type=Path,
            help=_("Folder to unpack the archive in (default: var/); needs room for the unpacked backup."),
        )

    def handle(self, *args, **options) -> None:
        work_dir = Path(options["work_dir"] or settings.VAR_DIR)
        work_dir.mkdir(parents=True, exist_ok=True)
        try:
            with exclusive(), tempfile.TemporaryDirectory(prefix=".loa-restore-", dir=work_dir) as staging:
                self.stdout.write(_("Checking %(path)s…") % {"path": options["archive"]})
                opened = open_backup(options["archive"], Path(staging))
                self._describe(opened)
                if options["check"]:
                    self.stdout.write(self.style.SUCCESS(_("The backup is whole and can be restored on this site.")))
                    return
                if not options["yes"]:
                    self._confirm()
                result = restore(opened, say=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self._report(result)

    def _describe(self, opened: OpenedBackup) -> None:
        manifest = opened.manifest
        code = manifest.code
        size = sum(entry.size for entry in manifest.files)
        lines = [
            _("Backup of “%(site)s” made on %(created)s (Vietnam time) by Loa %(version)s (%(revision)s).")
            % {
                "site": manifest.site,
                "created": manifest.created_at.strftime("%d/%m/%Y %H:%M:%S"),
                "version": code.get("loa") or "?",
                "revision": code.get("revision") or "?",
            },
            _("%(engine)s database, %(rows)s rows in %(tables)s tables; %(files)s files (%(size)s).")
            % {
                "engine": opened.database.label,
                "rows": vn_number(sum(manifest.row_counts.values())),
                "tables": vn_number(len(manifest.row_counts)),
                "files": vn_number(len(manifest.files)),
                "size": filesizeformat(size),
            },
        ]
        folders = [tree.describe() for tree in site_trees() if manifest.trees.get(tree.name, {}).get("included")]
        if folders:
            lines.append(
                _("It will replace the database %(database)s and the files in %(folders)s.")
                % {"database": opened.database.describe(), "folders": ", ".join(folders)}
            )
        else:
            lines.append(_("It will replace the database %(database)s.") % {"database": opened.database.describe()})
        if opened.schema.pending:
            lines.append(
                _("The backup is older than this code: %(count)s migrations will be applied to it.")
                % {"count": len(opened.schema.pending)}
            )
        for line in lines:
            self.stdout.write(line)

    def _confirm(self) -> None:
        try:
            answer = input(_("All the current data of this site will be replaced. Type “yes” to continue: "))
        except (EOFError, OSError):
            answer = ""
        if unicodedata.normalize("NFC", answer.strip().lower()) not in YES:
            raise CommandError(
                _("Not confirmed: nothing was changed. (Add --yes, or YES=1 with make, to skip the question.)")
            )

    def _report(self, result: RestoreResult) -> None:
        for note in result.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored. Files: %(added)s added, %(replaced)s replaced, %(removed)s removed; "
                    "%(migrated)s migrations applied."
                )
                % {
                    "added": vn_number(result.added),
                    "replaced": vn_number(result.replaced),
                    "removed": vn_number(result.removed),
                    "migrated": result.migrated,
                }
            )
        )
