"""Benchmark of the public article page: SQL queries, render time, the page cache, and nginx.

Why: the article page is what readers hit most. A reader without a session gets it from the
full-page cache (loa/core/pagecache.py) and, in a deployment with nginx in front, from nginx's
micro-cache (deploy/nginx). This script measures, in one run and on the same fresh demo site,
  1. uncached renders in-process (Django test Client, full middleware, page cache off): SQL
     queries and time of the article (aim: at most 8 queries) and of the home page (at most 12),
     cold (Django cache cleared before each render) and with warm fragment caches (what a real
     uncached request usually sees), and the cached path in-process (the WSGI wrapper answering
     a hit) beside them;
  2. requests/s over HTTP, side by side: the app through granian with the page cache off and
     with it warm, nginx serving the very same HTML bytes from a file (the ceiling), and the
     shipped nginx configuration (deploy/nginx, micro-cache) in front of the app, with the
     ratios the issue asks for (cached app / nginx >= 0.25, micro-cache / nginx >= 0.8), plus the
     throughput of the counting beacon (POST /api/beacon/);
and prints a table followed by one JSON line with every figure, so later runs can be compared.

Measurement only: nothing here asserts a time. Everything lives in a fresh temporary directory
(SQLite database, media, static files); the repository's var/ is never touched. Servers listen
on loopback only and are stopped at the end, also on Ctrl-C or an error.

Run: `.venv/bin/python bench/article_page.py` (or `make bench`); `--help` lists the knobs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LOA_DIR = str(REPO / "loa") + os.sep
QUERY_AIM = 8
HOME_QUERY_AIM = 12
CACHED_RATIO_GOAL = 0.25  # cached app / nginx serving the same bytes
MICROCACHE_RATIO_GOAL = 0.8  # shipped nginx micro-cache in front of the app / nginx serving the bytes
APP_WORKERS = 2
PAGE_CACHE_SECONDS = 60
# Every server is asked for the same site name (port-less): the app builds canonical links from
# the Host header, so the bytes it caches, nginx's file and nginx's micro-cache are identical.
SITE_HOST = "127.0.0.1"
SETTINGS_MODULE = "loa.settings.embedded"
# Environment that would point the throwaway site at shared services; the bench always uses the embedded default.
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "LOA_COUNTER_REDIS_URL", "SECRET_KEY", "DEBUG")

if str(REPO) not in sys.path:  # run as `python bench/article_page.py`: make `loa` importable
    sys.path.insert(0, str(REPO))

from loa.core.serving import granian_argv  # noqa: E402 -- after making `loa` importable

# --- Small helpers ---------------------------------------------------------------------------


def say(message: str) -> None:
    """Progress goes to stderr so that stdout holds only the table and the JSON line."""
    print(message, file=sys.stderr, flush=True)


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: with 200 samples p95 is the 190th value, no interpolation surprises."""
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, int(round(fraction * len(ordered))) - 1))
    return ordered[index]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def apt_install(package: str) -> bool:
    """Install a Debian package when we are root; refresh the package lists once if the first try fails."""
    if not is_root() or not shutil.which("apt-get"):
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    say(f"  installing {package} with apt-get …")
    for refresh in (False, True):
        if refresh:
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=240, check=False)
        result = subprocess.run(
            ["apt-get", "install", "-y", "-q", package], env=env, capture_output=True, timeout=240, check=False
        )
        if result.returncode == 0:
            return True
    say(f"  apt-get install {package} failed")
    return False


