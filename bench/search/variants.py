"""Bench-only variants of Loa's search, measured beside the real thing.

Nothing here changes loa/search. Each variant runs Loa's own `search()` or `suggest()` with
one thing changed from the outside, on the same database and query mix, interleaved with the
unchanged call so both see the same machine:

- knobs: the module constants of loa.search.query and loa.search.backends that size the work
  (POOL and PHRASE_POOL, the candidates ranked in Python; RANK_WINDOW, the matches the
  database scores; MAX_COUNT, where counting stops), halved and doubled, or set to "no limit";
  only the constants the code defines are tried, so the bench follows the code as it changes;
- rewritten statements (a Django execute wrapper changes the SQL on its way to the database):
  the newest-first path ordered by page id instead of sorted by date, and the title-only
  statements of `suggest()` pointed at an index built for the bench beside Loa's (SQLite: a
  copy of its FTS5 table with prefix indexes; PostgreSQL: a GIN expression index over the
  title's own tsvector).

For each variant: p50/p95 of the unchanged call and of the variant, and how many queries'
first page (the ten page ids in order, or the suggested URLs) differs, so a faster variant
that answers differently says so. A variant whose rewrite never matched the SQL Loa sends is
reported as not applicable, never measured.
"""

from __future__ import annotations

import contextlib
import re
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

FTS = "loa_search_fts"
TABLE = "loa_search_searchdocument"
PREFIX_TABLE = "bench_fts_prefix"  # SQLite: a copy of loa's FTS5 table with prefix indexes
TITLE_PREFIX_TABLE = "bench_title_prefix"  # SQLite: titles alone, with prefix indexes
TITLE_INDEX = "bench_title_vector"  # PostgreSQL: a GIN index over the title's own tsvector
TITLE_EXPRESSION = "to_tsvector('simple', regexp_replace(title_folded, '[^[:alnum:]]+', ' ', 'g'))"
UNLIMITED = 10**9


@dataclass
class Rewrite:
    """Change a full-text statement (text and parameters) on its way to the database.

    ``settings`` are planner settings (PostgreSQL) set just before the statement and reset
    just after it, to see what another plan would cost.
    """

    change: Callable[[str, list], tuple[str, list] | None]
    settings: dict[str, str] = field(default_factory=dict)
    used: int = 0

    def apply(self, sql: str, params: Any) -> tuple[str, list] | None:
        changed = self.change(sql, list(params or []))
        if changed is not None:
            self.used += 1
        return changed


@dataclass
class Variant:
    label: str
    note: str
    rewrites: list[Rewrite] = field(default_factory=list)
    knobs: dict[tuple[str, str], int] = field(default_factory=dict)  # (module, name) → value
    setup: Callable[[], float] | None = None  # builds what the variant needs; returns seconds
    size: Callable[[], str] | None = None  # what it costs on disk, once built


# --- Knobs ---------------------------------------------------------------------------------------

KNOBS = (  # (module, constant, what it sizes)
    ("loa.search.query", "POOL", "candidates ranked in Python"),
    ("loa.search.query", "PHRASE_POOL", "phrase candidates added to the pool"),
    ("loa.search.query", "SCORED_CHARS", "characters of each text the Python ranking reads"),
    ("loa.search.backends", "RANK_WINDOW", "newest matches the database scores"),
    ("loa.search.backends", "PG_RANK_WINDOW", "newest matches PostgreSQL scores"),
    ("loa.search.backends", "MAX_COUNT", "matches counted before 'more than'"),
)


def _vendor() -> str:
    from django.db import connection

    return connection.vendor


