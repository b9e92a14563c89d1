"""Benchmark of the counting beacon: hits/s on the embedded default (SQLite) and with Redis, exactness checked.

Why: every page view ends in one `POST /api/beacon/`, so on a busy day the beacon, not the
(cached) page, is what keeps the app servers writing. The issue's goals on this 2-CPU
machine are at least 1,000 hits/s with SQLite and 5,000 with Redis. In one run, on one fresh
demo site, this script
  1. serves the site with granian exactly as `bin/run` does, once on the embedded default
     (SQLite, local-memory cache, counts written to the database) and once with Redis
     (`REDIS_URL` and `LOA_COUNTER_REDIS_URL` on 127.0.0.1:6379 db 14, a key prefix of its
     own, removed at the end);
  2. sends a fixed number of beacons with wrk (bench/beacon.lua), every one from a visitor
     never seen before, so that every hit writes a view, a daily view, a visit, a unique
     visitor and an online visitor; a short probe sizes the main run to last about `--seconds`;
  3. flushes Redis's pending counts to the database (as the worker's `flush_counters` task
     does) and checks that exactly the hits sent are in `PageViewCount`, `DailyPageView` and
     `DailyVisit`, and in `DailyVisitors` too on SQLite (with Redis that one comes from a
     HyperLogLog, checked within three standard errors);
and prints a table followed by one JSON line with every figure. The per-client rate limit
stays on (every hit comes from 127.0.0.1, so it is set out of reach): its cost is measured.

Measurement only: nothing here asserts a time. The site lives in a temporary directory (see
bench/article_page.py, whose helpers this script imports); servers listen on loopback only.

Run: `.venv/bin/python bench/beacon.py`; `--help` lists the knobs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import article_page as site  # bench/ is on sys.path when this file runs; it also makes `loa` importable
from article_page import REPO, Processes, say

from loa.core.serving import granian_argv

WRK_SCRIPT = REPO / "bench" / "beacon.lua"
REDIS_URL = "redis://127.0.0.1:6379/14"
GOALS = {"sqlite": 1_000, "redis": 5_000}
# Every hit comes from 127.0.0.1: the per-client limit stays on (its cost is measured) but never refuses.
SERVER_ENV = {"LOA_BEACON_RATE_LIMIT": "1000000000"}
# Redis's HyperLogLog has a standard error of 0.81%: its unique-visitor count is checked within 3 of them.
HLL_TOLERANCE = 3 * 0.0081


@dataclass
class Store:
    """One way of counting: the environment that selects it for the app servers."""

    name: str
    label: str
    env: dict[str, str]
    counter_prefix: str = ""


def redis_store(run_id: str) -> Store:
    """Redis for the cache and the counters, under prefixes of this run only (cleaned up at the end)."""
    prefix = f"loa-bench-{run_id}"
    return Store(
        "redis",
        "Redis (db 14) + SQLite",
        {
            "REDIS_URL": REDIS_URL,
            "LOA_COUNTER_REDIS_URL": REDIS_URL,
            "LOA_CACHE_PREFIX": prefix,
            "LOA_COUNTER_PREFIX": f"{prefix}:stats:",
        },
        counter_prefix=f"{prefix}:stats:",
    )


def remove_redis_keys(run_id: str) -> int:
    """Delete this run's keys (cache and counters) from db 14; never the whole database."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    removed = 0
    for key in client.scan_iter(match=f"loa-bench-{run_id}*", count=1000):
        removed += client.delete(key)
    return removed


