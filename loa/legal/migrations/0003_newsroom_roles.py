"""Give the newsroom's groups the list permissions listed in loa/legal/roles.py."""

from django.db import migrations

from loa.newsroom.migration_ops import noop, refresh_roles


class Migration(migrations.Migration):
    dependencies = [
        ("loa_legal", "0002_default_lists"),
        ("loa_newsroom", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(refresh_roles, noop)]