def git_revision() -> str:
    """The commit measured, with '+dirty' when the tree has changes: figures are only comparable per revision."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True).stdout
        return commit + ("+dirty" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --- Process management --------------------------------------------------------------------


class Processes:
    """Every server the bench starts, stopped in reverse order by `stop_all()` whatever happens.

    Each child gets its own session (process group), so a Ctrl-C in the terminal reaches only
    this script, which then stops its children itself; stopping signals only those groups.
    """

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, command: list[str], *, env: dict[str, str], log: Path, cwd: Path = REPO) -> subprocess.Popen:
        handle = log.open("ab")
        try:
            process = subprocess.Popen(
                command, env=env, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
            )
        finally:
            handle.close()
        self.started.append(process)
        return process

    @staticmethod
    def stop(process: subprocess.Popen, grace: float = 10.0) -> None:
        if process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)

    def stop_all(self) -> None:
        while self.started:
            self.stop(self.started.pop())


def run_load(command: list[str], timeout: float, *, env: dict[str, str] | None = None) -> str:
    """Run a load generator in its own process group and return its stdout.

    Unlike subprocess.run, an interruption or time-out stops the whole group, including the
    worker processes of the Python fallback, not only the process we started.
    """
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with {process.returncode}: {stderr.strip()[-2000:]}")
    return stdout


def wait_for_http(url: str, process: subprocess.Popen, log: Path, timeout: float = 60.0) -> bytes:
    """Poll until the URL answers 200; the first answer of a worker includes imports and template compilation."""
    deadline = time.monotonic() + timeout
    last_error = ""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; log {log}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(site_request(url), timeout=10) as response:
                if response.status == 200:
                    return response.read()
                last_error = f"HTTP {response.status}"
        except (OSError, urllib.error.URLError) as error:
            last_error = str(error)
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f} s ({last_error}); log:\n{tail(log)}")


def site_request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"Host": SITE_HOST})


def tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --- The throwaway site --------------------------------------------------------------------


def isolated_environment(workdir: Path) -> dict[str, str]:
    """Environment for this process and the servers: embedded settings, every path inside `workdir`."""
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "LOA_VAR_DIR": str(workdir / "var"),
            "LOA_STATIC_ROOT": str(workdir / "var" / "static"),
            "LOA_MEDIA_ROOT": str(workdir / "var" / "media"),
            "LOA_LOG_LEVEL": "WARNING",
            # Every beacon comes from 127.0.0.1 here: the per-address limit would answer 429.
            "LOA_BEACON_RATE_LIMIT": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    return env


def build_site() -> str:
    """Migrate, load the demo portal and collect static files, as bin/prepare does, in this process."""
    from django.core.management import call_command

    output = io.StringIO()
    call_command("migrate", interactive=False, verbosity=0, stdout=output)
    call_command("load_demo", stdout=output)
    call_command("collectstatic", interactive=False, verbosity=0, stdout=output)
    return output.getvalue().strip().splitlines()[-1] if output.getvalue().strip() else ""


def pick_article():
    """A live public article with a main photo and a byline, preferring one with tags.

    Tags make `related_articles()` take its tag query, the richer path; newest first, so the
    choice is stable for a given demo content.
    """
    from django.db.models import Count

    from loa.news.models import ArticlePage

    candidates = (
        ArticlePage.objects.live()
        .public()
        .filter(main_image__isnull=False)
        .annotate(author_count=Count("article_authors", distinct=True), tag_count=Count("tagged_items", distinct=True))
        .filter(author_count__gt=0)
        .order_by("-tag_count", "-first_published_at", "pk")
    )
    article = candidates.first()
    if article is None:
        raise RuntimeError("the demo content has no live article with a photo and an author")
    return article


# --- 1. Uncached render --------------------------------------------------------------------


@dataclass
class CapturedQuery:
    sql: str
    origin: str


@dataclass
class RenderFigures:
    situation: str
    renders: int
    queries: int
    queries_seen: list[int]
    ms_median: float
    ms_p95: float
    ms_mean: float
    ms_min: float
    html_bytes: int
    captured: list[CapturedQuery] = field(default_factory=list, repr=False)


def query_origin() -> str:
    """Where a query comes from: the innermost template line and Loa code line, else the library line.

    Found by walking the stack: template nodes are recognised by `render_annotated` frames,
    whose node carries its template origin and token line.
    """
    frame = sys._getframe(2)
    template_site = code_site = library_site = ""
    while frame is not None:
        filename = frame.f_code.co_filename
        if not template_site and frame.f_code.co_name == "render_annotated":
            node = frame.f_locals.get("self")
            origin, token = getattr(node, "origin", None), getattr(node, "token", None)
            if origin is not None and token is not None:
                template_site = f"{origin.template_name}:{token.lineno}"
        if not code_site and filename.startswith(LOA_DIR):
            code_site = f"{os.path.relpath(filename, REPO)}:{frame.f_lineno}"
        if (
            not library_site
            and "site-packages" in filename
            and f"{os.sep}django{os.sep}db{os.sep}" not in filename
            and "functional.py" not in filename
        ):
            library_site = f"{filename.split('site-packages' + os.sep, 1)[1]}:{frame.f_lineno}"
        frame = frame.f_back
    parts = [site for site in (template_site, code_site) if site]
    return " ← ".join(parts) if parts else library_site or "?"


def render_once(client, url: str) -> Any:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return response


def capture_render(client, url: str, cold: bool) -> list[CapturedQuery]:
    """One render with every SQL statement recorded, counted with CaptureQueriesContext."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    origins: list[str] = []

    def record(execute: Callable, sql: str, params: Any, many: bool, context: dict) -> Any:
        origins.append(query_origin())
        return execute(sql, params, many, context)

    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(record):
        render_once(client, url)
    if len(origins) != len(captured.captured_queries):  # both hook the same cursor calls
        origins = ["?"] * len(captured.captured_queries)
    return [CapturedQuery(q["sql"], o) for q, o in zip(captured.captured_queries, origins, strict=True)]


