"""Benchmark of Loa's Vietnamese search against Wagtail's stock database search backend, same data.

Why: the issue asks for loa's search (loa/search: folded twin columns, FTS5 on SQLite, a GIN
tsvector on PostgreSQL, ranking in Python over a pool of candidates) to answer within
p95 ≤ 50 ms on both databases, at the scale of a portal with years of news. This script, in one
run and for each database,
  1. generates N Vietnamese articles reproducibly from a seed (corpus.py),
  2. builds a fresh schema with Django migrations (bench settings: Loa's plus a bench app with
     `BenchArticle(index.Indexed, models.Model)`), loads the articles into BenchArticle and
     indexes them with Wagtail's backend (`add_bulk`), and into Loa's SearchDocument (rows built
     as loa/search/index.py builds them, over lightweight wagtailcore Page rows), timing each part,
  3. runs a fixed query mix (queries.py) against both engines, interleaved, warm-up first, and
     prints p50/p95 latency, results, empty answers and the stock/loa ratios; Loa's search
     ordered by date (`Options(newest=True)`) and the suggestions are measured the same way,
  4. splits Loa's time into its phases (candidate SQL, fetching the pool, Python ranking,
     snippets, sections) and times a few variants of the slow parts, measured in the bench only,
and prints a summary table, also written to bench/out/search/results.txt (results.json holds
every figure).

Measurement only: nothing here asserts a time.

Run from the repository root:
  .venv/bin/python bench/search/run.py [--articles 100000] [--seed 7] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent
OUT = REPO / "bench" / "out" / "search"
PG_NAME = "loa_bench_search"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
SETTINGS_MODULE = "bench.search.settings"
AIM_P95_MS = 50.0
BATCH = 2000
# Environment that would point the bench at shared services; it always uses its own databases.
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "LOA_COUNTER_REDIS_URL", "SECRET_KEY", "DEBUG")

# Run as `python bench/search/run.py`: sys.path[0] is bench/search, whose modules (settings.py…)
# must not shadow anything; the repository root makes `loa` and `bench.search` importable.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def say(message: str) -> None:
    """Progress goes to stderr; stdout holds the report."""
    print(message, file=sys.stderr, flush=True)


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile, as bench/article_page.py computes it."""
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, int(round(fraction * len(ordered))) - 1))
    return ordered[index]


def fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def loa_search_fingerprint() -> str:
    """A short hash of loa/search's Python sources: figures are comparable only for the same code."""
    digest = hashlib.sha1()
    for path in sorted((REPO / "loa" / "search").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def revision() -> str:
    """The commit measured, read from .git without running git (figures are comparable per revision)."""
    git = REPO / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:10]
        ref = head[5:]
        if (git / ref).exists():
            return (git / ref).read_text().strip()[:10]
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:10]
    except OSError:
        pass
    return "unknown"


# =============================================================================================
# Worker: one database, in its own process (Django is configured once per process, and the
# stock backend chooses its SQLite or PostgreSQL models at import time).
# =============================================================================================


class Phases:
    """Exclusive time per labelled phase: a phase nested in another is not counted twice."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.stack: list[float] = []

    @contextlib.contextmanager
    def span(self, label: str) -> Iterator[None]:
        self.stack.append(0.0)
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            children = self.stack.pop()
            self.totals[label] += elapsed - children
            if self.stack:
                self.stack[-1] += elapsed

    def wrap(self, label: str, function: Callable) -> Callable:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.span(label):
                return function(*args, **kwargs)

        return timed


def sql_phase(sql: str) -> str | None:
    """The full-text statements of loa.search.backends (FTS5 MATCH or tsquery), told apart by their text."""
    if "MATCH %s" not in sql and "to_tsquery(" not in sql:
        return None
    return "SQL count" if sql.lstrip().startswith("SELECT COUNT(") else "SQL candidates"


PHASES = (
    "SQL count",
    "SQL candidates",
    "fetch pool",
    "score pool",
    "snippets",
    "sections+urls",
    "parse+other",
)


@contextlib.contextmanager
def profiled(phases: Phases) -> Iterator[None]:
    """Patch loa.search.query's helpers (looked up by name at each call) with timed wrappers."""
    from django.db import connection

    from loa.search import query

    patches = {
        "_documents": "fetch pool",
        "_hit": "score pool",  # with_html=False in the ranked path: the score, nothing else
        "_decorate": "snippets",
        "_add_sections": "sections+urls",
    }
    originals = {name: getattr(query, name) for name in patches}

    def execute(run: Callable, sql: str, params: Any, many: bool, context: dict) -> Any:
        label = sql_phase(sql)
        if label is None:
            return run(sql, params, many, context)
        with phases.span(label):
            return run(sql, params, many, context)

    try:
        for name, label in patches.items():
            setattr(query, name, phases.wrap(label, originals[name]))
        with connection.execute_wrapper(execute):
            yield
    finally:
        for name, function in originals.items():
            setattr(query, name, function)


