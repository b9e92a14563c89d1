"""Soak test: a fixed rate of page views and beacons for a chosen time, with an editor publishing.

Why: the faults a portal shows after hours (memory that only grows, connections or file handles
that leak, a cache that stops being invalidated, counts that drift) never show in a test of a
few seconds. This script serves a fresh demo site as `make run` does (granian with two workers
and the task worker beside it, embedded default; `--redis` adds Redis for counts and pages),
then for `--minutes`:
  - sends pages at `--page-rate` per second (home, sections, articles, every other public page,
    searches with and without diacritics, feeds) and beacons at `--beacon-rate` per second,
    each beacon from a new visitor so that every acknowledged hit must add exactly one view;
  - publishes a new revision of an article every `--publish-every` seconds from this process,
    as an editor would, so cached pages are invalidated under load;
  - samples the app's memory (resident set of granian and its workers, and of the task worker)
    after the warm-up and every `--sample-every` seconds.
The load is open-loop: requests leave on a fixed schedule whatever the answers do, and latency
is counted from the scheduled time, so a stall shows as latency instead of slowing the load.

At the end it prints errors (any status >= 400 or connection failure), p50/p99/max latency per
kind, the memory at start and end, and whether the acknowledged beacons all reached the
database. Measurement only: nothing here asserts a time. Exit status 1 when there were errors,
counts were lost or memory grew by 10 % or more.

Run: `.venv/bin/python bench/soak.py --minutes 30`; `--help` lists the knobs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import queue
import random
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import article_page as site  # bench/ is on sys.path when this file runs; it also makes `loa` importable
from article_page import REPO, Processes, say

from loa.core.serving import granian_argv

BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
REDIS_URL = "redis://127.0.0.1:6379/14"
MEMORY_GROWTH_LIMIT = 0.10
SEARCHES = ("chuyển đổi số", "chuyen doi so", "hội nghị", "hoi nghi", "thời tiết", "phụ nữ", "giao thong", "văn bản")
# Share of page requests per kind of page: what a portal's access log looks like, roughly.
PAGE_MIX = {"home": 0.20, "article": 0.50, "section": 0.12, "other": 0.10, "search": 0.05, "feed": 0.03}


# --- What to request -------------------------------------------------------------------------


@dataclass
class Targets:
    """The URLs of the demo site, by kind, and the articles beacons are sent for."""

    urls: dict[str, list[str]]
    article_ids: list[int]

    def pick_page(self, rng: random.Random) -> tuple[str, str]:
        kind = rng.choices(list(PAGE_MIX), weights=list(PAGE_MIX.values()))[0]
        return kind, rng.choice(self.urls[kind])


def collect_targets() -> Targets:
    from urllib.parse import quote

    from wagtail.models import Page

    from loa.news.models import ArticlePage, SectionPage

    articles = list(ArticlePage.objects.live().public().order_by("-first_published_at")[:60])
    sections = list(SectionPage.objects.live().public())
    known = {p.pk for p in articles} | {p.pk for p in sections}
    others = [p for p in Page.objects.live().public().filter(depth__gt=2).specific() if p.pk not in known]
    return Targets(
        urls={
            "home": ["/"],
            "article": [p.url for p in articles],
            "section": [p.url for p in sections],
            "other": [p.url for p in others[:80] if p.url],
            "search": [f"/tim-kiem/?q={quote(q)}" for q in SEARCHES],
            "feed": ["/rss.xml", "/sitemap.xml"],
        },
        article_ids=[p.pk for p in articles],
    )


# --- The load --------------------------------------------------------------------------------


@dataclass
class Job:
    kind: str  # "page" or "beacon"
    scheduled: float
    path: str
    page_id: int = 0
    visitor: str = ""


@dataclass
class Results:
    """What the sender threads saw; appended from several threads under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    error_examples: list[str] = field(default_factory=list)
    acked: Counter = field(default_factory=Counter)  # page id -> beacons answered 2xx
    per_minute: dict[int, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def record(self, job: Job, status: int | None, error: str, started_at: float) -> None:
        done = time.monotonic()
        minute = int((job.scheduled - started_at) // 60)
        with self.lock:
            self.latencies[job.kind].append(done - job.scheduled)
            self.per_minute[minute][f"{job.kind}s"] += 1
            if status is not None:
                self.statuses[f"{job.kind} {status}"] += 1
            if error or status is None or status >= 400:
                key = f"{job.kind} {error or status}"
                self.errors[key] += 1
                self.per_minute[minute]["errors"] += 1
                if len(self.error_examples) < 20:
                    self.error_examples.append(f"{key}: {job.path}")
            elif job.kind == "beacon":
                self.acked[job.page_id] += 1


def sender(port: int, jobs: queue.Queue, results: Results, started_at: float) -> None:
    """One keep-alive connection answering jobs until it gets None, like one browser tab after another."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while (job := jobs.get()) is not None:
        status, error = None, ""
        try:
            if job.kind == "beacon":
                body = json.dumps({"page": job.page_id})
                headers = {
                    "User-Agent": BROWSER_UA,
                    "Content-Type": "application/json",
                    "Cookie": f"loa_vid={job.visitor}",
                    "Host": site.SITE_HOST,
                }
                connection.request("POST", "/api/beacon/", body=body, headers=headers)
            else:
                headers = {"User-Agent": BROWSER_UA, "Accept-Encoding": "gzip", "Host": site.SITE_HOST}
                connection.request("GET", job.path, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.will_close:
                connection.close()
        except (OSError, http.client.HTTPException) as exc:
            error = type(exc).__name__
            connection.close()
        results.record(job, status, error, started_at)
    connection.close()


def schedule(
    targets: Targets, args: argparse.Namespace, jobs: queue.Queue, started_at: float, stop: threading.Event
) -> int:
    """Put jobs on the queue at their times: pages and beacons each on a fixed period. Returns the count."""
    rng = random.Random(args.seed)
    run_id = uuid.uuid4().hex[:16]
    end = started_at + args.minutes * 60
    page_period, beacon_period = 1 / args.page_rate, 1 / args.beacon_rate
    next_page, next_beacon, sent = started_at, started_at, 0
    while not stop.is_set():
        now = time.monotonic()
        due = min(next_page, next_beacon)
        if due >= end:
            break
        if due > now:
            time.sleep(min(due - now, 0.05))
            continue
        if next_page <= next_beacon:
            _, path = targets.pick_page(rng)
            jobs.put(Job("page", next_page, path))
            next_page += page_period
        else:
            page_id = rng.choice(targets.article_ids)
            jobs.put(Job("beacon", next_beacon, "/api/beacon/", page_id, f"{run_id}{sent:016x}"))
            next_beacon += beacon_period
        sent += 1
    return sent


# --- The editor publishing during the load ---------------------------------------------------


def publisher(article_ids: list[int], every: float, stop: threading.Event, log: list[str]) -> None:
    """Publish a new revision of an article every `every` seconds, as an editor saving a correction would."""
    from django.db import close_old_connections

    from loa.news.models import ArticlePage

    rng = random.Random(7)
    while not stop.wait(every):
        try:
            article = ArticlePage.objects.get(pk=rng.choice(article_ids))
            # A visible change that alternates, so the title never grows.
            marked = article.title.endswith(" *")
            article.title = article.title[:-2] if marked else article.title + " *"
            article.save_revision().publish()
            log.append(f"{dt.datetime.now():%H:%M:%S} published {article.pk}")
        except Exception as exc:  # reported, not fatal: the soak measures the app, not this thread
            log.append(f"{dt.datetime.now():%H:%M:%S} publish failed: {exc!r}")
        finally:
            close_old_connections()


# --- Memory ----------------------------------------------------------------------------------


def descendants(pid: int) -> list[int]:
    """The process and every process under it, from /proc (granian's workers are its children)."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children[ppid].append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def resident_mb(pid: int) -> float:
    """Resident memory of a process tree in MB (VmRSS summed; shared pages counted in each process)."""
    total_kb = 0
    for each in descendants(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
    return round(total_kb / 1024, 1)


# --- Counting what reached the database ------------------------------------------------------


def view_counts(page_ids: list[int]) -> dict[int, int]:
    from loa.stats.models import PageViewCount

    counts = dict(PageViewCount.objects.filter(page_id__in=page_ids).values_list("page_id", "count"))
    return {pk: counts.get(pk, 0) for pk in page_ids}


def flush_redis(prefix: str) -> None:
    """What the worker's flush_counters task does, so the last seconds' counts are in the database."""
    from django.test import override_settings

    from loa.stats import counters

    with override_settings(LOA_COUNTER_REDIS_URL=REDIS_URL, LOA_COUNTER_PREFIX=prefix):
        counters.reset_redis_client()
        try:
            counters.flush_redis_counts()
        finally:
            counters.reset_redis_client()


def remove_redis_keys(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix.split(':')[0]}*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])


# --- Report ----------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> dict[str, float | None]:
    if not samples:
        return {"p50": None, "p99": None, "max": None}
    return {
        "p50": round(site.percentile(samples, 0.50) * 1000, 1),
        "p99": round(site.percentile(samples, 0.99) * 1000, 1),
        "max": round(max(samples) * 1000, 1),
    }


def print_report(report: dict) -> None:
    say("")
    load = report["load_average"]
    say(f"Soak: {report['minutes']} min, {report['page_rate']} pages/s + {report['beacon_rate']} beacons/s "
        f"({report['store']}), load average {load['start']} → {load['end']}")  # fmt: skip
    say(f"  requests sent {report['requests']:,}; errors {report['errors_total']:,} {dict(report['errors'])}")
    for kind, figures in report["latency_ms"].items():
        say(f"  {kind:7s} latency ms p50 {figures['p50']}  p99 {figures['p99']}  max {figures['max']}")
    memory = report["memory_mb"]
    say(
        f"  app memory (granian + workers) {memory['app_start']} MB → {memory['app_end']} MB "
        f"({memory['app_growth'] * 100:+.1f} %); task worker {memory['worker_start']} → {memory['worker_end']} MB"
    )
    say("  memory samples (min: app MB / worker MB): "
        + ", ".join(f"{s['minute']}: {s['app']}/{s['worker']}" for s in report["memory_samples"]))  # fmt: skip
    beacons = report["beacons"]
    say(f"  beacons acknowledged {beacons['acked']:,}, counted {beacons['counted']:,} → {beacons['verdict']}")
    say(f"  editor publishes {len(report['publishes'])}: {report['publishes'][-3:]}")
    say(f"  verdict: {'PASS' if report['passed'] else 'FAIL'}")


# --- Run -------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="length of the load (default 5)")
    parser.add_argument("--page-rate", type=float, default=25.0, help="page GETs per second (default 25)")
    parser.add_argument("--beacon-rate", type=float, default=25.0, help="beacons per second (default 25)")
    parser.add_argument("--senders", type=int, default=24, help="keep-alive connections sending (default 24)")
    parser.add_argument("--publish-every", type=float, default=120.0, help="seconds between publishes (0: none)")
    parser.add_argument("--warmup", type=float, default=30.0, help="seconds of load before the first memory sample")
    parser.add_argument("--sample-every", type=float, default=60.0, help="seconds between memory samples")
    parser.add_argument("--redis", action="store_true", help=f"counts and pages in Redis ({REDIS_URL})")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json-out", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the temporary site directory")
    return parser.parse_args()


def run(args: argparse.Namespace, workdir: Path, processes: Processes) -> dict:
    load_at_start = site.load_average()
    env, _ = site.setup_site(workdir)
    prefix = ""
    if args.redis:
        base = f"loa-soak-{uuid.uuid4().hex[:8]}"
        prefix = f"{base}:stats:"
        env = {**env, "REDIS_URL": REDIS_URL, "LOA_COUNTER_REDIS_URL": REDIS_URL, "LOA_COUNTER_PREFIX": prefix}
        env["LOA_CACHE_PREFIX"] = base
    env = {**env, "LOA_BEACON_RATE_LIMIT": "0"}  # every beacon comes from 127.0.0.1
    targets = collect_targets()
    from django.db import connections

    connections.close_all()

    port = site.free_port()
    log = workdir / "granian.log"
    granian = processes.start(granian_argv("127.0.0.1", port, site.APP_WORKERS), env=env, log=log)
    worker = processes.start([sys.executable, "manage.py", "loa_worker"], env=env, log=workdir / "worker.log", cwd=REPO)
    site.wait_for_http(f"http://127.0.0.1:{port}/", granian, log)
    unreachable = []
    for urls in targets.urls.values():
        for url in list(urls):
            try:
                site.wait_for_http(f"http://127.0.0.1:{port}{url}", granian, log, timeout=30)
            except RuntimeError:
                unreachable.append(url)
                urls.remove(url)
    say(f"[soak] {sum(map(len, targets.urls.values()))} URLs answer 200 ({len(unreachable)} left out: {unreachable})")
    before = view_counts(targets.article_ids)

    jobs: queue.Queue = queue.Queue()
    results = Results()
    stop = threading.Event()
    publishes: list[str] = []
    started_at = time.monotonic() + 0.5
    senders = [
        threading.Thread(target=sender, args=(port, jobs, results, started_at), daemon=True)
        for _ in range(args.senders)
    ]
    for thread in senders:
        thread.start()
    if args.publish_every:
        threading.Thread(
            target=publisher, args=(targets.article_ids, args.publish_every, stop, publishes), daemon=True
        ).start()
    sent_box: list[int] = []
    scheduler = threading.Thread(
        target=lambda: sent_box.append(schedule(targets, args, jobs, started_at, stop)), daemon=True
    )
    scheduler.start()
    say(f"[soak] {args.minutes} min at {args.page_rate} pages/s + {args.beacon_rate} beacons/s on port {port} …")

    samples: list[dict] = []
    next_sample = started_at + args.warmup
    try:
        while scheduler.is_alive():
            scheduler.join(1.0)
            now = time.monotonic()
            if now >= next_sample:
                minute = round((now - started_at) / 60, 1)
                samples.append({"minute": minute, "app": resident_mb(granian.pid), "worker": resident_mb(worker.pid)})
                errors = sum(results.errors.values())
                say(f"[soak] {minute:5.1f} min: app {samples[-1]['app']} MB, worker {samples[-1]['worker']} MB, "
                    f"queue {jobs.qsize()}, errors {errors}")  # fmt: skip
                next_sample = now + args.sample_every
    finally:
        stop.set()
        for _ in senders:
            jobs.put(None)
        for thread in senders:
            thread.join(60)
    samples.append(
        {
            "minute": round((time.monotonic() - started_at) / 60, 1),
            "app": resident_mb(granian.pid),
            "worker": resident_mb(worker.pid),
        }
    )
    processes.stop_all()
    if prefix:
        with contextlib.suppress(Exception):
            flush_redis(prefix)
    after = view_counts(targets.article_ids)
    acked = sum(results.acked.values())
    counted = sum(after[pk] - before[pk] for pk in targets.article_ids)
    lost = {pk: results.acked[pk] - (after[pk] - before[pk]) for pk in targets.article_ids}
    lost = {pk: n for pk, n in lost.items() if n}
    if prefix:
        with contextlib.suppress(Exception):
            remove_redis_keys(prefix)

    first, last = samples[0], samples[-1]
    growth = (last["app"] - first["app"]) / first["app"] if first["app"] else 0.0
    errors_total = sum(results.errors.values())
    report = {
        "benchmark": "soak",
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "revision": site.git_revision(),
        "versions": site.site_versions(),
        "store": "Redis + SQLite" if prefix else "SQLite (embedded)",
        "minutes": args.minutes,
        "page_rate": args.page_rate,
        "beacon_rate": args.beacon_rate,
        "requests": sent_box[0] if sent_box else None,
        "statuses": dict(results.statuses),
        "errors_total": errors_total,
        "errors": dict(results.errors),
        "error_examples": results.error_examples,
        "latency_ms": {kind: percentiles(samples_) for kind, samples_ in results.latencies.items()},
        "memory_mb": {
            "app_start": first["app"],
            "app_end": last["app"],
            "app_growth": round(growth, 4),
            "worker_start": first["worker"],
            "worker_end": last["worker"],
        },
        "memory_samples": samples,
        "beacons": {
            "acked": acked,
            "counted": counted,
            "lost_by_page": lost,
            "verdict": "exact" if not lost else f"MISMATCH on {len(lost)} pages",
        },
        "publishes": publishes,
        "unreachable_urls": unreachable,
        "load_average": {"start": load_at_start, "end": site.load_average()},
        "per_minute": {str(k): dict(v) for k, v in sorted(results.per_minute.items())},
    }
    report["passed"] = errors_total == 0 and not lost and growth < MEMORY_GROWTH_LIMIT
    print_report(report)
    return report


def main() -> int:
    report = site.run_bench(run, parse_args())
    return 130 if report is None else 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
