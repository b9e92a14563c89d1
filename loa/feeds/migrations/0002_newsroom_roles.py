"""Give the administrators' group the permission to edit the feed settings (loa/feeds/roles.py)."""

from django.db import migrations

from loa.newsroom.migration_ops import noop, refresh_roles


class Migration(migrations.Migration):
    dependencies = [
        ("loa_feeds", "0001_initial"),
        ("loa_newsroom", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(refresh_roles, noop)]