def worker(args: argparse.Namespace) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    import django

    django.setup()
    from django.db import connection

    result: dict[str, Any] = {
        "vendor": connection.vendor,
        "articles": args.articles,
        "seed": args.seed,
        "stock_timeout": args.stock_timeout,
        "slow_ms": args.slow_ms,
    }
    result["database_version"] = database_version()
    from loa.search import query

    result["pool"] = {name: getattr(query, name) for name in ("POOL", "PHRASE_POOL") if hasattr(query, name)}
    result["loa_search"] = loa_search_fingerprint()  # the code this process imported, just now
    result["load"] = build(args, result)
    result["size"] = sizes()
    engines = Engines(args.stock_timeout)
    result["stock_config"] = engines.stock_config
    say(f"[{connection.vendor}] timing {len(searches())} searches and {len(suggestions())} prefixes × {args.reps} …")
    result["search"] = measure(
        {"loa": engines.loa, "loa newest": engines.loa_newest, "stock": engines.stock},
        searches(),
        args.reps,
        args.slow_ms,
    )
    result["suggest"] = measure(
        {"loa suggest": engines.loa_suggest, "stock autocomplete": engines.stock_autocomplete},
        suggestions(),
        args.reps,
        args.slow_ms,
    )
    say(f"[{connection.vendor}] profiling loa's search …")
    result["profile"] = profile(searches(), args.profile_reps)
    say(f"[{connection.vendor}] variants …")
    result["variants"] = {}
    if args.variant_reps > 0:
        result["variants"] = variants(searches(), result, args.variant_reps)
    Path(args.json).write_text(json.dumps(result, ensure_ascii=False))


def searches() -> list[str]:
    from bench.search.queries import SEARCHES

    return [q.text for q in SEARCHES]


def suggestions() -> list[str]:
    from bench.search.queries import SUGGESTIONS

    return [q.text for q in SUGGESTIONS]


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return "SQLite " + cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        return "PostgreSQL " + cursor.fetchone()[0].split()[0]