def knob_variants() -> list[Variant]:
    import importlib

    present = {}
    for module_name, name, meaning in KNOBS:
        module = importlib.import_module(module_name)
        if isinstance(getattr(module, name, None), int):
            present[(module_name, name)] = (getattr(module, name), meaning)
    variants = []
    pools = {key: value for key, (value, _m) in present.items() if key[1] in ("POOL", "PHRASE_POOL")}
    if pools:
        current = ", ".join(f"{key[1]} {value}" for key, value in pools.items())
        for factor, word in ((0.5, "half"), (2.0, "twice")):
            knobs = {key: max(4, int(value * factor)) for key, value in pools.items()}
            variants.append(
                Variant(
                    "pool: " + ", ".join(f"{key[1]} {value}" for key, value in knobs.items()),
                    f"{word} as many candidates ranked in Python (loa: {current})",
                    knobs=knobs,
                )
            )
    vendor_window = "PG_RANK_WINDOW" if _vendor() == "postgresql" else "RANK_WINDOW"
    for key, (value, meaning) in present.items():
        if key[1] == "SCORED_CHARS":
            variants.append(
                Variant(
                    "SCORED_CHARS unlimited",
                    f"the Python ranking reads whole texts (loa: {value:,})",
                    knobs={key: UNLIMITED},
                )
            )
        if key[1] == vendor_window or (
            key[1] == "RANK_WINDOW" and ("loa.search.backends", vendor_window) not in present
        ):
            for factor in (0.25, 4):
                variants.append(
                    Variant(
                        f"{key[1]} {int(value * factor):,}",
                        f"{meaning}: loa {value:,}",
                        knobs={key: int(value * factor)},
                    )
                )
            variants.append(
                Variant(
                    f"{key[1]} unlimited",
                    "the database scores every match, as loa did before it had a window",
                    knobs={key: UNLIMITED},
                )
            )
        if key[1] == "MAX_COUNT":
            variants.append(
                Variant(
                    f"MAX_COUNT {value // 10:,}",
                    f"'more than {value // 10:,}' sooner (loa stops counting at {value:,})",
                    knobs={key: value // 10},
                )
            )
            variants.append(
                Variant(
                    "MAX_COUNT unlimited",
                    f"the exact total of every match (loa stops at {value:,})",
                    knobs={key: UNLIMITED},
                )
            )
    return variants


# --- Suggestion indexes --------------------------------------------------------------------------


def _title_only_sqlite(params: list) -> bool:
    return bool(params) and isinstance(params[0], str) and params[0].startswith("title_folded :")


def _sqlite_prefix_table(sql: str, params: list) -> tuple[str, list] | None:
    """The same statement on a copy of loa's FTS5 table that has prefix indexes: same columns, same bm25."""
    if FTS not in sql or not _title_only_sqlite(params):
        return None
    return sql.replace(FTS, PREFIX_TABLE), params


def _sqlite_title_prefix_table(sql: str, params: list) -> tuple[str, list] | None:
    """The statement on a one-column table of titles (also named title_folded: the column filter still reads)."""
    if FTS not in sql or not _title_only_sqlite(params):
        return None
    sql = re.sub(rf"bm25\({FTS}[^)]*\)", f"bm25({TITLE_PREFIX_TABLE})", sql)
    return sql.replace(FTS, TITLE_PREFIX_TABLE), params


def _postgres_title_vector(sql: str, params: list) -> tuple[str, list] | None:
    """'chuyen:A & d:*A' (weight A is the title in loa's vector) → 'chuyen & d:*' over the title alone."""
    titled = [p for p in params if isinstance(p, str) and re.search(r":\*?A\b", p)]
    if "d.vector" not in sql or not titled:
        return None
    unweighted = [
        re.sub(r":(\*?)A\b", lambda m: ":*" if m.group(1) else "", p) if isinstance(p, str) else p for p in params
    ]
    return sql.replace("d.vector", TITLE_EXPRESSION.replace("title_folded", "d.title_folded")), unweighted


def _is_full_text(sql: str, params: list) -> tuple[str, list] | None:
    return (sql, params) if "to_tsquery(" in sql else None


GIN_ONLY = {"enable_seqscan": "off", "enable_indexscan": "off"}  # leaves bitmap scans of the GIN index


NARROW = "bench_vectors"  # PostgreSQL: page_id, published_at and vector alone, the vector stored in line


def _build_narrow() -> float:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {NARROW}")
        cursor.execute(
            f"CREATE TABLE {NARROW} (page_id integer PRIMARY KEY, published_at timestamptz NOT NULL, "
            "vector tsvector NOT NULL)"
        )
        # PLAIN: never compressed, never moved to the TOAST table (a vector of a 400-word article fits a page).
        cursor.execute(f"ALTER TABLE {NARROW} ALTER COLUMN vector SET STORAGE PLAIN")
        cursor.execute(f"INSERT INTO {NARROW} SELECT page_id, published_at, vector FROM {TABLE}")
        cursor.execute(f"CREATE INDEX {NARROW}_vector ON {NARROW} USING GIN (vector)")
        cursor.execute(f"VACUUM ANALYZE {NARROW}")
    return time.perf_counter() - started


def _ensure_narrow() -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [NARROW])
        if cursor.fetchone()[0]:
            return 0.0
    return _build_narrow()


