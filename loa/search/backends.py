"""Full-text candidates from SQLite FTS5 or PostgreSQL tsvector, over the folded columns.

Both index the same folded words (loa.search.text) and answer the same
question: which documents contain every query word (the last one possibly as a
prefix), filtered by kind, section and date. Their own rank (bm25 / ts_rank)
only chooses which candidates reach the shared Python ranking, so both
backends return the same results wherever the candidates fit in the pool.

Queries are built from words that contain only letters and digits, and passed
as parameters: FTS and SQL syntax typed by a reader ("a OR", ``NEAR(``, ``*``,
quotes) never reaches the parser as syntax.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection, connections, router


def _read_cursor():
    """A cursor where the router sends reads: a replica when one is configured (loa.core.db_router)."""
    from .models import SearchDocument

    return connections[router.db_for_read(SearchDocument)].cursor()


TABLE = "loa_search_searchdocument"
FTS_TABLE = "loa_search_fts"
TITLES_TABLE = "loa_search_titles"  # SQLite: titles alone, with prefix indexes, for suggestions (migration 0004)
#: PostgreSQL: the title's own tsvector; the same expression as the GIN index of migration 0005.
TITLE_VECTOR = "to_tsvector('simple'::regconfig, regexp_replace(d.title_folded, '[^[:alnum:]]+', ' ', 'g'))"
NEWEST_INDEX = "loa_search_newest"  # SQLite: (published_at, page_id), walked for "newest first" (migration 0004)


@dataclass
class Filters:
    kinds: tuple[str, ...] = ()
    path_prefix: str | None = None
    date_from: dt.datetime | None = None
    date_to: dt.datetime | None = None

    def sql(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.kinds:
            clauses.append(f"d.kind IN ({', '.join(['%s'] * len(self.kinds))})")
            params.extend(self.kinds)
        if self.path_prefix:
            clauses.append("d.path LIKE %s")
            params.append(self.path_prefix.replace("%", "").replace("_", "") + "%")
        if self.date_from:
            clauses.append("d.published_at >= %s")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("d.published_at < %s")
            params.append(self.date_to)
        return "".join(f" AND {clause}" for clause in clauses), params


MAX_COUNT = 10_000
RANK_WINDOW = 1_000
PG_RANK_WINDOW = 500  # each row read costs PostgreSQL a detoasted tsvector


@dataclass
class Candidates:
    ids: list[int] = field(default_factory=list)
    total: int = 0
    capped: bool = False  # more than MAX_COUNT matches
    phrase_ids: list[int] | None = None  # newest side-by-side matches, when the backend found them in passing


class Backend:
    def match(self, terms: list[str], prefix_last: bool) -> str:
        raise NotImplementedError

    def phrase_match(self, terms: list[str]) -> str:
        raise NotImplementedError

    def from_clause(self, title_only: bool = False) -> str:
        raise NotImplementedError

    def rank_value(self, title_only: bool = False) -> str:
        raise NotImplementedError

    def count_clause(self) -> str:
        return self.from_clause()

    def newest_query(self, where: str, title_only: bool) -> str:
        """Every match, newest first (the caller adds LIMIT/OFFSET); parameters: match, then filters."""
        raise NotImplementedError

    def window_order(self) -> str:
        """The cheapest "newest matches first" order: page ids grow with time."""
        return "d.page_id DESC"

    rank_direction = "DESC"

    def candidates(
        self,
        terms: list[str],
        filters: Filters,
        *,
        limit: int,
        offset: int = 0,
        newest: bool = False,
        prefix_last: bool = False,
        title_only: bool = False,
        phrase: bool = False,
        count: bool = True,
    ) -> Candidates:
        """Documents holding every term (or, with ``phrase``, the terms side by side).

        Ranked by the database's own score within the newest RANK_WINDOW matches: a
        word such as "phường" is in most articles, and scoring all of them costs a
        second at 100,000 articles where the newest 1,000 cost milliseconds. Counting
        stops at MAX_COUNT ("more than 10,000"). ``count=False`` skips counting, for a
        second, narrower pool.
        """
        if not terms:
            return Candidates()
        where, params = filters.sql()
        match = self.phrase_match(terms) if phrase else self.match(terms, prefix_last)
        base = f"{self.from_clause(title_only)} {where}"
        with _read_cursor() as cursor:
            total, capped = 0, False
            if count:
                # Without filters the full-text index alone can count, without visiting the documents.
                counted = self.count_clause() if not params else base
                cursor.execute(
                    f"SELECT COUNT(*) FROM (SELECT 1 {counted} LIMIT {MAX_COUNT + 1}) matches", [match, *params]
                )
                total = cursor.fetchone()[0]
                capped, total = total > MAX_COUNT, min(total, MAX_COUNT)
                if not total:
                    return Candidates()
            if newest:
                cursor.execute(
                    f"{self.newest_query(where, title_only)} LIMIT %s OFFSET %s", [match, *params, limit, offset]
                )
            elif phrase:
                # A phrase pool is small and exact: its newest matches, no scoring needed.
                cursor.execute(
                    f"SELECT d.page_id {base} ORDER BY {self.window_order()} LIMIT %s OFFSET %s",
                    [match, *params, limit, offset],
                )
            else:
                rank_params = [match] if self.rank_needs_match else []
                cursor.execute(
                    f"SELECT page_id FROM (SELECT d.page_id AS page_id, d.published_at AS published_at, "
                    f"{self.rank_value(title_only)} AS score {base} "
                    f"ORDER BY {self.window_order()} LIMIT {RANK_WINDOW}) window_ "
                    f"ORDER BY score {self.rank_direction}, published_at DESC LIMIT %s OFFSET %s",
                    [*rank_params, match, *params, limit, offset],
                )
            ids = [row[0] for row in cursor.fetchall()]
        return Candidates(ids=ids, total=total, capped=capped)

    rank_needs_match = False


class SQLiteBackend(Backend):
    """FTS5 over the folded columns, kept in step by triggers (migration 0002)."""

    def match(self, terms: list[str], prefix_last: bool) -> str:
        quoted = [f'"{term}"' for term in terms]
        if prefix_last:
            quoted[-1] += "*"
        return " ".join(quoted)  # suggestions match the titles table instead (from_clause)

    def phrase_match(self, terms: list[str]) -> str:
        return '"' + " ".join(terms) + '"'

    def from_clause(self, title_only: bool = False) -> str:
        # Suggestions match a prefix of the last word ("chuyen d"): on the main table FTS5 merges
        # the lists of every word starting with "d" in every body (a third of a second at 100,000
        # articles); the titles table has prefix indexes and holds titles alone (about 15 ms).
        table = TITLES_TABLE if title_only else FTS_TABLE
        return f"FROM {table} f JOIN {TABLE} d ON d.page_id = f.rowid WHERE {table} MATCH %s"

    rank_direction = "ASC"  # bm25: lower is better

    def rank_value(self, title_only: bool = False) -> str:
        if title_only:
            return f"bm25({TITLES_TABLE})"
        # Title matches weigh ten times body matches; tags and section name in between.
        return f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0)"

    def newest_query(self, where: str, title_only: bool) -> str:
        """Walk the date index from the newest and keep the matches, instead of sorting them all.

        Sorting joins every match to its document (rows of several KB): 100 ms for "phường"
        at 100,000 articles on a quiet machine; the index walk stops at the tenth match,
        about ten times faster, and a rare word's short list is checked as a set. SQLite's
        planner cannot know how many rows a MATCH returns, so the index is named.
        """
        table = TITLES_TABLE if title_only else FTS_TABLE
        return (
            f"SELECT d.page_id FROM {TABLE} d INDEXED BY {NEWEST_INDEX} "
            f"WHERE d.page_id IN (SELECT rowid FROM {table} WHERE {table} MATCH %s) {where} "
            "ORDER BY d.published_at DESC, d.page_id DESC"
        )

    def window_order(self) -> str:
        return "f.rowid DESC"  # the order FTS5 walks its index in: no sort

    def count_clause(self) -> str:
        return f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"


class PostgresBackend(Backend):
    """A generated, GIN-indexed tsvector over the folded columns (migration 0002), 'simple' configuration."""

    rank_needs_match = True

    def match(self, terms: list[str], prefix_last: bool) -> str:
        parts = list(terms)
        if prefix_last:
            parts[-1] = f"{terms[-1]}:*"
        return " & ".join(parts)

    def phrase_match(self, terms: list[str]) -> str:
        return " <-> ".join(terms)

    def from_clause(self, title_only: bool = False) -> str:
        return f"FROM {TABLE} d WHERE {self.vector(title_only)} @@ to_tsquery('simple', %s)"

    def rank_value(self, title_only: bool = False) -> str:
        return f"ts_rank({self.vector(title_only)}, to_tsquery('simple', %s))"

    @staticmethod
    def vector(title_only: bool) -> str:
        """The whole document's vector, or (suggestions) the title's own, GIN-indexed by migration 0005.

        Matching a prefix against the whole vector and ranking it reads every candidate's
        detoasted body vector: 700 ms at p95 for a short prefix at 100,000 articles.
        """
        return TITLE_VECTOR if title_only else "d.vector"

    def candidates(
        self,
        terms: list[str],
        filters: Filters,
        *,
        limit: int,
        offset: int = 0,
        newest: bool = False,
        prefix_last: bool = False,
        title_only: bool = False,
        phrase: bool = False,
        count: bool = True,
    ) -> Candidates:
        """One query: the newest RANK_WINDOW + 1 matches with their ts_rank, ordered here.

        Counting every match costs PostgreSQL a detoasted tsvector per row (the planner
        picks a sequential scan: half a second for "phường" at 100,000 articles), so the
        count is that of the window: up to 500, then "more than 500".
        """
        if not terms:
            return Candidates()
        where, params = filters.sql()
        match = self.phrase_match(terms) if phrase else self.match(terms, prefix_last)
        window = PG_RANK_WINDOW if count or not phrase else limit
        # The side-by-side test rides along on the rows already read (a query of its own scans
        # backwards through the table for a rare phrase).
        side_by_side = len(terms) > 1 and not phrase
        phrase_test = f"{self.vector(title_only)} @@ to_tsquery('simple', %s)" if side_by_side else "false"
        phrase_params = [self.phrase_match(terms)] if phrase_test != "false" else []
        with _read_cursor() as cursor:
            cursor.execute(
                f"SELECT d.page_id, d.published_at, {self.rank_value()}, {phrase_test} {self.from_clause()} {where} "
                f"ORDER BY d.page_id DESC LIMIT {window + 1}",
                [match, *phrase_params, match, *params],
            )
            rows = cursor.fetchall()
        capped = len(rows) > window
        rows = rows[:window]
        if newest or phrase:
            rows.sort(key=lambda row: row[1], reverse=True)
        else:
            rows.sort(key=lambda row: (row[2], row[1]), reverse=True)
        ids = [row[0] for row in rows[offset : offset + limit]]
        phrase_ids = [row[0] for row in sorted(rows, key=lambda row: row[1], reverse=True) if row[3]]
        return Candidates(ids=ids, total=len(rows) if count else 0, capped=capped, phrase_ids=phrase_ids)


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
