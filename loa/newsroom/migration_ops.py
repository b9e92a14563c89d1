"""Data-migration steps shared by the apps that add newsroom permissions.

Django creates permissions after all migrations have run (post_migrate), so a
data migration that puts permissions in groups must create them first. Any
app whose permissions a role needs (royalties, reports…) runs
:func:`refresh_roles` in a migration of its own after its models exist.
"""

from __future__ import annotations

from django.contrib.auth.management import create_permissions

from . import roles


def create_all_permissions(apps) -> None:
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def refresh_roles(apps, schema_editor) -> None:
    create_all_permissions(apps)
    roles.ensure_roles(apps)


def noop(apps, schema_editor) -> None:
    """Reverse step: groups and permissions are left as they are."""