def build(args: argparse.Namespace, result: dict) -> dict[str, float]:
    """Migrate a fresh schema, then load and index the corpus in batches; seconds per part."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from bench.search.benchapp.models import BenchArticle
    from bench.search.corpus import SECTIONS, Corpus
    from loa.search.models import SearchDocument
    from loa.search.text import fold, nfc

    vendor = connection.vendor
    seconds: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    seconds["migrate"] = time.perf_counter() - started

    # The tree: root → home (created by loa_home's migration) → sections → articles.
    home = Page.objects.get(depth=2)
    sections = [home.add_child(instance=Page(title=title, slug=slug, live=True)) for title, slug, _share in SECTIONS]
    content_type = ContentType.objects.get_for_model(Page)
    steps = [0] * len(sections)
    corpus = Corpus(args.seed, args.articles)
    backend = get_search_backend()

    def step(number: int) -> str:
        digits = []
        for _ in range(Page.steplen):
            number, digit = divmod(number, len(Page.alphabet))
            digits.append(Page.alphabet[digit])
        return "".join(reversed(digits))

    say(f"[{vendor}] loading {args.articles:,} articles in batches of {BATCH:,} …")
    for start in range(0, args.articles, BATCH):
        stop = min(args.articles, start + BATCH)
        clock = time.perf_counter()
        articles = list(corpus.articles(start, stop))
        seconds["generate text"] += time.perf_counter() - clock

        # Lightweight Page rows, their treebeard paths computed directly under each section.
        clock = time.perf_counter()
        pages = []
        for article in articles:
            section = sections[article.section]
            steps[article.section] += 1
            slug = f"bai-{article.number + 1}"
            pages.append(
                Page(
                    title=article.title,
                    draft_title=article.title,
                    slug=slug,
                    content_type=content_type,
                    locale_id=home.locale_id,
                    path=section.path + step(steps[article.section]),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    live=True,
                    first_published_at=article.published_at,
                    last_published_at=article.published_at,
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
        seconds["wagtailcore pages"] += time.perf_counter() - clock

        # Loa: rows as loa.search.index.index_page builds them (NFC text and folded twins).
        clock = time.perf_counter()
        documents = []
        for article, page in zip(articles, pages, strict=True):
            title = nfc(article.title)
            body = nfc(article.body)
            keywords = nfc(" · ".join([*article.tags, sections[article.section].title]))
            documents.append(
                SearchDocument(
                    page_id=page.pk,
                    kind=article.kind,
                    path=page.path,
                    published_at=article.published_at,
                    url_path=page.url_path,
                    title=title,
                    body=body,
                    keywords=keywords,
                    title_folded=fold(title),
                    keywords_folded=fold(keywords),
                    body_folded=fold(body),
                )
            )
        seconds["loa: fold text"] += time.perf_counter() - clock
        clock = time.perf_counter()
        with transaction.atomic():
            SearchDocument.objects.bulk_create(documents)
        seconds["loa: insert + full-text index"] += time.perf_counter() - clock

        # Stock: the model rows, then Wagtail's backend indexes them as update_index does (add_bulk).
        clock = time.perf_counter()
        rows = [
            BenchArticle(
                id=article.number + 1,
                title=article.title,
                body=article.body,
                keywords=document.keywords,
                published_at=article.published_at,
            )
            for article, document in zip(articles, documents, strict=True)
        ]
        with transaction.atomic():
            BenchArticle.objects.bulk_create(rows)
        seconds["stock: insert model rows"] += time.perf_counter() - clock
        clock = time.perf_counter()
        with transaction.atomic():
            backend.add_bulk(BenchArticle, rows)
        seconds["stock: add_bulk (index)"] += time.perf_counter() - clock
        if (start // BATCH) % 10 == 9:
            say(f"[{vendor}]   {stop:,} loaded")
        del articles, pages, documents, rows

    for section, count in zip(sections, steps, strict=True):
        Page.objects.filter(pk=section.pk).update(numchild=count)
    clock = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if vendor == "sqlite" else "VACUUM ANALYZE")
    seconds["analyze"] = time.perf_counter() - clock
    gc.collect()
    return {key: round(value, 2) for key, value in seconds.items()}


def sizes() -> dict[str, int]:
    """Bytes on disk: the database, and the tables and indexes of each engine where the database says."""
    from django.conf import settings
    from django.db import connection

    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            path = Path(settings.DATABASES["default"]["NAME"])
            found["database"] = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
            try:
                cursor.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")
                tables = dict(cursor.fetchall())
            except Exception:  # dbstat is an optional compile-time feature of SQLite
                return found
            found["loa (documents + FTS5)"] = sum(
                size for name, size in tables.items() if name.startswith("loa_search")
            )
            found["stock (index entries + FTS5)"] = sum(
                size for name, size in tables.items() if name.startswith("wagtailsearch_indexentry")
            )
        else:
            cursor.execute("SELECT pg_database_size(current_database())")
            found["database"] = cursor.fetchone()[0]
            cursor.execute("SELECT pg_total_relation_size('loa_search_searchdocument')")
            found["loa (documents + GIN)"] = cursor.fetchone()[0]
            cursor.execute("SELECT pg_total_relation_size('wagtailsearch_indexentry')")
            found["stock (index entries + GIN)"] = cursor.fetchone()[0]
    return found


class TimedOut(Exception):
    """A stock call stopped at --stock-timeout: its time is only a lower bound."""


class Engines:
    """The calls timed: what a results page and the search box ask of each engine.

    Stock calls are stopped after `timeout` seconds (SQLite: the connection is interrupted from a
    timer thread; PostgreSQL: statement_timeout), because on SQLite the stock backend's cost
    grows with the square of the number of matches (its relevance is a correlated subquery that
    repeats the full-text match for every matching row).
    """

    def __init__(self, timeout: float) -> None:
        from django.db import connection
        from wagtail.search.backends import get_search_backend

        from bench.search.benchapp.models import BenchArticle
        from loa.search import query

        self.query = query
        self.model = BenchArticle
        self.backend = get_search_backend()
        self.timeout = timeout
        self.stock_config = "FTS5 unicode61 (default tokenizer)"
        connection.ensure_connection()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW default_text_search_config")
                self.stock_config = f"tsvector, SEARCH_CONFIG unset → {cursor.fetchone()[0]}"
                # Far above anything loa's search takes, so it only ever stops stock calls.
                cursor.execute(f"SET statement_timeout = {int(timeout * 1000)}")

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        from django.db import OperationalError, connection

        timer = None
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            timer = threading.Timer(self.timeout, connection.connection.interrupt)
            timer.start()
        try:
            yield
        except OperationalError as error:
            text = str(error).lower()
            if "interrupted" in text or "statement timeout" in text or "canceling statement" in text:
                raise TimedOut(str(error)) from error
            raise
        finally:
            if timer is not None:
                timer.cancel()

    def loa(self, text: str) -> int:
        return self.query.search(text, self.query.Options(limit=10)).total

    def loa_newest(self, text: str) -> int:
        return self.query.search(text, self.query.Options(limit=10, newest=True)).total

    def stock(self, text: str) -> int:
        """The first page of 10 and the total, as a paginated results page asks (two queries)."""
        with self.guard():
            results = self.backend.search(text, self.model)
            list(results[:10])
            return results.count()

    def loa_suggest(self, text: str) -> int:
        return len(self.query.suggest(text))

    def stock_autocomplete(self, text: str) -> int:
        with self.guard():
            return len(list(self.backend.autocomplete(text, self.model)[:8]))


def measure(engines: dict[str, Callable[[str], int]], texts: list[str], reps: int, slow_ms: float) -> dict:
    """Warm-up (one call each, which also records the answers), then `reps` rounds, interleaved.

    Within a round every query runs on every engine in turn, and the engines' order rotates from
    round to round, so a disturbance on the machine hits all of them alike. A call slower than
    `slow_ms` at warm-up is timed once rather than `reps` times, and a call stopped at the stock
    time-out is not repeated; each query still weighs `reps` samples in the percentiles (its
    measured times are repeated), so a slow query counts as much as a fast one.
    """
    answers: dict[str, dict[str, int | None]] = {name: {} for name in engines}
    errors: dict[str, dict[str, str]] = {name: {} for name in engines}
    samples: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in engines}
    censored: dict[str, set[str]] = {name: set() for name in engines}
    slow: dict[str, set[str]] = {name: set() for name in engines}
    for text in texts:
        for name, call in engines.items():
            started = time.perf_counter()
            try:
                answers[name][text] = call(text)
            except TimedOut:
                answers[name][text] = None
                censored[name].add(text)
                samples[name][text].append((time.perf_counter() - started) * 1000)
                continue
            except Exception as error:  # a stock backend may reject some input: record, do not time
                answers[name][text] = None
                errors[name][text] = f"{type(error).__name__}: {error}"[:200]
                continue
            if (time.perf_counter() - started) * 1000 > slow_ms:
                slow[name].add(text)
    names = list(engines)
    for round_number in range(reps):
        order = names[round_number % len(names) :] + names[: round_number % len(names)]
        for text in texts:
            for name in order:
                if text in errors[name] or text in censored[name]:
                    continue
                if text in slow[name] and samples[name][text]:
                    continue
                started = time.perf_counter()
                try:
                    engines[name](text)
                except TimedOut:
                    censored[name].add(text)
                    samples[name][text] = [(time.perf_counter() - started) * 1000]
                    continue
                samples[name][text].append((time.perf_counter() - started) * 1000)
    figures = {}
    for name in engines:
        weighted = []
        for text in texts:
            measured = samples[name][text]
            if measured:
                weighted.extend(measured[i % len(measured)] for i in range(reps))
        floor = min((samples[name][text][0] for text in censored[name]), default=None)
        found = [answers[name][text] for text in texts if answers[name][text] is not None]
        p50 = statistics.median(weighted) if weighted else None
        p95 = percentile(weighted, 0.95) if weighted else None
        figures[name] = {
            "p50": round(p50, 3) if p50 is not None else None,
            "p95": round(p95, 3) if p95 is not None else None,
            # True when the percentile falls on a stopped call: the real figure is at least this.
            "p50_lower_bound": floor is not None and p50 is not None and p50 >= floor,
            "p95_lower_bound": floor is not None and p95 is not None and p95 >= floor,
            "mean_results": round(statistics.fmean(found), 1) if found else None,
            "empty": sum(1 for count in found if count == 0),
            "timeouts": sorted(censored[name]),
            "timed_once": sorted(slow[name]),
            "errors": errors[name],
            "per_query": {
                text: {
                    "median": round(statistics.median(samples[name][text]), 3) if samples[name][text] else None,
                    "results": answers[name][text],
                    "timeout": text in censored[name],
                }
                for text in texts
            },
        }
    return {"reps": reps, "queries": len(texts), "engines": figures}


def profile(texts: list[str], reps: int) -> dict:
    """Loa's default search, each phase timed apart (exclusive times) over `reps` runs per query."""
    from loa.search import query

    per_query: dict[str, dict[str, float]] = {}
    for text in texts:
        query.search(text, query.Options(limit=10))  # warm
        runs = []
        for _ in range(reps):
            phases = Phases()
            with profiled(phases), phases.span("parse+other"):
                query.search(text, query.Options(limit=10))
            runs.append(dict(phases.totals))
        per_query[text] = {
            phase: round(statistics.median(run.get(phase, 0.0) for run in runs) * 1000, 3) for phase in PHASES
        }
        per_query[text]["total"] = round(sum(per_query[text][phase] for phase in PHASES), 3)
    mean = {phase: round(statistics.fmean(q[phase] for q in per_query.values()), 3) for phase in (*PHASES, "total")}
    return {"reps": reps, "per_query": per_query, "mean": mean}


