"""A small keep-alive HTTP GET load generator: the fallback when `wrk` is not installed.

Run as its own process (`python bench/httpload.py URL --seconds 10 --connections 16`) so that
the load never shares a GIL with the benchmark or the server it measures. Threads are spread
over several processes because one CPython process saturates long before nginx does; even so
it is slower than wrk, so figures from it are lower bounds, mostly for nginx. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urlsplit

USER_AGENT = "loa-bench-httpload/1"


def _thread_loop(host: str, port: int, path: str, deadline: float, out: dict) -> None:
    """One keep-alive connection sending GETs back to back until the deadline, like one wrk connection."""
    statuses: Counter = Counter()
    latencies: list[float] = []
    errors = 0
    connection = http.client.HTTPConnection(host, port, timeout=30)
    # HTTPLOAD_HOST_HEADER: the Host to send (bench/article_page.py asks every server for the same site name).
    headers = {"User-Agent": USER_AGENT, "Host": os.environ.get("HTTPLOAD_HOST_HEADER") or f"{host}:{port}"}
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
        statuses[response.status] += 1
        if response.will_close:
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.close()
    out["statuses"] = statuses
    out["latencies"] = latencies
    out["errors"] = errors


def _process_run(url: str, seconds: float, connections: int) -> dict:
    """Run `connections` threads in this process; returns raw counts for the parent to merge."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    deadline = time.perf_counter() + seconds
    results: list[dict] = [{} for _ in range(connections)]
    threads = [
        threading.Thread(target=_thread_loop, args=(parts.hostname, parts.port or 80, path, deadline, results[i]))
        for i in range(connections)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    statuses: Counter = Counter()
    latencies: list[float] = []
    errors = 0
    for result in results:
        statuses.update(result.get("statuses", {}))
        latencies.extend(result.get("latencies", []))
        errors += result.get("errors", 0)
    return {"statuses": dict(statuses), "latencies": latencies, "errors": errors, "seconds": elapsed}


def run(url: str, seconds: float, connections: int, processes: int) -> dict:
    """Spread `connections` over `processes` processes and merge their counts into one summary."""
    processes = max(1, min(processes, connections))
    shares = [connections // processes + (1 if i < connections % processes else 0) for i in range(processes)]
    with ProcessPoolExecutor(processes) as pool:
        parts = list(pool.map(_process_run, [url] * processes, [seconds] * processes, shares))
    statuses: Counter = Counter()
    latencies: list[float] = []
    for part in parts:
        statuses.update({int(k): v for k, v in part["statuses"].items()})
        latencies.extend(part["latencies"])
    requests = sum(statuses.values())
    elapsed = max(part["seconds"] for part in parts)
    latencies.sort()

    def percentile(fraction: float) -> float | None:
        if not latencies:
            return None
        return latencies[min(len(latencies) - 1, int(fraction * len(latencies)))] * 1000

    return {
        "requests": requests,
        "seconds": elapsed,
        "requests_per_second": requests / elapsed if elapsed else 0.0,
        "non_2xx_3xx": sum(v for k, v in statuses.items() if not 200 <= k < 400),
        "errors": sum(part["errors"] for part in parts),
        "latency_ms": {
            "p50": percentile(0.50),
            "p99": percentile(0.99),
            "mean": statistics.fmean(latencies) * 1000 if latencies else None,
        },
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--processes", type=int, default=min(4, os.cpu_count() or 1))
    args = parser.parse_args()
    print(json.dumps(run(args.url, args.seconds, args.connections, args.processes)))


if __name__ == "__main__":
    main()
