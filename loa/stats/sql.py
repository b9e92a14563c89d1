"""Atomic 'add N to a counter row, creating it if missing' for SQLite and PostgreSQL.

Django's ORM offers `update(count=F(...) + 1)` (which cannot create the row) and
`bulk_create(update_conflicts=True)` (which overwrites instead of adding). One
`INSERT ... ON CONFLICT DO UPDATE SET count = count + excluded.count` does both in
a single statement, which both databases execute atomically; so it is written here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connections, models


def increment_rows(
    model: type[models.Model],
    key_columns: Sequence[str],
    rows: Iterable[tuple],
    *,
    using: str = "default",
    count_column: str = "count",
) -> None:
    """Add each row's last value to `count_column` of the row identified by the other values."""
    rows = list(rows)
    if not rows:
        return
    connection = connections[using]
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = [*key_columns, count_column]
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    # Chunks keep the statement under SQLite's variable limit.
    chunk_size = max(1, 900 // len(columns))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk_size):
            chunk = rows[start : start + chunk_size]
            sql = (
                f"INSERT INTO {table} ({', '.join(qn(c) for c in columns)}) "
                f"VALUES {', '.join([placeholders] * len(chunk))} "
                f"ON CONFLICT ({', '.join(qn(c) for c in key_columns)}) "
                f"DO UPDATE SET {qn(count_column)} = {table}.{qn(count_column)} + EXCLUDED.{qn(count_column)}"
            )
            cursor.execute(sql, [value for row in chunk for value in row])


def upsert_rows(
    model: type[models.Model],
    key_columns: Sequence[str],
    value_column: str,
    rows: Iterable[tuple],
    *,
    using: str = "default",
) -> None:
    """Set `value_column` of each keyed row, creating rows as needed."""
    rows = list(rows)
    if not rows:
        return
    connection = connections[using]
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = [*key_columns, value_column]
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sql = (
        f"INSERT INTO {table} ({', '.join(qn(c) for c in columns)}) "
        f"VALUES {', '.join([placeholders] * len(rows))} "
        f"ON CONFLICT ({', '.join(qn(c) for c in key_columns)}) "
        f"DO UPDATE SET {qn(value_column)} = EXCLUDED.{qn(value_column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