def measure_renders(url: str, renders: int, cold: bool) -> RenderFigures:
    """Time `renders` renders without query capture (the debug cursor would add its own cost), then count.

    Cold clears the process cache before each render (outside the timed span): fragment,
    site-root, settings and rendition caches all start empty. Warm renders the page first so
    the menu and sidebar fragments are filled, as they are for most uncached requests.
    """
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    html = render_once(client, url).content  # renditions exist and templates are compiled before timing
    render_once(client, url)
    timings: list[float] = []
    for _ in range(renders):
        if cold:
            cache.clear()
        started = time.perf_counter()
        render_once(client, url)
        timings.append((time.perf_counter() - started) * 1000)
    captures = [capture_render(client, url, cold) for _ in range(3)]
    counts = sorted({len(capture) for capture in captures})
    return RenderFigures(
        situation="cold" if cold else "warm_fragments",
        renders=renders,
        queries=max(counts),
        queries_seen=counts,
        ms_median=round(statistics.median(timings), 3),
        ms_p95=round(percentile(timings, 0.95), 3),
        ms_mean=round(statistics.fmean(timings), 3),
        ms_min=round(min(timings), 3),
        html_bytes=len(html),
        captured=max(captures, key=len),
    )


@dataclass
class CachedPathFigures:
    hits: int
    queries: int
    ms_median: float
    ms_p95: float
    ms_mean: float
    ms_min: float
    html_bytes: int


def measure_cached_path(url: str, hits: int) -> CachedPathFigures:
    """The page cache's hit path in-process: loa/wsgi.py's wrapper answering before Django.

    The same WSGI application granian runs, called directly with a GET environ (Host
    127.0.0.1, no cookie), so the time is the cache's own work without HTTP; the first call
    stores the page (a miss), the timed ones must all be hits.
    """
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from loa.core.pagecache import PageCacheApp

    application = PageCacheApp(WSGIHandler())
    base = RequestFactory()._base_environ(PATH_INFO=url, REQUEST_METHOD="GET", HTTP_HOST="127.0.0.1")
    seen: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        seen.clear()
        seen.update({k.lower(): v for k, v in headers}, status=status)

    def call() -> bytes:
        environ = dict(base)
        environ["wsgi.input"] = io.BytesIO(b"")
        body = b"".join(application(environ, start_response))
        if not seen["status"].startswith("200"):
            raise RuntimeError(f"GET {url} answered {seen['status']}")
        return body

    call()
    call()  # stored, and the version mirror exists
    timings: list[float] = []
    for _ in range(hits):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
        if seen.get("x-loa-cache") != "HIT":
            raise RuntimeError(f"the page cache did not answer {url} (X-Loa-Cache: {seen.get('x-loa-cache')})")
    with CaptureQueriesContext(connection) as captured:
        html = call()
    return CachedPathFigures(
        hits=hits,
        queries=len(captured.captured_queries),
        ms_median=round(statistics.median(timings), 4),
        ms_p95=round(percentile(timings, 0.95), 4),
        ms_mean=round(statistics.fmean(timings), 4),
        ms_min=round(min(timings), 4),
        html_bytes=len(html),
    )


def compact_sql(sql: str, full: bool) -> str:
    """Column lists of Wagtail page queries run to kilobytes: keep the FROM … WHERE part that identifies them."""
    if full:
        return sql
    sql = re.sub(r"^SELECT (DISTINCT )?.+? FROM ", r"SELECT \1… FROM ", sql, count=1, flags=re.S)
    return sql if len(sql) <= 170 else sql[:169] + "…"


# --- 2. Throughput ------------------------------------------------------------------------


def find_tool(name: str, package: str, allow_install: bool) -> str | None:
    path = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()), None
    )
    if path is None and allow_install and apt_install(package):
        path = shutil.which(name) or (str(Path("/usr/sbin") / name) if (Path("/usr/sbin") / name).exists() else None)
    return path


def start_granian(
    processes: Processes, env: dict[str, str], workdir: Path, *, page_cache_seconds: int
) -> tuple[subprocess.Popen, int, Path]:
    """The app as `make run` serves it (bin/run's granian flags), with two workers; 0 turns the page cache off."""
    port = free_port()
    log = workdir / f"granian-{port}.log"
    command = granian_argv("127.0.0.1", port, APP_WORKERS)
    env = {**env, "LOA_PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    return processes.start(command, env=env, log=log), port, log


NGINX_CONF = """\
# Minimal nginx serving one saved HTML file, as a full-page cache would; written by bench/article_page.py.
worker_processes {workers};
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {dir}/tmp_body;
    proxy_temp_path {dir}/tmp_proxy;
    fastcgi_temp_path {dir}/tmp_fastcgi;
    uwsgi_temp_path {dir}/tmp_uwsgi;
    scgi_temp_path {dir}/tmp_scgi;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/html;
        charset utf-8;
        location / {{ try_files /article.html =404; }}
    }}
}}
"""


def start_nginx(processes: Processes, nginx: str, html: bytes, workdir: Path) -> tuple[subprocess.Popen, int, Path]:
    """nginx on another loopback port answering every path with the app's exact bytes."""
    directory = workdir / "nginx"
    (directory / "html").mkdir(parents=True)
    (directory / "html" / "article.html").write_bytes(html)
    # Run as root, nginx workers drop to `nobody`: they must be able to reach the file.
    for path in (workdir, directory, directory / "html"):
        path.chmod(0o755)
    (directory / "html" / "article.html").chmod(0o644)
    port = free_port()
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(workers=APP_WORKERS, dir=directory, port=port))
    log = directory / "stdout.log"
    command = [nginx, "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log")]
    return processes.start(command, env=dict(os.environ), log=log), port, log


