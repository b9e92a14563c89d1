"""SQLite: a titles-only FTS5 table with prefix indexes (suggestions) and the date index "newest first" walks.

See loa.search.backends (SQLiteBackend.from_clause, newest_query) for the figures.
PostgreSQL needs neither: its GIN index answers prefixes, and its newest-first
path reads a bounded window. Like migration 0002, a later migration that makes
Django rebuild the documents table on SQLite must create these triggers again.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE loa_search_titles USING fts5(
        title_folded,
        content='loa_search_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')""",
    "INSERT INTO loa_search_titles(loa_search_titles) VALUES ('rebuild')",
    """CREATE TRIGGER loa_search_titles_insert AFTER INSERT ON loa_search_searchdocument BEGIN
        INSERT INTO loa_search_titles(rowid, title_folded) VALUES (new.page_id, new.title_folded);
    END""",
    """CREATE TRIGGER loa_search_titles_delete AFTER DELETE ON loa_search_searchdocument BEGIN
        INSERT INTO loa_search_titles(loa_search_titles, rowid, title_folded)
        VALUES ('delete', old.page_id, old.title_folded);
    END""",
    """CREATE TRIGGER loa_search_titles_update AFTER UPDATE ON loa_search_searchdocument BEGIN
        INSERT INTO loa_search_titles(loa_search_titles, rowid, title_folded)
        VALUES ('delete', old.page_id, old.title_folded);
        INSERT INTO loa_search_titles(rowid, title_folded) VALUES (new.page_id, new.title_folded);
    END""",
    "CREATE INDEX loa_search_newest ON loa_search_searchdocument (published_at, page_id)",
]
SQLITE_REVERSE = [
    "DROP INDEX IF EXISTS loa_search_newest",
    "DROP TRIGGER IF EXISTS loa_search_titles_update",
    "DROP TRIGGER IF EXISTS loa_search_titles_delete",
    "DROP TRIGGER IF EXISTS loa_search_titles_insert",
    "DROP TABLE IF EXISTS loa_search_titles",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("loa_search", "0003_more_kinds")]

    operations = [migrations.RunPython(_run(SQLITE), _run(SQLITE_REVERSE))]