def variants(texts: list[str], result: dict, reps: int) -> dict:
    """Bench-only alternatives for the slow parts (filled in by measure_variants)."""
    from bench.search.variants import measure_variants

    return measure_variants(texts, result, reps)


# =============================================================================================
# Parent: prepare each database, run a worker per database, print and write the report.
# =============================================================================================


def postgres_answers() -> str | None:
    """None when the server answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3) as connection:
            connection.execute("SELECT 1")
        return None
    except Exception as error:
        return f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"


def postgres_database(create: bool) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=5) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        if create:
            connection.execute(f"CREATE DATABASE {PG_NAME} ENCODING 'UTF8' TEMPLATE template0")


def sqlite_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def run_worker(args: argparse.Namespace, backend: str, url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "DATABASE_URL": url,
            "LOA_LOG_LEVEL": "WARNING",
            "LOA_DB_CONN_MAX_AGE": "600",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    with tempfile.NamedTemporaryFile(prefix="loa-bench-search-", suffix=".json", delete=False) as handle:
        figures_path = Path(handle.name)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        backend,
        "--articles",
        str(args.articles),
        "--seed",
        str(args.seed),
        "--reps",
        str(args.reps),
        "--profile-reps",
        str(args.profile_reps),
        "--variant-reps",
        str(args.variant_reps),
        "--stock-timeout",
        str(args.stock_timeout),
        "--slow-ms",
        str(args.slow_ms),
        "--json",
        str(figures_path),
    ]
    try:
        subprocess.run(command, cwd=REPO, env=env, check=True)
        return json.loads(figures_path.read_text())
    finally:
        figures_path.unlink(missing_ok=True)


ENGINE_LABELS = {
    "loa": "loa search",
    "loa newest": "loa search, newest first",
    "stock": "stock search (Wagtail db backend)",
    "loa suggest": "loa suggest",
    "stock autocomplete": "stock autocomplete",
}
RATIOS = (("stock", "loa"), ("stock autocomplete", "loa suggest"))


def report_database(figures: dict) -> list[str]:
    from bench.search.queries import SEARCHES

    lines = []
    add = lines.append
    add(f"== {figures['database_version']} · {figures['articles']:,} articles (seed {figures['seed']}) ==")
    load = figures["load"]
    add("load and index, seconds: " + " · ".join(f"{key} {value:,.1f}" for key, value in load.items()))
    loa_index = load.get("loa: fold text", 0) + load.get("loa: insert + full-text index", 0)
    stock_index = load.get("stock: insert model rows", 0) + load.get("stock: add_bulk (index)", 0)
    add(f"   index build: loa {loa_index:,.1f} s (fold + insert), stock {stock_index:,.1f} s (rows + add_bulk)")
    if figures["size"]:
        add("size: " + " · ".join(f"{key} {value / 2**20:,.0f} MiB" for key, value in figures["size"].items()))
    add(f"stock backend: {figures['stock_config']}")
    for group, title in (("search", "search"), ("suggest", "suggestions")):
        data = figures[group]
        add("")
        add(f"{title}: {data['queries']} queries × {data['reps']} runs after a warm-up, interleaved")
        add(f"   {'engine':<36}{'p50 ms':>10}{'p95 ms':>10}{'mean results':>14}{'no result':>11}{'timed out':>11}")
        for name, engine in data["engines"].items():
            add(
                f"   {ENGINE_LABELS[name]:<36}{ms(engine, 'p50'):>10}{ms(engine, 'p95'):>10}"
                f"{fmt(engine['mean_results']):>14}{engine['empty']:>11}{len(engine['timeouts']):>11}"
                + (f"   ({len(engine['errors'])} errors)" if engine["errors"] else "")
            )
        for stock, loa in RATIOS:
            if stock in data["engines"] and loa in data["engines"]:
                s, lo = data["engines"][stock], data["engines"][loa]
                add(f"   {'ratio stock/loa':<36}{ratio(s, lo, 'p50'):>10}{ratio(s, lo, 'p95'):>10}")
        slowest = {name: engine["timed_once"] for name, engine in data["engines"].items() if engine["timed_once"]}
        for name, texts in slowest.items():
            add(f"   {ENGINE_LABELS[name]}: {len(texts)} queries over {figures['slow_ms']:,.0f} ms timed once")
        if any(engine["timeouts"] for engine in data["engines"].values()):
            add(
                f"   timed out: stopped at {figures['stock_timeout']:g} s; '≥' marks a percentile that is only a bound;"
                " mean results and no result count the queries that answered"
            )
    search = figures["search"]["engines"]
    profile = figures["profile"]["per_query"]
    add("")
    add(
        "per query: median ms (results); loa's time split into phases, median ms of "
        f"{figures['profile']['reps']} profiled runs"
    )
    short = {
        "SQL count": "count",
        "SQL candidates": "ids",
        "fetch pool": "fetch",
        "score pool": "score",
        "snippets": "snip",
        "sections+urls": "sect",
        "parse+other": "other",
    }
    add(
        f"   {'query':<30}{'loa':>8}{'newest':>8}{'stock':>9}{'loa hits':>9}{'stock hits':>11}  "
        + "".join(f"{label:>7}" for label in short.values())
    )
    for query in SEARCHES:
        text = query.text
        lo, nw, st = (search[name]["per_query"][text] for name in ("loa", "loa newest", "stock"))
        phases = profile[text]
        stock_ms = ("≥" if st["timeout"] else "") + fmt(st["median"], 0 if st["timeout"] else 1)
        add(
            f"   {query.label[:29]:<30}{fmt(lo['median']):>8}{fmt(nw['median']):>8}{stock_ms:>9}"
            f"{count(lo['results'], lo['timeout']):>9}{count(st['results'], st['timeout']):>11}  "
            + "".join(f"{fmt(phases[phase]):>7}" for phase in short)
        )
    mean = figures["profile"]["mean"]
    add(
        f"   {'mean of the profiled runs':<30}{'':>8}{'':>8}{'':>9}{'':>9}{'':>11}  "
        + "".join(f"{fmt(mean[phase]):>7}" for phase in short)
    )
    errors = {name: engine["errors"] for name, engine in search.items() if engine["errors"]}
    for name, found in errors.items():
        for text, message in found.items():
            add(f"   error, {ENGINE_LABELS[name]}, {text!r}: {message}")
    lines.extend(report_variants(figures.get("variants") or {}))
    return lines


def report_variants(variants: dict) -> list[str]:
    from bench.search.variants import report

    return report(variants)


def count(value: int | None, timeout: bool = False) -> str:
    if timeout:
        return "timeout"
    return "error" if value is None else f"{value:,}"


def ms(engine: dict, key: str) -> str:
    return ("≥" if engine.get(f"{key}_lower_bound") else "") + fmt(engine[key], 2)


def ratio(stock: dict, loa: dict, key: str) -> str:
    if not stock[key] or not loa[key]:
        return "—"
    return ("≥" if stock.get(f"{key}_lower_bound") else "") + f"{stock[key] / loa[key]:,.2f}×"


def pools(all_figures: dict[str, dict]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for figures in all_figures.values():
        found.update(figures.get("pool") or {})
    return found or {"POOL": "?"}


def summary(all_figures: dict[str, dict], skipped: dict[str, str]) -> list[str]:
    lines = [
        f"{'engine':<36}{'database':<18}{'p50 ms':>10}{'p95 ms':>10}{'mean results':>14}{'no result':>11}"
        f"{'timed out':>11}{'stock/loa p50':>15}{'stock/loa p95':>15}  aim p95 ≤ {AIM_P95_MS:g} ms"
    ]
    for figures in all_figures.values():
        database = figures["database_version"]
        for group in ("search", "suggest"):
            engines = figures[group]["engines"]
            for name, engine in engines.items():
                pair = next(((s, lo) for s, lo in RATIOS if name in (s, lo)), None)
                ratios = ("", "")
                if pair and name == pair[0] and pair[1] in engines:
                    ratios = (ratio(engine, engines[pair[1]], "p50"), ratio(engine, engines[pair[1]], "p95"))
                verdict = ""
                if name.startswith("loa"):
                    verdict = "met" if (engine["p95"] or 0) <= AIM_P95_MS else "NOT met"
                lines.append(
                    f"{ENGINE_LABELS[name]:<36}{database:<18}{ms(engine, 'p50'):>10}{ms(engine, 'p95'):>10}"
                    f"{fmt(engine['mean_results']):>14}{engine['empty']:>11}{len(engine['timeouts']):>11}"
                    f"{ratios[0]:>15}{ratios[1]:>15}  {verdict}"
                )
    for backend, reason in skipped.items():
        lines.append(f"{backend}: skipped ({reason})")
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Loa's Vietnamese search against Wagtail's stock database backend (bench/search/README.md)."
    )
    parser.add_argument("--articles", type=int, default=100_000, help="articles to generate (default 100000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument(
        "--backends", default="sqlite,postgres", help="comma-separated: sqlite, postgres (default both)"
    )
    parser.add_argument("--reps", type=int, default=5, help="timed runs of each query per engine (default 5)")
    parser.add_argument(
        "--stock-timeout", type=float, default=10.0, help="stop a stock call after this many seconds (default 10)"
    )
    parser.add_argument(
        "--slow-ms", type=float, default=2000.0, help="time a call this slow at warm-up once only (default 2000)"
    )
    parser.add_argument("--profile-reps", type=int, default=3, help="profiled runs of each query (default 3)")
    parser.add_argument(
        "--variant-reps", type=int, default=2, help="runs of each query per variant, 0 to skip them (default 2)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the SQLite file and the PostgreSQL database afterwards"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main() -> int:
    args = parse_args()
    if args.worker:
        worker(args)
        return 0
    backends = [name.strip() for name in args.backends.split(",") if name.strip()]
    unknown = set(backends) - {"sqlite", "postgres"}
    if unknown:
        raise SystemExit(f"unknown backend(s): {', '.join(sorted(unknown))}")
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    load_at_start = load_average()
    fingerprint_at_start = loa_search_fingerprint()
    all_figures: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    for backend in backends:
        say(f"[{backend}] fresh database …")
        if backend == "sqlite":
            path = OUT / f"bench-{args.articles}.sqlite3"
            for file in sqlite_files(path):
                file.unlink(missing_ok=True)
            url = f"sqlite:///{path}"
        else:
            reason = postgres_answers()
            if reason:
                print(f"note: PostgreSQL at {PG_SERVER} does not answer, skipped ({reason})")
                skipped[backend] = f"no answer from {PG_SERVER}"
                continue
            postgres_database(create=True)
            url = f"{PG_SERVER}/{PG_NAME}"
        clock = time.perf_counter()
        try:
            figures = run_worker(args, backend, url)
        finally:
            if not args.keep:
                if backend == "sqlite":
                    for file in sqlite_files(path):
                        file.unlink(missing_ok=True)
                else:
                    postgres_database(create=False)
        figures["seconds"] = round(time.perf_counter() - clock, 1)
        all_figures[backend] = figures
        print()
        print("\n".join(report_database(figures)))
        sys.stdout.flush()

    import django
    import wagtail

    header = [
        f"Loa search benchmark · {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} · revision {revision()} · "
        f"{os.cpu_count()} CPUs · Python {platform.python_version()} · Django {django.get_version()} · "
        f"Wagtail {wagtail.__version__}",
        "loa/search sources (sha1 of loa/search/*.py as each database's run imported them): "
        + ", ".join(f"{name} {figures.get('loa_search', '?')}" for name, figures in all_figures.items())
        + (
            ""
            if loa_search_fingerprint() == fingerprint_at_start
            else f" (changed during the run; now {loa_search_fingerprint()})"
        )
        + "; loa's pool: "
        + ", ".join(f"{key} {value}" for key, value in pools(all_figures).items()),
        f"{args.articles:,} articles, seed {args.seed}; {args.reps} timed runs per query and engine; "
        f"total {time.perf_counter() - started:,.0f} s ("
        + ", ".join(f"{name} {figures['seconds']:,.0f} s" for name, figures in all_figures.items())
        + ")",
    ]
    loads = (load_at_start, load_average())
    busy = max(value or 0 for value in loads) > (os.cpu_count() or 1)
    header.append(
        f"load average {fmt(loads[0], 2)} at start, {fmt(loads[1], 2)} at end"
        + (": the machine was busy with other work, figures are noisy" if busy else "")
    )
    table = [*header, "", *summary(all_figures, skipped)]
    print()
    print("\n".join(table))
    (OUT / "results.txt").write_text("\n".join(table) + "\n")
    (OUT / "results.json").write_text(
        json.dumps({"header": header, "databases": all_figures, "skipped": skipped}, ensure_ascii=False, indent=1)
    )
    say(f"written: {OUT / 'results.txt'} and results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