def load_renderer():
    """deploy/nginx/render.py, the shipped renderer (a script, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("loa_deploy_nginx_render", REPO / "deploy" / "nginx" / "render.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def start_microcache(
    processes: Processes, nginx: str, app_port: int, workdir: Path
) -> tuple[subprocess.Popen, int, Path]:
    """The shipped configuration (deploy/nginx/loa.conf.template) in front of the app, as a deployment runs it."""
    directory = workdir / "nginx-microcache"
    directory.mkdir(parents=True)
    directory.chmod(0o755)
    port = free_port()
    environ = {
        "LOA_NGINX_LISTEN": f"127.0.0.1:{port}",
        "LOA_NGINX_UPSTREAMS": f"127.0.0.1:{app_port}",
        "LOA_NGINX_CACHE_DIR": str(directory / "cache"),
        "LOA_STATIC_ROOT": os.environ.get("LOA_STATIC_ROOT", str(workdir / "var" / "static")),
        "LOA_MEDIA_ROOT": os.environ.get("LOA_MEDIA_ROOT", str(workdir / "var" / "media")),
    }
    conf, _ = load_renderer().standalone(directory, environ, workers=APP_WORKERS, access_log=False)
    log = directory / "stdout.log"
    command = [nginx, "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log")]
    return processes.start(command, env=dict(os.environ), log=log), port, log


def fetch_headers(url: str) -> tuple[dict[str, str], bytes]:
    with urllib.request.urlopen(site_request(url), timeout=30) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


WRK_DURATION = re.compile(r"([\d.]+)(us|ms|s|m)\b")


def _wrk_ms(text: str) -> float | None:
    match = WRK_DURATION.fullmatch(text.strip())
    if not match:
        return None
    value, unit = float(match[1]), match[2]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> dict:
    """requests/s, latency percentiles and failures from wrk's text report (run with --latency)."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    latency = {label: _wrk_ms(value) for label, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", output, re.M)}
    return {
        "requests": int(total[1]) if total else None,
        "requests_per_second": float(rps[1]) if rps else None,
        "non_2xx_3xx": int(non_2xx[1]) if non_2xx else 0,
        "errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "latency_ms": {"p50": latency.get("50"), "p99": latency.get("99")},
    }


@dataclass
class LoadTool:
    name: str
    path: str
    connections: int
    threads: int

    def run(self, url: str, seconds: float) -> dict:
        """Keep-alive GETs at fixed concurrency for `seconds`, in separate processes from the servers."""
        if self.name == "wrk":
            command = [
                self.path,
                f"-t{self.threads}",
                f"-c{self.connections}",
                f"-d{max(1, round(seconds))}s",
                "--latency",
                "--timeout",
                "10s",  # wrk's 2 s default would count the app's slowest answers as errors
                "-H",
                f"Host: {SITE_HOST}",
                url,
            ]
            return parse_wrk(run_load(command, seconds + 60))
        command = [
            sys.executable,
            str(REPO / "bench" / "httpload.py"),
            url,
            "--seconds",
            str(seconds),
            "--connections",
            str(self.connections),
            "--processes",
            str(self.threads),
        ]
        environment = {**os.environ, "HTTPLOAD_HOST_HEADER": SITE_HOST}
        return json.loads(run_load(command, seconds + 60, env=environment).strip().splitlines()[-1])


def combine_loads(parts: list[dict]) -> dict:
    """One row from several slices of load: requests over time summed, latencies as the slices' median."""
    requests = sum(part.get("requests") or 0 for part in parts)
    seconds = sum(
        (part.get("requests") or 0) / part["requests_per_second"] for part in parts if part.get("requests_per_second")
    )

    def median_of(name: str) -> float | None:
        values = [part.get("latency_ms", {}).get(name) for part in parts]
        values = [value for value in values if value is not None]
        return statistics.median(values) if values else None

    return {
        "requests": requests,
        "requests_per_second": requests / seconds if seconds else None,
        "non_2xx_3xx": sum(part.get("non_2xx_3xx") or 0 for part in parts),
        "errors": sum(part.get("errors") or 0 for part in parts),
        "latency_ms": {"p50": median_of("p50"), "p99": median_of("p99")},
        "rounds": [round(part["requests_per_second"] or 0, 1) for part in parts],
    }


