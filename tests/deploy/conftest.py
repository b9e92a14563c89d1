"""nginx on loopback in front of real app servers: the shipped template, rendered with this test's ports and paths.

nginx runs unprivileged-style from a temporary prefix (pid, logs, temp files, cache), with
the stand-alone nginx.conf that deploy/nginx/render.py writes around the rendered site.
Without nginx the tests skip, except under CI=true, where they fail (.ci/run installs it).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
RENDER = ROOT / "deploy" / "nginx" / "render.py"


def _load_render() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loa_deploy_nginx_render", RENDER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


render = _load_render()


@pytest.fixture(scope="session")
def renderer() -> ModuleType:
    """deploy/nginx/render.py, the shipped renderer (not a package, so loaded from its path)."""
    return render


def nginx_path() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


@pytest.fixture(scope="session")
def nginx_binary() -> str:
    path = nginx_path()
    if path is None:
        message = "nginx is not installed (apt-get install nginx-light)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: the nginx tests must run)")
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class RunningNginx:
    url: str
    port: int
    directory: Path
    config: str
    access_log: Path
    process: subprocess.Popen

    def upstream_lines(self) -> list[str]:
        """Access log lines: `addr "request" status upstream_addr cache_status`."""
        time.sleep(0.05)  # nginx writes the line after the response
        return self.access_log.read_text().splitlines() if self.access_log.exists() else []


@dataclass
class Site:
    """Paths the rendered configuration points at."""

    static_root: Path
    media_root: Path


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> Path:
    """Loa's own static files collected by whitenoise's storage: hashed names and .gz twins, as in production."""
    from django.core.management import call_command
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=root,
        STORAGES=storages,
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def site_paths(tmp_path, collected_static) -> Site:
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "documents").mkdir()
    (media / "images" / "anh.width-800.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (media / "documents" / "quyet-dinh.pdf").write_bytes(b"%PDF-1.4 private")
    return Site(static_root=collected_static, media_root=media)


@pytest.fixture
def nginx(nginx_binary, tmp_path, site_paths) -> Iterator[Callable[..., RunningNginx]]:
    """Start nginx with the shipped template: `nginx(upstreams=[url, …], LOA_NGINX_PURGE="off", …)`."""
    started: list[subprocess.Popen] = []

    def start(upstreams: list[str], **env: str) -> RunningNginx:
        port = free_port()
        directory = tmp_path / f"nginx-{port}"
        directory.mkdir()
        environ = {
            "LOA_NGINX_LISTEN": f"127.0.0.1:{port}",
            "LOA_NGINX_UPSTREAMS": ",".join(u.removeprefix("http://") for u in upstreams),
            "LOA_NGINX_CACHE_DIR": str(directory / "cache"),
            "LOA_STATIC_ROOT": str(site_paths.static_root),
            "LOA_MEDIA_ROOT": str(site_paths.media_root),
            **env,
        }
        main_conf, access_log = render.standalone(directory, environ)
        command = [nginx_binary, "-p", str(directory), "-c", str(main_conf), "-e", str(directory / "error.log")]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(process)
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {(directory / 'error.log').read_text()}") from None
                time.sleep(0.05)
        config = (directory / "loa.conf").read_text()
        return RunningNginx(f"http://127.0.0.1:{port}", port, directory, config, access_log, process)

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in started:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def shared_page_cache(settings, tmp_path):
    """The app servers' page cache on, its version file shared with this process.

    Changes made here commit (transactional tests), bump the content version and write the
    mirror file the servers read, exactly as an editor's change in another process would.
    """
    from loa.core import pagecache

    version_file = tmp_path / "page-cache-version"
    settings.LOA_PAGE_CACHE_SECONDS = 60
    settings.LOA_PAGE_CACHE_VERSION_FILE = str(version_file)
    pagecache.reset_store()

    def server_env(seconds: int = 60) -> dict[str, str]:
        return {
            "LOA_PAGE_CACHE_SECONDS": str(seconds),
            "LOA_PAGE_CACHE_STALE_SECONDS": "30",
            "LOA_PAGE_CACHE_VERSION_FILE": str(version_file),
            "LOA_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            "LOA_LOG_LEVEL": "WARNING",
        }

    yield server_env
    pagecache.reset_store()
