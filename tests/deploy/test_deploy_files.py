"""The example files in deploy/ agree with the code: every variable is read somewhere, the nginx file renders."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / "deploy" / "systemd" / "loa.env.example"
UNITS = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
ASSIGNMENT = re.compile(r"^#?([A-Z][A-Z0-9_]+)=(.*)$")


def example_environment(*, commented: bool) -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = ASSIGNMENT.match(line.strip())
        if match and (commented or not line.startswith("#")):
            values[match[1]] = match[2]
    return values


def python_sources() -> str:
    files = [*(ROOT / "loa").rglob("*.py"), ROOT / "deploy" / "nginx" / "render.py"]
    return "\n".join(p.read_text() for p in files if "tests" not in p.parts and "migrations" not in p.parts)


def test_every_variable_of_the_example_is_read_by_the_code():
    sources = python_sources()
    unknown = [name for name in example_environment(commented=True) if f'"{name}"' not in sources]
    assert unknown == []


def test_the_example_environment_renders_a_configuration_nginx_accepts(nginx_binary, renderer, tmp_path):
    environ = {**example_environment(commented=False), "LOA_NGINX_CACHE_DIR": str(tmp_path / "cache")}
    main_conf, _ = renderer.standalone(tmp_path, environ)
    site = (tmp_path / "loa.conf").read_text()
    assert "server_name congthongtin.example.gov.vn;" in site
    assert "server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;" in site
    result = subprocess.run(
        [nginx_binary, "-t", "-p", str(tmp_path), "-c", str(main_conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_units_start_what_make_serve_starts_with_the_example_environment():
    environment = example_environment(commented=False)
    assert {unit.name for unit in UNITS} == {"loa-web.service", "loa-worker.service"}
    for unit in UNITS:
        text = unit.read_text()
        for section in ("[Unit]", "[Service]", "[Install]"):
            assert section in text, unit.name
        assert "EnvironmentFile=/etc/loa/loa.env" in text
        assert f"ReadWritePaths={environment['LOA_VAR_DIR']}" in text
        assert "User=loa" in text
    web = (ROOT / "deploy" / "systemd" / "loa-web.service").read_text()
    assert "ExecStart=/srv/loa/.venv/bin/python -m loa.core.serving" in web
    assert (ROOT / "loa" / "core" / "serving.py").exists()
    worker = (ROOT / "deploy" / "systemd" / "loa-worker.service").read_text()
    assert "manage.py loa_worker" in worker
    assert (ROOT / "loa" / "core" / "management" / "commands" / "loa_worker.py").exists()