def redis_available() -> str:
    """'' when Redis answers, else why not."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        return f"Redis not reachable at {REDIS_URL}: {error}"
    return ""


# --- Counting what reached the database --------------------------------------------------------


def database_counts(page_id: int) -> dict[str, int]:
    """Everything one beacon from a new visitor adds to, summed over days (a run may cross midnight)."""
    from django.db.models import Sum

    from loa.stats.models import DailyPageView, DailyVisit, DailyVisitors, PageViewCount

    visitors = DailyVisitors.objects.aggregate(redis=Sum("redis_count"), database=Sum("database_count"))
    return {
        "views": PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0,
        "daily_views": DailyPageView.objects.filter(page_id=page_id).aggregate(n=Sum("count"))["n"] or 0,
        "visits": DailyVisit.objects.aggregate(n=Sum("count"))["n"] or 0,
        "unique_visitors": (visitors["redis"] or 0) + (visitors["database"] or 0),
    }


def flush(store: Store) -> int:
    """What the worker's flush_counters task does, with this store's Redis settings."""
    from django.test import override_settings

    from loa.stats import counters

    if not store.counter_prefix:
        return 0
    with override_settings(LOA_COUNTER_REDIS_URL=REDIS_URL, LOA_COUNTER_PREFIX=store.counter_prefix):
        counters.reset_redis_client()
        try:
            return counters.flush_redis_counts()
        finally:
            counters.reset_redis_client()


# --- Load ---------------------------------------------------------------------------------


def run_wrk(wrk: str, base_url: str, page_id: int, hits: int, connections: int, limit_seconds: float) -> dict:
    """Exactly `hits` beacons from new visitors (see bench/beacon.lua); wrk's own report plus the script's JSON."""
    run_id = uuid.uuid4().hex[:16]
    command = [
        wrk,
        "-t1",
        f"-c{min(connections, hits)}",
        f"-d{max(5, round(limit_seconds))}s",
        "--latency",
        "--timeout",
        "30s",
        "-s",
        str(WRK_SCRIPT),
        f"{base_url}/api/beacon/",
        "--",
        str(page_id),
        str(hits),
        run_id,
    ]
    output = site.run_load(command, limit_seconds + 60)
    line = next((ln for ln in output.splitlines() if ln.startswith("BEACON-JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    figures = json.loads(line.removeprefix("BEACON-JSON "))
    seconds = figures["duration_us"] / 1e6
    figures.update(
        {
            "hits": hits,
            "seconds": round(seconds, 3),
            "hits_per_second": round(figures["statuses"].get("200", 0) / seconds, 1) if seconds else None,
            "complete": figures["requests"] == hits and sum(figures["errors"].values()) == 0,
            "command": " ".join(command),
        }
    )
    return figures


def measure_store(
    store: Store, args: argparse.Namespace, wrk: str, env: dict[str, str], workdir: Path, page_id: int, url: str
) -> dict:
    """Start granian for one store, probe, load, stop, flush, and compare what reached the database."""
    processes = Processes()
    port = site.free_port()
    log = workdir / f"granian-{store.name}.log"
    try:
        command = granian_argv("127.0.0.1", port, site.APP_WORKERS)
        granian = processes.start(command, env={**env, **SERVER_ENV, **store.env}, log=log)
        base_url = f"http://127.0.0.1:{port}"
        site.wait_for_http(base_url + url, granian, log)
        before = database_counts(page_id)
        say(f"[{store.name}] probe: {args.probe_hits:,} hits …")
        probe = run_wrk(wrk, base_url, page_id, args.probe_hits, args.connections, 120)
        hits = int(min(max((probe["hits_per_second"] or 100) * args.seconds, args.probe_hits), args.max_hits))
        say(f"[{store.name}] probe {probe['hits_per_second']:,.0f} hits/s; main run: {hits:,} hits …")
        load_before = site.load_average()
        main = run_wrk(wrk, base_url, page_id, hits, args.connections, max(60, hits / 50))
        main["load_average"] = {"start": load_before, "end": site.load_average()}
    finally:
        processes.stop_all()
    batches = flush(store)
    after = database_counts(page_id)
    sent = args.probe_hits + hits
    counted = {key: after[key] - before[key] for key in after}
    unique_error = (counted["unique_visitors"] - sent) / sent
    exact_keys = ("views", "daily_views", "visits") if store.counter_prefix else tuple(counted)
    return {
        "store": store.name,
        "label": store.label,
        "goal_hits_per_second": GOALS[store.name],
        "probe": probe,
        "main": main,
        "hits_sent": sent,
        "answered_200": probe["statuses"].get("200", 0) + main["statuses"].get("200", 0),
        "flushed_batches": batches,
        "counted": counted,
        "exact": all(counted[key] == sent for key in exact_keys),
        "unique_visitors_error": round(unique_error, 5),
        "unique_visitors_ok": unique_error == 0 or (bool(store.counter_prefix) and abs(unique_error) <= HLL_TOLERANCE),
    }


# --- Report -------------------------------------------------------------------------------


def print_report(results: dict) -> None:
    print()
    print(
        f"Loa beacon benchmark · {results['when']} · {results['revision']} · {results['cpus']} CPUs · "
        f"granian {site.APP_WORKERS} workers · wrk -t1 -c{results['connections']}"
    )
    loads = results["load_average"]
    busy = max((value or 0) for value in loads.values()) > (results["cpus"] or 1)
    print(
        f"Load average {site.fmt(loads['start'], 2)} at start, {site.fmt(loads['end'], 2)} at end"
        + (": the machine was busy with other work, figures are noisy" if busy else "")
    )
    print(f"Article #{results['article']['id']} {results['article']['url']}")
    print()
    header = (
        f"   {'store':<24}{'hits/s':>9}{'goal':>7}{'hits':>9}{'p50 ms':>8}{'p99 ms':>8}{'non-200':>8}"
        f"{'errors':>7}  {'in database after flush':<30}"
    )
    print(header)
    for row in results["stores"]:
        if "skipped" in row:
            print(f"   {row['label']:<24}skipped: {row['skipped']}")
            continue
        main = row["main"]
        non_200 = sum(v for k, v in main["statuses"].items() if k != "200")
        counted = row["counted"]
        check = "exact" if row["exact"] and row["unique_visitors_ok"] else "MISMATCH"
        unique_note = (
            "" if row["unique_visitors_error"] == 0 else f" ({row['unique_visitors_error']:+.2%}, HyperLogLog)"
        )
        print(
            f"   {row['label']:<24}{site.fmt(main['hits_per_second'], 0):>9}{row['goal_hits_per_second']:>7,}"
            f"{main['hits']:>9,}{main['latency_us']['p50'] / 1000:>8.2f}{main['latency_us']['p99'] / 1000:>8.2f}"
            f"{non_200:>8}{sum(main['errors'].values()):>7}  "
            f"{check}: {row['hits_sent']:,} sent → views {counted['views']:,}, daily {counted['daily_views']:,}, "
            f"visits {counted['visits']:,}, unique {counted['unique_visitors']:,}{unique_note}"
        )
        loads = main["load_average"]
        print(f"   {'':<24}(load average {site.fmt(loads['start'], 2)} → {site.fmt(loads['end'], 2)} during the run)")
    ratio = results.get("ratio_redis_to_sqlite")
    if ratio:
        print(f"   {'ratio Redis/SQLite':<24}{ratio:>9.2f}")
    print("   hits sent = probe + main run; every hit from a new visitor, so each one writes every counter")
    print(
        "   exact = views, daily views and visits equal the hits sent; unique visitors too on SQLite, and within "
        f"±{HLL_TOLERANCE:.1%} (3 standard errors) for Redis's HyperLogLog"
    )
    print(f"   note: {results['cpus']} CPUs shared by granian, Redis and wrk")


# --- Main ---------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the Loa beacon (see bench/README.md).")
    parser.add_argument("--seconds", type=float, default=10.0, help="main run length per store (default 10)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--probe-hits", type=int, default=2000, help="hits of the sizing probe (default 2,000)")
    parser.add_argument("--max-hits", type=int, default=200_000, help="cap on the main run (default 200,000)")
    parser.add_argument("--only", choices=sorted(GOALS), help="measure one store only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    parser.add_argument("--json-out", type=Path, help="also write the JSON figures to this file")
    return parser.parse_args()


def run(args: argparse.Namespace, workdir: Path) -> dict:
    started = time.monotonic()
    load_at_start = site.load_average()
    wrk = site.find_tool("wrk", "wrk", allow_install=True)
    if wrk is None:
        raise RuntimeError("wrk is needed (apt-get install wrk)")
    env, _ = site.setup_site(workdir)
    article = site.pick_article()
    from django.db import connections

    connections.close_all()

    run_id = uuid.uuid4().hex[:12]
    stores = [Store("sqlite", "SQLite (embedded)", {}), redis_store(run_id)]
    results: dict[str, Any] = {
        "benchmark": "beacon",
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "revision": site.git_revision(),
        "cpus": os.cpu_count(),
        "connections": args.connections,
        "tool": "wrk -t1 + bench/beacon.lua",
        "article": {"id": article.pk, "url": article.url},
        "stores": [],
    }
    try:
        for store in stores:
            if args.only and store.name != args.only:
                continue
            missing = redis_available() if store.name == "redis" else ""
            if missing:
                say(f"[{store.name}] skipped: {missing}")
                results["stores"].append({"store": store.name, "label": store.label, "skipped": missing})
                continue
            results["stores"].append(measure_store(store, args, wrk, env, workdir, article.pk, article.url))
            connections.close_all()
    finally:
        with contextlib.suppress(Exception):
            remove_redis_keys(run_id)
    rates = {row["store"]: row["main"]["hits_per_second"] for row in results["stores"] if "main" in row}
    if rates.get("sqlite") and rates.get("redis"):
        results["ratio_redis_to_sqlite"] = round(rates["redis"] / rates["sqlite"], 2)
    results["load_average"] = {"start": load_at_start, "end": site.load_average()}
    results["total_seconds"] = round(time.monotonic() - started, 1)
    print_report(results)
    return results


def main() -> int:
    # measure_store starts and stops its own servers per store: the shared Processes stays unused.
    results = site.run_bench(lambda args, workdir, _processes: run(args, workdir), parse_args())
    if results is None:
        return 130
    correct = all(row.get("exact", True) and row.get("unique_visitors_ok", True) for row in results["stores"])
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())
