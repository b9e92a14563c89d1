"""`manage.py loa_backup` (`make backup`): the whole site in one archive, while it keeps running."""

from __future__ import annotations

from pathlib import Path

from django.core.management import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from loa.backup.create import backups_folder, create_backup, exclusive, prune, remove_stale_partials
from loa.backup.errors import BackupError
from loa.core.formats import vn_number


class Command(BaseCommand):
    @property
    def help(self) -> str:  # translated when asked, in the language then active
        return _(
            "Back up this site's database, uploaded files, Hỏi đáp attachments and secret key into one .tar.gz "
            "archive. The site keeps running."
        )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help=_("Archive to write (default: var/backups/loa-<site>-YYYYMMDD-HHMMSS.tar.gz)."),
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help=_("Leave out uploaded files and attachments (for object storage with its own versioning)."),
        )
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help=_("Then delete all but the N newest loa-<site>-*.tar.gz backups in the archive's folder."),
        )

    def handle(self, *args, **options) -> None:
        if options["keep"] is not None and options["keep"] < 1:
            raise CommandError(_("--keep must be at least 1."))
        try:
            with exclusive():
                remove_stale_partials(backups_folder())
                result = create_backup(options["output"], include_files=not options["no_media"], say=self.stdout.write)
                pruned = prune(result.path.parent, result.manifest.site, options["keep"]) if options["keep"] else []
        except BackupError as error:
            raise CommandError(str(error)) from error
        for warning in result.manifest.warnings:
            self.stderr.write(self.style.WARNING(warning))
        for path in pruned:
            self.stdout.write(_("Deleted the old backup %(path)s.") % {"path": path})
        self.stdout.write(
            self.style.SUCCESS(
                _("Backed up to %(path)s (%(size)s, %(files)s files, %(seconds)s seconds).")
                % {
                    "path": result.path,
                    "size": filesizeformat(result.size),
                    "files": vn_number(len(result.manifest.files)),
                    "seconds": number_format(result.seconds, 1),
                }
            )
        )
        self.stdout.write(
            _(
                "The archive holds citizens' personal data and the site's secret key: only its owner can read it. "
                "Keep a copy on another machine."
            )
        )