def beacon_throughput(base_url: str, page_id: int, seconds: float, clients: int, env: dict[str, str]) -> dict:
    """POSTs to /api/beacon/ from distinct visitors, with loa.stats.loadgen.fire() in its own process.

    A short probe sizes the main run so it lasts about `seconds` whatever the machine; it also
    warms the beacon path (first writes, connection set-up).
    """

    def fire(hits: int) -> dict:
        command = [sys.executable, "-m", "loa.stats.loadgen", base_url, str(page_id), str(hits), str(clients)]
        return json.loads(run_load(command, seconds * 6 + 60, env=env).strip().splitlines()[-1])

    probe = fire(max(clients * 10, 200))
    hits = int(min(max(probe["per_second"] * seconds, clients * 20), 100_000))
    figures = fire(hits)
    return {
        "requests_per_second": figures["per_second"],
        "hits": hits,
        "clients": clients,
        "seconds": figures["seconds"],
        "statuses": figures["statuses"],
    }


# --- Report ----------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def print_renders(title: str, cold: RenderFigures, warm: RenderFigures, aim: dict, verbosity: int) -> None:
    print(f"   {title}")
    for figures, label in ((cold, "cold (cache cleared each time)"), (warm, "warm fragments (usual case)")):
        queries = str(figures.queries) if len(figures.queries_seen) == 1 else "–".join(map(str, figures.queries_seen))
        print(
            f"   {label:<36}{queries:>12}{fmt(figures.ms_median, 2):>11}{fmt(figures.ms_p95, 2):>9}"
            f"{fmt(figures.ms_mean, 2):>9}{fmt(figures.ms_min, 2):>9}"
        )
    verdict = {True: "MET", False: "NOT MET"}
    print(
        f"   aim ≤ {aim['max_queries']} queries per uncached render: warm fragments {verdict[aim['met_warm']]} "
        f"({warm.queries}), cold {verdict[aim['met_cold']]} ({cold.queries})"
    )
    if verbosity:
        for figures, label in ((cold, "cold"), (warm, "warm fragments")):
            print(f"\n   Queries, {label} ({figures.queries}):")
            width = max((len(q.origin) for q in figures.captured), default=10)
            for number, query in enumerate(figures.captured, 1):
                print(f"   {number:>3}. {query.origin:<{width}}  {compact_sql(query.sql, verbosity > 1)}")
    elif not aim["met_warm"] or not aim["met_cold"]:
        print("   (run with --verbose to list the queries and where they come from; -vv for full SQL)")


