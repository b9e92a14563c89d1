"""Give the newsroom's groups the question permissions listed in loa/qa/roles.py."""

from django.db import migrations

from loa.newsroom.migration_ops import noop, refresh_roles


class Migration(migrations.Migration):
    dependencies = [
        ("loa_qa", "0001_initial"),
        ("loa_newsroom", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(refresh_roles, noop)]
