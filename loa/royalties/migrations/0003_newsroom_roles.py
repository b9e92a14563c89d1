"""Give the newsroom's groups the royalty permissions listed in loa/newsroom/roles.py.

Editors set royalties, approvers also see the payment list, administrators
manage genres, point values and the site setting; reporters get nothing.
"""

from django.db import migrations

from loa.newsroom.migration_ops import noop, refresh_roles


class Migration(migrations.Migration):
    dependencies = [
        ("loa_royalties", "0002_default_genres_and_point_values"),
        ("loa_newsroom", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(refresh_roles, noop)]