def print_report(results: dict, renders: dict[str, tuple[RenderFigures, RenderFigures]], verbosity: int) -> None:
    article = results["article"]
    print()
    print(
        f"Loa article page benchmark · {results['when']} · {results['revision']} · "
        f"{results['cpus']} CPUs · Python {results['versions']['python']} · Django {results['versions']['django']} · "
        f"Wagtail {results['versions']['wagtail']}"
    )
    print(f"Article #{article['id']} {article['url']} ({article['html_bytes']:,} bytes, photo + byline)")
    loads = results["load_average"]
    busy = max((value or 0) for value in loads.values()) > (results["cpus"] or 1)
    print(
        f"Load average {fmt(loads['start'], 2)} at start, {fmt(loads['end'], 2)} at end"
        + (": the machine was busy with other work, figures are noisy" if busy else "")
    )
    print()
    cold, warm = renders["article"]
    home_cold, home_warm = renders["home"]
    print("1. In-process (Django test Client, full middleware, page cache off for the renders)")
    print(f"   {'situation':<36}{'SQL queries':>12}{'median ms':>11}{'p95 ms':>9}{'mean ms':>9}{'min ms':>9}")
    print_renders(
        f"Article page, uncached, {cold.renders} renders each", cold, warm, results["render"]["aim"], verbosity
    )
    cached = results["render"]["cached_path"]
    print(
        f"   {'cached path (page-cache hit, WSGI)':<36}{cached['queries']:>12}{fmt(cached['ms_median'], 3):>11}"
        f"{fmt(cached['ms_p95'], 3):>9}{fmt(cached['ms_mean'], 3):>9}{fmt(cached['ms_min'], 3):>9}"
    )
    speedup = results["render"].get("uncached_warm_to_cached_ms")
    if speedup:
        print(f"   an uncached render (warm fragments) takes {speedup:,.0f}× the time of a cached answer")
    print()
    print_renders(
        f"Home page, uncached, {home_cold.renders} renders each",
        home_cold,
        home_warm,
        results["home"]["aim"],
        verbosity,
    )
    print()
    throughput = results.get("throughput")
    if not throughput:
        print("2. Throughput: skipped (--no-servers)")
        return
    tool = throughput["tool"]
    print(
        f"2. Throughput, GET article ({tool['name']}, {tool['connections']} connections, {tool['threads']} "
        f"threads/processes, {throughput['seconds']:g} s each after {throughput['warmup_seconds']:g} s warm-up;"
        f" the cached app and both nginx in {throughput.get('rounds', 1)} turns)"
    )
    print(f"   {'server':<44}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'errors':>8}")
    rows = [
        ("app_uncached", f"app, page cache off (granian, {APP_WORKERS} workers)"),
        ("app_cached", f"app, page cache warm (granian, {APP_WORKERS} workers)"),
        ("nginx_static", "nginx, the same bytes from a file"),
        ("nginx_microcache", "nginx micro-cache (deploy/nginx) → app"),
    ]
    for key, label in rows:
        figures = throughput.get(key)
        if not figures:
            print(f"   {label:<44}{'skipped: ' + throughput.get('nginx_skipped', '?')}")
            continue
        latency = figures.get("latency_ms", {})
        print(
            f"   {label:<44}{fmt(figures['requests_per_second']):>10}{fmt(latency.get('p50'), 2):>9}"
            f"{fmt(latency.get('p99'), 2):>9}{figures['non_2xx_3xx']:>9}{figures['errors']:>8}"
        )
    ratios = throughput.get("ratios")
    if ratios:
        verdict = {True: "MET", False: "NOT MET", None: "—"}
        for key, label in (
            ("app_uncached_to_nginx", "ratio app page cache off / nginx"),
            ("app_cached_to_nginx", "ratio app page cache warm / nginx"),
            ("microcache_to_nginx", "ratio nginx micro-cache / nginx file"),
        ):
            value = ratios.get(key)
            goal = ratios["goals"].get(key)
            met = None if value is None or goal is None else value >= goal
            suffix = f"   goal ≥ {goal:g}: {verdict[met]}" if goal is not None else ""
            print(f"   {label:<44}{fmt(value, 4):>10}{suffix}")
        per_round = ratios.get("per_round", {})
        if any(per_round.values()):
            cached = ", ".join(f"{value:.2f}" for value in per_round.get("app_cached", []))
            micro = ", ".join(f"{value:.2f}" for value in per_round.get("nginx_microcache", []))
            print(f"   {'  each turn: page cache / micro-cache':<44}   {cached}  /  {micro}")
    beacon = throughput.get("beacon")
    if beacon:
        print(
            f"   {'beacon POST /api/beacon/':<44}{fmt(beacon['requests_per_second']):>10}   "
            f"({beacon['hits']:,} hits from distinct visitors, {beacon['clients']} clients, "
            f"statuses {beacon['statuses']})"
        )
    if tool["name"] != "wrk":
        print("   note: Python fallback load generator: it saturates before nginx does, nginx req/s is a lower bound")
    print(f"   note: {results['cpus']} CPUs shared by the server under test and the load generator")


# --- Main ------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the Loa article page (see bench/README.md).")
    parser.add_argument("--renders", type=int, default=200, help="in-process renders per situation (default 200)")
    parser.add_argument("--home-renders", type=int, default=100, help="in-process home page renders (default 100)")
    parser.add_argument("--seconds", type=float, default=10.0, help="load duration per server (default 10)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="the cached app and both nginx are loaded in turns, this many times"
    )
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up load before each measure (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads / fallback processes (default 2)")
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk exists")
    parser.add_argument("--no-install", action="store_true", help="never apt-get install wrk or nginx")
    parser.add_argument("--no-servers", action="store_true", help="only the in-process render measurements")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    parser.add_argument("--json-out", type=Path, help="also write the JSON figures to this file")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="list the queries (-vv: full SQL)")
    return parser.parse_args()


def raise_keyboard_interrupt(signum: int, frame: Any) -> None:
    """SIGTERM takes the same clean-up path as Ctrl-C."""
    raise KeyboardInterrupt


