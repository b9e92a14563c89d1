"""Give the newsroom's groups the schedule permissions listed in loa/schedule/roles.py."""

from django.db import migrations

from loa.newsroom.migration_ops import noop, refresh_roles


class Migration(migrations.Migration):
    dependencies = [
        ("loa_schedule", "0001_initial"),
        ("loa_newsroom", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(refresh_roles, noop)]
