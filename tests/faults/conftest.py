"""What the fault tests break: a redis-server of their own, granian they can SIGKILL, and readers loading it.

Everything runs on loopback and is started by the test itself, so it can be killed without
touching the machine's own Redis or anyone else's server. Processes are stopped by their own
id (granian by its process group, which the test created) when the test ends.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import subprocess
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from loa.core.serving import granian_argv
from loa.core.testing import database_url_for_current_connection, free_port, service_missing, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


class RedisServer:
    """A redis-server that keeps nothing on disk (`--save "" --appendonly no`), on a port of its own."""

    def __init__(self, directory: Path) -> None:
        self.binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(self.binary).exists():
            service_missing("redis-server is not installed (apt-get install redis-server)")
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start (or start again, on the same port) an empty Redis."""
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.directory), "--logfile", str(self.directory / "redis.log")],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, self.process, timeout=60)  # a loaded 2-CPU machine starts it slowly

    def kill(self) -> None:
        """SIGKILL: whatever it held in memory is gone."""
        assert self.process is not None
        self.process.kill()
        self.process.wait()
        self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.kill()


@pytest.fixture
def own_redis(tmp_path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


class AppServer:
    """granian serving Loa on the test database, in a process group of its own so it can be SIGKILLed whole."""

    def __init__(self, log: Path, workers: int, env: dict[str, str]) -> None:
        from django.conf import settings

        self.port = free_port()
        self.workers = workers
        self.log = log
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "loa.settings.test",
            "DATABASE_URL": database_url_for_current_connection(),
            "REDIS_URL": "",  # the embedded default unless the test names its own Redis
            "LOA_COUNTER_REDIS_URL": "",
            "LOA_COUNTER_PREFIX": settings.LOA_COUNTER_PREFIX,
            **env,
        }
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start granian (again, on the same port after a kill)."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                granian_argv("127.0.0.1", self.port, self.workers),
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for_port(self.port, self.process, timeout=60)  # a loaded 2-CPU machine starts it slowly

    def kill(self) -> None:
        """SIGKILL the main process and every worker at once, as the OOM killer or a crashed host would."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            self.process = None


@pytest.fixture
def app_servers(tmp_path) -> Iterator:
    """Returns a function (workers, **env) -> a started AppServer; each is stopped after the test."""
    started: list[AppServer] = []

    def start(workers: int = 2, **env: str) -> AppServer:
        server = AppServer(tmp_path / f"granian-{len(started)}.log", workers, env)
        started.append(server)
        server.start()
        return server

    yield start
    for server in started:
        server.stop()


class Readers:
    """Readers on a few threads, each opening a page and sending its beacon, over and over.

    Every beacon comes from a visitor never seen before (a new `loa_vid` cookie), so each one
    the app acknowledges must add exactly one view, one daily view and one visit. Each request
    uses a new connection (`Connection: close`), as many readers would, so the load is spread
    over every granian worker. Outcomes:

    - `acked`: beacons answered 200 (the count is promised);
    - `refused`: the connection was refused, so the request never reached the app;
    - `unknown`: sent, but the connection broke before an answer (counted or not);
    - `beacon_statuses` / `page_statuses`: every HTTP status received, and `page_errors` for pages
      that got no answer at all.
    """

    def __init__(self, base: str, page_id: int, paths: list[str], threads: int = 4) -> None:
        self.host, self.port = base.removeprefix("http://").split(":")
        self.page_id = page_id
        self.paths = paths
        self.threads = threads
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.stopping = threading.Event()
        self.beacon_statuses: Counter = Counter()
        self.page_statuses: Counter = Counter()
        self.page_errors = 0
        self.refused = 0
        self.unknown = 0
        self.workers: list[threading.Thread] = []

    @property
    def acked(self) -> int:
        return self.beacon_statuses[200]

    def start(self) -> Readers:
        for n in range(self.threads):
            worker = threading.Thread(target=self._read, args=(n,), daemon=True)
            worker.start()
            self.workers.append(worker)
        return self

    def stop(self) -> None:
        self.stopping.set()
        for worker in self.workers:
            worker.join(60)
        assert not any(worker.is_alive() for worker in self.workers)

    def wait_for(self, *, acked: int = 0, refused: int = 0, timeout: float = 60) -> None:
        """Block until at least `acked` beacons were acknowledged and `refused` connections refused."""
        with self.changed:
            reached = self.changed.wait_for(lambda: self.acked >= acked and self.refused >= refused, timeout)
        assert reached, f"load stalled: {self.summary()}"

    def summary(self) -> dict:
        with self.lock:
            return {
                "acked": self.acked,
                "refused": self.refused,
                "unknown": self.unknown,
                "beacon_statuses": dict(self.beacon_statuses),
                "page_statuses": dict(self.page_statuses),
                "page_errors": self.page_errors,
            }

    def _request(self, method: str, path: str, body: bytes | None, headers: dict) -> tuple[str, int]:
        """('answered', status), ('refused', 0) or ('unknown', 0)."""
        connection = http.client.HTTPConnection(self.host, int(self.port), timeout=30)
        try:
            try:
                connection.connect()
            except ConnectionRefusedError:
                return "refused", 0
            try:
                connection.request(method, path, body=body, headers={"Connection": "close", **headers})
                response = connection.getresponse()
                response.read()
                return "answered", response.status
            except (OSError, http.client.HTTPException):
                return "unknown", 0
        finally:
            connection.close()

    def _read(self, n: int) -> None:
        body = json.dumps({"page": self.page_id}).encode()
        turn = n
        while not self.stopping.is_set():
            turn += 1
            outcome, status = self._request(
                "GET", self.paths[turn % len(self.paths)], None, {"Host": "localhost", "User-Agent": BROWSER_UA}
            )
            with self.changed:
                if outcome == "answered":
                    self.page_statuses[status] += 1
                else:
                    self.page_errors += 1
            headers = {
                "Host": "localhost",
                "User-Agent": BROWSER_UA,
                "Content-Type": "application/json",
                "Cookie": f"loa_vid={uuid.uuid4().hex}",
            }
            outcome, status = self._request("POST", "/api/beacon/", body, headers)
            with self.changed:
                if outcome == "answered":
                    self.beacon_statuses[status] += 1
                elif outcome == "refused":
                    self.refused += 1
                else:
                    self.unknown += 1
                self.changed.notify_all()
            if outcome == "refused":
                self.stopping.wait(0.02)  # the app is down: knock again shortly, not in a busy loop


@pytest.fixture
def readers() -> Iterator:
    """Returns a function (base, page_id, paths, threads) -> started Readers; all are stopped after the test."""
    started: list[Readers] = []

    def start(base: str, page_id: int, paths: list[str], threads: int = 4) -> Readers:
        load = Readers(base, page_id, paths, threads).start()
        started.append(load)
        return load

    yield start
    for load in started:
        load.stop()


@pytest.fixture
def counted_totals():
    """A function (page id) -> what the database holds: the page's views and daily views, and visits (all days)."""
    from django.db.models import Sum

    from loa.stats.models import DailyPageView, DailyVisit, PageViewCount

    def totals(page_id: int) -> dict[str, int]:
        return {
            "views": PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True).first() or 0,
            "daily": DailyPageView.objects.filter(page_id=page_id).aggregate(n=Sum("count"))["n"] or 0,
            "visits": DailyVisit.objects.aggregate(n=Sum("count"))["n"] or 0,
        }

    return totals


@pytest.fixture
def flush_counters(settings):
    """A function (Redis URL) running the worker's `flush_counters` task (the immediate backend in tests) on it."""
    from loa.stats import counters
    from loa.stats.tasks import flush_counters as task

    def flush(redis_url: str) -> None:
        settings.LOA_COUNTER_REDIS_URL = redis_url
        counters.reset_redis_client()
        task.enqueue()

    return flush