@contextlib.contextmanager
def temporary_workdir(keep: bool) -> Iterator[Path]:
    workdir = Path(tempfile.mkdtemp(prefix="loa-bench-"))
    try:
        yield workdir
    finally:
        if keep:
            say(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def load_average() -> float | None:
    """The 1-minute load average: other jobs on the machine skew every figure, so it is recorded with them."""
    with contextlib.suppress(OSError, AttributeError):
        return round(os.getloadavg()[0], 2)
    return None


def setup_site(workdir: Path) -> tuple[dict[str, str], float]:
    """This process on a fresh embedded site in `workdir` (no service variables): its environment and setup time.

    Shared by every bench in this folder.
    """
    env = isolated_environment(workdir)
    for name in SERVICE_VARIABLES:
        os.environ.pop(name, None)
    os.environ.update(env)

    import django

    django.setup()
    say(f"[setup] fresh site in {workdir}: migrate, load_demo, collectstatic …")
    setup_started = time.monotonic()
    demo_summary = build_site()
    setup_seconds = time.monotonic() - setup_started
    say(f"[setup] {demo_summary} ({setup_seconds:.1f} s)")
    return env, setup_seconds


def site_versions() -> dict[str, str]:
    import django
    import wagtail

    return {
        "python": ".".join(map(str, sys.version_info[:3])),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
    }


def run(args: argparse.Namespace, workdir: Path, processes: Processes) -> dict:
    started = time.monotonic()
    load_at_start = load_average()
    env, setup_seconds = setup_site(workdir)

    article = pick_article()
    url = article.url
    from django.test import override_settings

    from loa.core import pagecache

    with override_settings(LOA_PAGE_CACHE_SECONDS=0):  # renders, not page-cache hits
        say(f"[render] article #{article.pk} {url}: {args.renders} cold renders …")
        cold = measure_renders(url, args.renders, cold=True)
        say(f"[render] {args.renders} renders with warm fragments …")
        warm = measure_renders(url, args.renders, cold=False)
        say(f"[render] home page: {args.home_renders} cold renders, {args.home_renders} with warm fragments …")
        home_cold = measure_renders("/", args.home_renders, cold=True)
        home_warm = measure_renders("/", args.home_renders, cold=False)
    with override_settings(LOA_PAGE_CACHE_SECONDS=PAGE_CACHE_SECONDS):
        pagecache.reset_store()
        say(f"[render] cached path: {args.renders * 10} page-cache hits in-process …")
        cached = measure_cached_path(url, args.renders * 10)
        pagecache.reset_store()

    from django.db import connections

    connections.close_all()

    def figures(render: RenderFigures) -> dict:
        return {k: v for k, v in asdict(render).items() if k != "captured"}

    results: dict[str, Any] = {
        "benchmark": "article_page",
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "revision": git_revision(),
        "cpus": os.cpu_count(),
        "versions": site_versions(),
        "article": {"id": article.pk, "url": url, "title": article.title, "html_bytes": cold.html_bytes},
        "setup_seconds": round(setup_seconds, 1),
        "render": {
            "renders": args.renders,
            "cold": figures(cold),
            "warm_fragments": figures(warm),
            "aim": {
                "max_queries": QUERY_AIM,
                "met_cold": cold.queries <= QUERY_AIM,
                "met_warm": warm.queries <= QUERY_AIM,
            },
            "cached_path": asdict(cached),
            "uncached_warm_to_cached_ms": round(warm.ms_median / cached.ms_median, 1) if cached.ms_median else None,
        },
        "home": {
            "renders": args.home_renders,
            "cold": figures(home_cold),
            "warm_fragments": figures(home_warm),
            "aim": {
                "max_queries": HOME_QUERY_AIM,
                "met_cold": home_cold.queries <= HOME_QUERY_AIM,
                "met_warm": home_warm.queries <= HOME_QUERY_AIM,
            },
        },
    }
    if not args.no_servers:
        results["throughput"] = measure_throughput(args, env, workdir, processes, url, article.pk)
    results["total_seconds"] = round(time.monotonic() - started, 1)
    results["load_average"] = {"start": load_at_start, "end": load_average()}
    print_report(results, {"article": (cold, warm), "home": (home_cold, home_warm)}, args.verbose)
    return results


def measure_throughput(
    args: argparse.Namespace, env: dict[str, str], workdir: Path, processes: Processes, url: str, page_id: int
) -> dict:
    allow_install = not args.no_install
    wrk = None if args.python_load else find_tool("wrk", "wrk", allow_install)
    tool = (
        LoadTool("wrk", wrk, args.connections, args.threads)
        if wrk
        else LoadTool("python-httpload", sys.executable, args.connections, args.threads)
    )
    if not wrk and not args.python_load:
        say("[load] wrk not found (and not installable): using bench/httpload.py")
    throughput: dict[str, Any] = {
        "tool": {"name": tool.name, "connections": tool.connections, "threads": tool.threads},
        "seconds": args.seconds,
        "warmup_seconds": args.warmup,
        "rounds": args.rounds,
    }

    def load(label: str, target: str) -> dict:
        say(f"[{label}] GET load {args.warmup:g} s warm-up + {args.seconds:g} s …")
        tool.run(target, args.warmup)
        return tool.run(target, args.seconds)

    say("[app, page cache off] starting granian …")
    granian, port, log = start_granian(processes, env, workdir, page_cache_seconds=0)
    target = f"http://127.0.0.1:{port}{url}"
    wait_for_http(target, granian, log)
    throughput["app_uncached"] = load("app, page cache off", target)
    Processes.stop(granian)

    say("[app, page cache on] starting granian …")
    granian, app_port, app_log = start_granian(processes, env, workdir, page_cache_seconds=PAGE_CACHE_SECONDS)
    app_url = f"http://127.0.0.1:{app_port}{url}"
    wait_for_http(app_url, granian, app_log)
    targets = {"app_cached": app_url}

    nginx = find_tool("nginx", "nginx-light", allow_install)
    if nginx is None:
        reason = "nginx not installed" + ("" if is_root() else " and not root, so not installable")
        say(f"[nginx] skipped: {reason}")
        throughput["nginx_skipped"] = reason
    # Warm both app workers, then take the bytes nginx will serve from a hit.
    say(f"[app, page cache warm] warm-up {args.warmup:g} s …")
    tool.run(app_url, args.warmup)
    headers, html = fetch_headers(app_url)
    if headers.get("x-loa-cache") != "HIT":
        raise RuntimeError(f"the app's page cache did not answer (X-Loa-Cache: {headers.get('x-loa-cache')})")
    throughput["html_bytes"] = len(html)

    started: list[subprocess.Popen] = []
    if nginx is not None:
        say("[nginx, static file] starting …")
        nginx_process, nginx_port, nginx_log = start_nginx(processes, nginx, html, workdir)
        started.append(nginx_process)
        targets["nginx_static"] = f"http://127.0.0.1:{nginx_port}{url}"
        if wait_for_http(targets["nginx_static"], nginx_process, nginx_log, timeout=15) != html:
            raise RuntimeError("nginx does not serve the same bytes as the app")

        say("[nginx micro-cache] starting deploy/nginx in front of the app …")
        micro_process, micro_port, micro_log = start_microcache(processes, nginx, app_port, workdir)
        started.append(micro_process)
        targets["nginx_microcache"] = f"http://127.0.0.1:{micro_port}{url}"
        wait_for_http(targets["nginx_microcache"], micro_process, micro_log, timeout=15)
        headers, served = fetch_headers(targets["nginx_microcache"])
        if headers.get("x-cache-status") != "HIT" or served != html:
            (workdir / "expected.html").write_bytes(html)
            (workdir / "microcache.html").write_bytes(served)
            raise RuntimeError(
                f"the micro-cache did not serve the app's bytes from its cache (X-Cache-Status: "
                f"{headers.get('x-cache-status')}, same bytes: {served == html})"
            )
        for label, target in targets.items():
            if label != "app_cached":
                say(f"[{label}] warm-up {args.warmup:g} s …")
                tool.run(target, args.warmup)

    # Taken in turns, so that other work on the machine weighs on every row alike.
    rounds = max(1, args.rounds)
    slices: dict[str, list[dict]] = {label: [] for label in targets}
    for number in range(1, rounds + 1):
        for label, target in targets.items():
            say(f"[{label}] GET load, round {number}/{rounds}: {args.seconds / rounds:g} s …")
            slices[label].append(tool.run(target, args.seconds / rounds))
    for label, parts in slices.items():
        throughput[label] = combine_loads(parts)
    for process in started:
        Processes.stop(process)

    if nginx is not None:
        static_rps = throughput["nginx_static"]["requests_per_second"]

        def ratio(key: str) -> float | None:
            rps = throughput[key]["requests_per_second"]
            return round(rps / static_rps, 4) if rps and static_rps else None

        throughput["ratios"] = {
            "app_uncached_to_nginx": ratio("app_uncached"),
            "app_cached_to_nginx": ratio("app_cached"),
            "microcache_to_nginx": ratio("nginx_microcache"),
            "goals": {"app_cached_to_nginx": CACHED_RATIO_GOAL, "microcache_to_nginx": MICROCACHE_RATIO_GOAL},
            "per_round": {
                key: [
                    round(part["requests_per_second"] / static["requests_per_second"], 4)
                    for part, static in zip(slices[key], slices["nginx_static"], strict=True)
                    if part["requests_per_second"] and static["requests_per_second"]
                ]
                for key in ("app_cached", "nginx_microcache")
            },
        }

    say(f"[beacon] POST /api/beacon/ for about {args.seconds:g} s …")
    throughput["beacon"] = beacon_throughput(
        f"http://127.0.0.1:{app_port}", page_id, args.seconds, args.connections, env
    )
    Processes.stop(granian)
    return throughput


def run_bench(run: Callable[[argparse.Namespace, Path, Processes], dict], args: argparse.Namespace) -> dict | None:
    """Run one bench in a temporary site, stopping its servers whatever happens; print (and save) its JSON line.

    Shared by every bench in this folder. None when interrupted (Ctrl-C or SIGTERM).
    """
    signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
    processes = Processes()
    try:
        with temporary_workdir(args.keep) as workdir:
            try:
                results = run(args, workdir, processes)
            finally:
                processes.stop_all()
                with contextlib.suppress(Exception):
                    from django.db import connections

                    connections.close_all()
    except KeyboardInterrupt:
        say("interrupted: servers stopped, temporary directory removed")
        return None
    if args.json_out:
        args.json_out.write_text(json.dumps(results, ensure_ascii=False) + "\n")
    print(json.dumps(results, ensure_ascii=False))
    return results


def main() -> int:
    return 130 if run_bench(run, parse_args()) is None else 0


if __name__ == "__main__":
    sys.exit(main())
