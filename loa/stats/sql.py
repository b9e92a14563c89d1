"""Atomic 'add N to a counter row, creating it if missing' for SQLite and PostgreSQL.

Django's ORM offers `update(count=F(...) + 1)` (which cannot create the row) and
`bulk_create(update_conflicts=True)` (which overwrites instead of adding). One
`INSERT ... ON CONFLICT DO UPDATE SET count = count + excluded.count` does both in
a single statement, which both databases execute atomically; so it is written here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connections, models


def _upsert(model, key_columns: Sequence[str], value_column: str, rows: list[tuple], using: str, *, add: bool) -> None:
    connection = connections[using]
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    value = qn(value_column)
    columns = [*key_columns, value_column]
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    new_value = f"{table}.{value} + EXCLUDED.{value}" if add else f"EXCLUDED.{value}"
    # Chunks keep the statement under SQLite's variable limit.
    chunk_size = max(1, 900 // len(columns))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk_size):
            chunk = rows[start : start + chunk_size]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(qn(c) for c in columns)}) "
                f"VALUES {', '.join([placeholders] * len(chunk))} "
                f"ON CONFLICT ({', '.join(qn(c) for c in key_columns)}) DO UPDATE SET {value} = {new_value}",
                [item for row in chunk for item in row],
            )


def increment_rows(
    model: type[models.Model],
    key_columns: Sequence[str],
    rows: Iterable[tuple],
    *,
    using: str = "default",
    count_column: str = "count",
) -> None:
    """Add each row's last value to `count_column` of the row identified by the other values."""
    _upsert(model, key_columns, count_column, list(rows), using, add=True)


def upsert_rows(
    model: type[models.Model],
    key_columns: Sequence[str],
    value_column: str,
    rows: Iterable[tuple],
    *,
    using: str = "default",
) -> None:
    """Set `value_column` of each keyed row, creating rows as needed."""
    _upsert(model, key_columns, value_column, list(rows), using, add=False)