def _narrow_size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_total_relation_size('{NARROW}'), pg_total_relation_size('{TABLE}')")
        narrow, documents = cursor.fetchone()
    return f"{NARROW} {narrow / 2**20:,.0f} MiB with its indexes, beside {TABLE} {documents / 2**20:,.0f} MiB"


def _on_narrow(sql: str, params: list) -> tuple[str, list] | None:
    if "to_tsquery(" not in sql or f"FROM {TABLE} d" not in sql:
        return None
    return sql.replace(f"FROM {TABLE} d", f"FROM {NARROW} d"), params


def narrow_variant() -> Variant:
    return Variant(
        "vectors in a narrow table, stored in line (PLAIN)",
        f"loa's full-text statements on {NARROW}(page_id, published_at, vector STORAGE PLAIN), a copy built for "
        "the bench: testing a row no longer fetches and decompresses a TOASTed tsvector; same answers",
        [Rewrite(_on_narrow)],
        setup=_build_narrow,
        size=_narrow_size,
    )


def plan_variants(vendor: str) -> list[Variant]:
    """PostgreSQL only: where the time of the full-text statements goes (plan choice, TOAST)."""
    if vendor != "postgresql":
        return []
    return [
        Variant(
            "count and candidates through the GIN index",
            "every full-text statement with sequential and plain index scans off (bitmap scans of the GIN index "
            "only), instead of walking the primary key backwards and testing each row",
            [Rewrite(_is_full_text, settings=GIN_ONLY)],
        ),
        narrow_variant(),
    ]


NEWEST_ORDER = "ORDER BY d.published_at DESC, d.page_id DESC"


def newest_variants(vendor: str) -> list[Variant]:
    """Options(newest=True) sorts every match by date; the full-text index can give them newest first."""
    order = "f.rowid DESC" if vendor == "sqlite" else "d.page_id DESC"

    def by_id(sql: str, params: list) -> tuple[str, list] | None:
        if NEWEST_ORDER not in sql:
            return None
        return sql.replace(NEWEST_ORDER, f"ORDER BY {order}"), params

    if vendor == "sqlite":
        return [
            Variant(
                f"newest first: ORDER BY {order}",
                "reading the FTS5 index backwards (rowid order) instead of sorting every match by date: same "
                "answers while page ids follow publication dates (they do here, and mostly on a portal; not for "
                "back-dated articles)",
                [Rewrite(by_id)],
            )
        ]
    variants = []
    if vendor == "postgresql":
        variants.append(
            Variant(
                "newest first through the GIN index",
                "loa's newest-first statements with sequential and plain index scans off: a bitmap scan of "
                "the GIN index, then a sort by date",
                [Rewrite(_is_full_text, settings=GIN_ONLY)],
            )
        )
    return variants


def suggest_variants(vendor: str) -> list[Variant]:
    from django.db import connection

    if vendor == "sqlite":

        def builder(table: str, columns: str) -> Callable[[], float]:
            def build() -> float:
                started = time.perf_counter()
                with connection.cursor() as cursor:
                    cursor.execute(f"DROP TABLE IF EXISTS {table}")
                    cursor.execute(
                        f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, content='{TABLE}', "
                        "content_rowid='page_id', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')"
                    )
                    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
                return time.perf_counter() - started

            return build

        return [
            Variant(
                "suggest: loa's FTS5 index with prefix indexes",
                "the same fts5 table plus prefix='1 2 3' (a copy built for the bench, "
                f"{PREFIX_TABLE}): a prefix no longer merges every word it starts",
                [Rewrite(_sqlite_prefix_table)],
                setup=builder(PREFIX_TABLE, "title_folded, keywords_folded, body_folded"),
                size=lambda: _sqlite_sizes((PREFIX_TABLE, FTS)),
            ),
            Variant(
                "suggest: titles alone in an FTS5 table, prefix indexes",
                f"fts5(title_folded, prefix='1 2 3') ({TITLE_PREFIX_TABLE}, built for the bench): small, but bm25 "
                "then weighs titles among titles, so the pool of candidates changes",
                [Rewrite(_sqlite_title_prefix_table)],
                setup=builder(TITLE_PREFIX_TABLE, "title_folded"),
                size=lambda: _sqlite_sizes((TITLE_PREFIX_TABLE, FTS)),
            ),
        ]

    def build_index() -> float:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {TITLE_INDEX}")
            cursor.execute(f"CREATE INDEX {TITLE_INDEX} ON {TABLE} USING GIN ({TITLE_EXPRESSION})")
            cursor.execute(f"ANALYZE {TABLE}")
        return time.perf_counter() - started

    return [
        Variant(
            "suggest: GIN index on the title's own tsvector",
            f"an expression index beside loa's ({TITLE_INDEX}, built for the bench): prefixes and ts_rank read "
            "titles, not whole-article vectors",
            [Rewrite(_postgres_title_vector)],
            setup=build_index,
            size=_postgres_index_size,
        ),
        Variant(
            "suggest: vectors in a narrow table, stored in line",
            f"the title-weighted prefix statements on {NARROW} (see above): a weight test reads an uncompressed "
            "in-line vector",
            [Rewrite(_on_narrow)],
            setup=_ensure_narrow,
        ),
    ]


