"""Atomic 'add N to a counter row, creating it if missing' for SQLite and PostgreSQL.

Django's ORM offers `update(count=F(...) + 1)` (which cannot create the row) and
`bulk_create(update_conflicts=True)` (which overwrites instead of adding). One
`INSERT ... ON CONFLICT DO UPDATE SET count = count + excluded.count` does both in
a single statement, which both databases execute atomically; so it is written here,
with its siblings: set, raise to at least, and insert-if-new (which says whether it did).

The beacon writes several of these per hit in one transaction: each function takes the
transaction's `cursor` when given, and statements are built once per shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.db import connections, models

# Chunks keep a statement under SQLite's variable limit.
MAX_VARIABLES = 900


@lru_cache(maxsize=1024)
def _statement(
    quote_name,
    table: str,
    key_columns: tuple[str, ...],
    value_column: str | None,
    mode: str,
    rows: int,
    returning: bool,
) -> str:
    qn = quote_name
    table = qn(table)
    columns = [*key_columns, *([value_column] if value_column else [])]
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    if value_column is None:
        on_conflict = "DO NOTHING"
    else:
        value = qn(value_column)
        new_value = {
            "add": f"{table}.{value} + EXCLUDED.{value}",
            "set": f"EXCLUDED.{value}",
            "raise": f"CASE WHEN EXCLUDED.{value} > {table}.{value} THEN EXCLUDED.{value} ELSE {table}.{value} END",
        }[mode]
        on_conflict = f"DO UPDATE SET {value} = {new_value}"
    return (
        f"INSERT INTO {table} ({', '.join(qn(c) for c in columns)}) "
        f"VALUES {', '.join([placeholders] * rows)} "
        f"ON CONFLICT ({', '.join(qn(c) for c in key_columns)}) {on_conflict}"
        + (f" RETURNING {qn(value_column)}" if returning else "")
    )


def _upsert(
    model,
    key_columns: Sequence[str],
    value_column: str | None,
    rows: list[tuple],
    using: str,
    *,
    mode: str,
    cursor=None,
    returning: bool = False,
):
    """One INSERT … ON CONFLICT per chunk of rows; the rows inserted or changed, or the RETURNING values."""
    if cursor is None:
        with connections[using].cursor() as own_cursor:
            return _upsert(
                model, key_columns, value_column, rows, using, mode=mode, cursor=own_cursor, returning=returning
            )
    quote_name = cursor.db.ops.quote_name  # the cursor's connection: no second look-up of it
    width = len(key_columns) + (1 if value_column else 0)
    chunk_size = max(1, MAX_VARIABLES // width)
    changed = 0
    returned = []
    for start in range(0, len(rows), chunk_size):
        chunk = rows[start : start + chunk_size]
        sql = _statement(
            quote_name, model._meta.db_table, tuple(key_columns), value_column, mode, len(chunk), returning
        )
        cursor.execute(sql, [item for row in chunk for item in row])
        if returning:
            returned.extend(row[0] for row in cursor.fetchall())
        else:
            changed += max(cursor.rowcount, 0)
    return returned if returning else changed


def increment_rows(
    model: type[models.Model],
    key_columns: Sequence[str],
    rows: Iterable[tuple],
    *,
    using: str = "default",
    count_column: str = "count",
    cursor=None,
) -> None:
    """Add each row's last value to `count_column` of the row identified by the other values."""
    _upsert(model, key_columns, count_column, list(rows), using, mode="add", cursor=cursor)


def increment_row_returning(
    model: type[models.Model],
    key_columns: Sequence[str],
    row: tuple,
    *,
    using: str = "default",
    count_column: str = "count",
    cursor=None,
) -> int:
    """`increment_rows` for one row, answering the row's new count (RETURNING: no second query to read it)."""
    return _upsert(model, key_columns, count_column, [row], using, mode="add", cursor=cursor, returning=True)[0]


def upsert_rows(
    model: type[models.Model],
    key_columns: Sequence[str],
    value_column: str,
    rows: Iterable[tuple],
    *,
    using: str = "default",
    cursor=None,
) -> None:
    """Set `value_column` of each keyed row, creating rows as needed."""
    _upsert(model, key_columns, value_column, list(rows), using, mode="set", cursor=cursor)


def raise_rows(
    model: type[models.Model],
    key_columns: Sequence[str],
    value_column: str,
    rows: Iterable[tuple],
    *,
    using: str = "default",
    cursor=None,
) -> None:
    """Set `value_column` of each keyed row to the row's value where that is larger (never lower it)."""
    _upsert(model, key_columns, value_column, list(rows), using, mode="raise", cursor=cursor)


def insert_new_rows(
    model: type[models.Model], key_columns: Sequence[str], rows: Iterable[tuple], *, using: str = "default", cursor=None
) -> int:
    """Insert the rows that do not exist yet; returns how many were new."""
    return _upsert(model, key_columns, None, list(rows), using, mode="nothing", cursor=cursor)
