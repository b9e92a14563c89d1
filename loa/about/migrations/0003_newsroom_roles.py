"""Give the newsroom's groups the translation and English-settings permissions of loa/about/roles.py."""

from django.db import migrations

from loa.newsroom.migration_ops import noop, refresh_roles


class Migration(migrations.Migration):
    dependencies = [
        ("loa_about", "0002_locales"),
        ("loa_newsroom", "0002_roles_and_workflow"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(refresh_roles, noop)]