def _sqlite_sizes(prefixes: tuple[str, ...]) -> str:
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")
            tables = dict(cursor.fetchall())
    except Exception:  # dbstat is an optional feature of SQLite
        return ""
    sizes = [sum(size for name, size in tables.items() if name.startswith(prefix)) for prefix in prefixes]
    return ", ".join(f"{prefix} {size / 2**20:,.0f} MiB" for prefix, size in zip(prefixes, sizes, strict=True))


def _postgres_index_size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size(%s), pg_relation_size('loa_search_vector')", [TITLE_INDEX])
        title, vector = cursor.fetchone()
    return f"{TITLE_INDEX} {title / 2**20:,.0f} MiB, loa_search_vector {vector / 2**20:,.0f} MiB"


# --- Running ------------------------------------------------------------------------------------


@contextlib.contextmanager
def applied(variant: Variant) -> Iterator[None]:
    import importlib

    from django.db import connection

    def execute(run: Callable, sql: str, params: Any, many: bool, context: dict) -> Any:
        for rewrite in variant.rewrites:
            changed = rewrite.apply(sql, params)
            if changed is None:
                continue
            if not rewrite.settings:
                return run(changed[0], changed[1], many, context)
            # On a cursor of its own: the statement's cursor must keep its rows for the caller.
            raw = context["connection"].connection
            with raw.cursor() as side:
                for name, value in rewrite.settings.items():
                    side.execute(f"SET {name} = {value}")
            try:
                return run(changed[0], changed[1], many, context)
            finally:
                with raw.cursor() as side:
                    for name in rewrite.settings:
                        side.execute(f"RESET {name}")
        return run(sql, params, many, context)

    saved = {}
    try:
        for (module_name, name), value in variant.knobs.items():
            module = importlib.import_module(module_name)
            saved[(module, name)] = getattr(module, name)
            setattr(module, name, value)
        with connection.execute_wrapper(execute):
            yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, int(round(fraction * len(ordered))) - 1))]


def compare(variant: Variant, call: Callable[[str], list], texts: list[str], reps: int) -> dict:
    """The unchanged call and the variant, interleaved, `reps` times each per query after a warm-up."""
    baseline: dict[str, list[float]] = {text: [] for text in texts}
    changed: dict[str, list[float]] = {text: [] for text in texts}
    setup_seconds = variant.setup() if variant.setup else None
    differs = []
    for text in texts:  # warm-up, and the answers compared
        expected = call(text)
        with applied(variant):
            answer = call(text)
        if answer != expected:
            differs.append(text)
    if variant.rewrites and not any(rewrite.used for rewrite in variant.rewrites):
        return {"label": variant.label, "note": variant.note, "applicable": False}
    for round_number in range(reps):
        for text in texts:
            for variant_turn in (True, False) if round_number % 2 == 0 else (False, True):
                started = time.perf_counter()
                if variant_turn:
                    with applied(variant):
                        call(text)
                    changed[text].append((time.perf_counter() - started) * 1000)
                else:
                    call(text)
                    baseline[text].append((time.perf_counter() - started) * 1000)

    def figures(samples: dict[str, list[float]]) -> dict:
        every = [ms for values in samples.values() for ms in values]
        return {"p50": round(statistics.median(every), 3), "p95": round(percentile(every, 0.95), 3)}

    return {
        "label": variant.label,
        "note": variant.note,
        "applicable": True,
        "baseline": figures(baseline),
        "variant": figures(changed),
        "differs": differs,
        "setup_seconds": round(setup_seconds, 2) if setup_seconds is not None else None,
        "size": variant.size() if variant.size else "",
        "per_query": {
            text: {
                "baseline": round(statistics.median(baseline[text]), 3),
                "variant": round(statistics.median(changed[text]), 3),
            }
            for text in texts
        },
    }


