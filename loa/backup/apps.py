from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupConfig(AppConfig):
    """No models: the app holds the `loa_backup` and `loa_restore` commands and their tests."""

    name = "loa.backup"
    label = "loa_backup"
    verbose_name = _("Backups")
