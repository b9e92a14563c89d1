"""Send many beacons from distinct visitors in parallel; used by the concurrency tests and bench/.

Runs as its own process (`python -m loa.stats.loadgen URL PAGE_ID HITS CLIENTS`) so that
the load does not share a GIL with the server it measures. Prints a JSON summary.
"""

from __future__ import annotations

import http.client
import json
import sys
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


def fire(url: str, page_id: int, hits: int, clients: int = 16) -> dict:
    """http.client rather than httpx: the lighter client leaves the CPU to the server being measured."""
    body = json.dumps({"page": page_id}).encode()
    parts = urlsplit(url)

    def worker(count: int) -> Counter:
        statuses: Counter = Counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        for _ in range(count):
            headers = {
                "User-Agent": BROWSER_UA,
                "Content-Type": "application/json",
                "Cookie": f"loa_vid={uuid.uuid4().hex}",
            }
            for _attempt in range(5):
                try:
                    connection.request("POST", "/api/beacon/", body=body, headers=headers)
                except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError, http.client.HTTPException):
                    # The request never reached the app (a fresh connection is made): safe to retry.
                    connection.close()
                    time.sleep(0.05)
                    continue
                response = connection.getresponse()
                response.read()
                statuses[response.status] += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                break
            else:
                statuses["connect-error"] += 1
        connection.close()
        return statuses

    share = [hits // clients + (1 if i < hits % clients else 0) for i in range(clients)]
    started = time.perf_counter()
    total: Counter = Counter()
    with ThreadPoolExecutor(clients) as pool:
        for statuses in pool.map(worker, share):
            total.update(statuses)
    elapsed = time.perf_counter() - started
    return {"statuses": {str(k): v for k, v in total.items()}, "seconds": elapsed, "per_second": hits / elapsed}


def fire_in_subprocess(url: str, page_id: int, hits: int, clients: int = 16) -> dict:
    import subprocess

    output = subprocess.run(
        [sys.executable, "-m", "loa.stats.loadgen", url, str(page_id), str(hits), str(clients)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


if __name__ == "__main__":
    url, page_id, hits, clients = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(fire(url, page_id, hits, clients)))
