"""PostgreSQL: a GIN index over each title's own tsvector, for suggestions (loa.search.backends.TITLE_VECTOR).

The expression must stay identical to TITLE_VECTOR (with the table's name, not its
alias) for the planner to use the index.
"""

from django.db import migrations

POSTGRES = [
    """CREATE INDEX loa_search_title_vector ON loa_search_searchdocument USING GIN (
        (to_tsvector('simple'::regconfig, regexp_replace(title_folded, '[^[:alnum:]]+', ' ', 'g'))))""",
]
POSTGRES_REVERSE = ["DROP INDEX IF EXISTS loa_search_title_vector"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("loa_search", "0004_titles_and_newest")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