def plans(texts: list[str]) -> dict:
    """The database's plans for Loa's full-text statements, for the query with the most matches."""
    from django.db import connection

    from loa.search import query

    best, most = "", -1
    for text in texts:
        total = query.search(text, query.Options(limit=1)).total
        if total > most:
            best, most = text, total
    captured: list[tuple[str, list]] = []

    def capture(run: Callable, sql: str, params: Any, many: bool, context: dict) -> Any:
        if "MATCH %s" in sql or "to_tsquery(" in sql:
            captured.append((sql, list(params or [])))
        return run(sql, params, many, context)

    with connection.execute_wrapper(capture):
        query.search(best, query.Options(limit=10))
    found = []
    with connection.cursor() as cursor:
        for sql, params in captured:
            if connection.vendor == "sqlite":
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            else:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            found.append({"sql": " ".join(sql.split()), "plan": plan})
    return {"query": best, "matches": most, "statements": found}


def measure_variants(texts: list[str], result: dict, reps: int) -> dict:
    from django.db import connection

    from bench.search.queries import SUGGESTIONS
    from loa.search import query

    def search(text: str) -> list:
        return query.search(text, query.Options(limit=10)).page_ids

    def suggest(text: str) -> list:
        return [item["url"] for item in query.suggest(text)]

    def newest(text: str) -> list:
        return query.search(text, query.Options(limit=10, newest=True)).page_ids

    found: dict[str, Any] = {"search": [], "suggest": []}
    for variant in [*knob_variants(), *plan_variants(connection.vendor)]:
        found["search"].append(compare(variant, search, texts, reps))
    for variant in newest_variants(connection.vendor):
        found["search"].append(compare(variant, newest, texts, reps))
    prefixes = [q.text for q in SUGGESTIONS]
    for variant in suggest_variants(connection.vendor):
        found["suggest"].append(compare(variant, suggest, prefixes, reps))
    try:
        found["plans"] = plans(texts)
    except Exception as error:  # the plans help read the figures; they are not figures
        found["plans"] = {"query": "", "matches": 0, "statements": [], "error": str(error)}
    return found


def report(variants: dict, verbose: bool = True) -> list[str]:
    if not variants:
        return []
    lines = ["", "variants measured in the bench only (loa/search unchanged), interleaved with loa's own call:"]
    lines.append(f"   {'variant':<58}{'loa p50':>9}{'p95':>9}{'variant p50':>13}{'p95':>9}{'answers differ':>16}")
    missing = []
    for group in ("search", "suggest"):
        for item in variants.get(group, []):
            if not item["applicable"]:
                missing.append(item["label"])
                continue
            base, var = item["baseline"], item["variant"]
            lines.append(
                f"   {item['label'][:57]:<58}{base['p50']:>9.1f}{base['p95']:>9.1f}{var['p50']:>13.1f}"
                f"{var['p95']:>9.1f}{len(item['differs']):>7} queries"
            )
            setup = f" (built in {item['setup_seconds']:.1f} s" if item.get("setup_seconds") is not None else ""
            setup += (f"; {item['size']})" if item.get("size") else ")") if setup else ""
            lines.append(f"      {item['note']}{setup}")
    if missing:
        lines.append(f"   not applicable to loa's current SQL (no statement matched): {'; '.join(missing)}")
    found = variants.get("plans") or {}
    if verbose and found.get("statements"):
        lines.append("")
        lines.append(f"   plans of loa's full-text statements for {found['query']!r} ({found['matches']:,} matches):")
        for statement in found["statements"]:
            lines.append(f"   - {statement['sql'][:150]}{'…' if len(statement['sql']) > 150 else ''}")
            lines.extend(f"        {line}" for line in statement["plan"].splitlines()[:12])
    return lines
