#!/usr/bin/env python3
"""Render deploy/nginx/loa.conf.template into the nginx configuration of a Loa site.

    LOA_NGINX_UPSTREAMS=10.0.0.11:8000,10.0.0.12:8000 ALLOWED_HOSTS=congthongtin.example.gov.vn \\
        python3 deploy/nginx/render.py > /etc/nginx/conf.d/loa.conf && nginx -t && systemctl reload nginx

Why a renderer and not a file to copy: the parts that differ between sites (the app servers,
paths, host names) and the optional modules (brotli, cache purge: a directive of a module that
is not loaded stops nginx) are decided in one place, and the tests render the very template
that ships, with their own ports and paths. Standard library only, so it runs on a proxy host
without Loa's virtualenv. Values come from the environment; `--help` lists them, `docs/deploy.md`
explains them. `--load-modules` prints the `load_module` lines a stand-alone nginx.conf needs
(Debian's own nginx.conf loads installed modules from modules-enabled/).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

TEMPLATE = Path(__file__).with_name("loa.conf.template")


@dataclass(frozen=True)
class Setting:
    default: str
    help: str


SETTINGS: dict[str, Setting] = {
    "LOA_NGINX_LISTEN": Setting("80", "address:port or port nginx listens on (plain HTTP)"),
    "ALLOWED_HOSTS": Setting("_", "the site's host names, comma-separated, as for the app (server_name)"),
    "LOA_NGINX_UPSTREAMS": Setting("127.0.0.1:8000", "app servers (granian), comma-separated host:port or unix:/path"),
    "LOA_NGINX_CACHE_DIR": Setting("/var/cache/nginx/loa", "where the micro-cache keeps pages"),
    "LOA_NGINX_CACHE_MAX_SIZE": Setting("1g", "largest size of the micro-cache on disk"),
    "LOA_NGINX_CACHE_KEYS_ZONE": Setting("20m", "shared memory for cache keys (1 MB holds about 8,000 pages)"),
    "LOA_STATIC_ROOT": Setting("/srv/loa/var/static", "collectstatic's folder (the app's STATIC_ROOT)"),
    "LOA_MEDIA_ROOT": Setting("/srv/loa/var/media", "uploaded media (the app's MEDIA_ROOT)"),
    "LOA_NGINX_MEDIA": Setting("auto", "/media/ from LOA_MEDIA_ROOT: auto (unless LOA_S3_BUCKET is set), on, off"),
    "LOA_S3_BUCKET": Setting("", "the app's object storage bucket: media are linked from there, not from /media/"),
    "LOA_NGINX_ADMIN_MAX_BODY": Setting("200m", "largest upload through /admin/ (video clips, documents)"),
    "LOA_NGINX_PURGE": Setting("auto", "PURGE endpoint: auto (if the cache-purge module is installed), on, off"),
    "LOA_NGINX_PURGE_ALLOW": Setting("127.0.0.1 ::1", "addresses / networks allowed to PURGE"),
    "LOA_NGINX_BROTLI": Setting("auto", "brotli compression: auto (if the modules are installed), on, off"),
    "LOA_NGINX_MODULES_DIR": Setting("/usr/lib/nginx/modules", "where the dynamic modules are looked for"),
    "LOA_NGINX_TRUSTED_PROXIES": Setting("", "CDN / load balancer networks whose X-Forwarded-For/-Proto are believed"),
    "LOA_NGINX_TLS_CERT": Setting("", "certificate (full chain); with LOA_NGINX_TLS_KEY nginx also listens with TLS"),
    "LOA_NGINX_TLS_KEY": Setting("", "private key of that certificate"),
    "LOA_NGINX_TLS_LISTEN": Setting("443", "address:port or port for TLS"),
}

MODULES = {
    "purge": ("ngx_http_cache_purge_module.so",),
    "brotli": ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so"),
}
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
BLOCK = re.compile(r"^#\{(if|if not) ([a-z]+)\}$")
# A value must not be able to end a directive or open a block: no ; { } quotes or line breaks.
UNSAFE = re.compile(r"[;{}\"'\n\r\\]")
UPSTREAM = re.compile(r"^(unix:/\S+|\[[0-9a-fA-F:]+\]:\d+|[A-Za-z0-9.-]+:\d+)$")


class ConfigError(ValueError):
    """A value that would make a broken or unsafe configuration."""


def _split(value: str) -> list[str]:
    return [item for item in re.split(r"[,\s]+", value.strip()) if item]


def _switch(name: str, value: str) -> str:
    value = value.strip().lower()
    if value in {"1", "true", "yes"}:
        return "on"
    if value in {"0", "false", "no"}:
        return "off"
    if value not in {"auto", "on", "off"}:
        raise ConfigError(f"{name} must be auto, on or off, not {value!r}")
    return value


def module_installed(feature: str, modules_dir: str) -> bool:
    return all((Path(modules_dir) / name).is_file() for name in MODULES[feature])


def settings_from(environ: Mapping[str, str]) -> dict[str, str]:
    values = {name: environ.get(name, setting.default) for name, setting in SETTINGS.items()}
    for name, value in values.items():
        if UNSAFE.search(value):
            raise ConfigError(f"{name} holds a character nginx would misread: {value!r}")
    return values


def features(values: Mapping[str, str]) -> dict[str, bool]:
    """Which optional blocks of the template are kept."""
    chosen: dict[str, bool] = {}
    for feature in MODULES:
        name = f"LOA_NGINX_{feature.upper()}"
        switch = _switch(name, values[name])
        installed = module_installed(feature, values["LOA_NGINX_MODULES_DIR"])
        chosen[feature] = switch == "on" or (switch == "auto" and installed)
    media = _switch("LOA_NGINX_MEDIA", values["LOA_NGINX_MEDIA"])
    chosen["media"] = media == "on" or (media == "auto" and not values["LOA_S3_BUCKET"].strip())
    chosen["realip"] = bool(_split(values["LOA_NGINX_TRUSTED_PROXIES"]))
    cert, key = values["LOA_NGINX_TLS_CERT"].strip(), values["LOA_NGINX_TLS_KEY"].strip()
    if bool(cert) != bool(key):
        raise ConfigError("LOA_NGINX_TLS_CERT and LOA_NGINX_TLS_KEY go together")
    chosen["tls"] = bool(cert)
    return chosen


def placeholders(values: Mapping[str, str]) -> dict[str, str]:
    """The template's ${…} values: the settings as given plus the few lists written as directives."""
    upstreams = _split(values["LOA_NGINX_UPSTREAMS"])
    if not upstreams:
        raise ConfigError("LOA_NGINX_UPSTREAMS names no app server")
    for upstream in upstreams:
        if not UPSTREAM.match(upstream):
            raise ConfigError(f"LOA_NGINX_UPSTREAMS: {upstream!r} is not host:port or unix:/path")
    proxies = _split(values["LOA_NGINX_TRUSTED_PROXIES"])
    purge_allow = _split(values["LOA_NGINX_PURGE_ALLOW"])
    if not purge_allow:
        raise ConfigError("LOA_NGINX_PURGE_ALLOW is empty (use 127.0.0.1 to allow the local machine only)")
    # Django's ".example.vn" (the domain and its subdomains) is nginx's ".example.vn" too; "*" is "_".
    hosts = _split(values["ALLOWED_HOSTS"])
    if not hosts or "*" in hosts:
        hosts = ["_"]
    return {
        **values,
        "LOA_NGINX_SERVER_NAME": " ".join(hosts),
        "LOA_NGINX_UPSTREAM_SERVERS": "\n".join(
            f"    server {upstream} max_fails=3 fail_timeout=10s;" for upstream in upstreams
        ),
        "LOA_NGINX_TRUSTED_PROXY_GEO": "\n".join(f"    {network}  1;" for network in proxies),
        "LOA_NGINX_REAL_IP_FROM": "\n".join(f"    set_real_ip_from {network};" for network in proxies),
        "LOA_NGINX_PURGE_ALLOW_LINES": "\n".join(f"        allow {network};" for network in purge_allow),
        "LOA_STATIC_ROOT": values["LOA_STATIC_ROOT"].rstrip("/"),
        "LOA_MEDIA_ROOT": values["LOA_MEDIA_ROOT"].rstrip("/"),
    }


def keep_blocks(text: str, chosen: Mapping[str, bool]) -> str:
    """Drop the `#{if x}` … `#{end}` blocks whose feature is off, and the markers themselves."""
    kept: list[str] = []
    keeping: bool | None = None  # None: outside a block
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        opening = BLOCK.match(stripped)
        if opening:
            if keeping is not None:
                raise ConfigError(f"template line {number}: blocks do not nest")
            kind, feature = opening.groups()
            if feature not in chosen:
                raise ConfigError(f"template line {number}: unknown feature {feature!r}")
            keeping = chosen[feature] if kind == "if" else not chosen[feature]
        elif stripped == "#{end}":
            if keeping is None:
                raise ConfigError(f"template line {number}: #{{end}} without #{{if}}")
            keeping = None
        elif stripped.startswith("##"):
            continue  # a note about the template itself
        elif keeping is None or keeping:
            kept.append(line)
    if keeping is not None:
        raise ConfigError("template: a block is not closed")
    return "\n".join(kept) + "\n"


def render(environ: Mapping[str, str] | None = None, template: Path = TEMPLATE) -> str:
    """The configuration for `environ` (default: this process's environment)."""
    values = settings_from(os.environ if environ is None else environ)
    chosen = features(values)
    text = keep_blocks(template.read_text(encoding="utf-8"), chosen)
    known = placeholders(values)

    def fill(match: re.Match) -> str:
        name = match[1]
        if name not in known:
            raise ConfigError(f"template names an unknown value ${{{name}}}")
        return known[name]

    summary = ", ".join(f"{name} {'on' if on else 'off'}" for name, on in chosen.items())
    text = PLACEHOLDER.sub(fill, text)
    # Left-out blocks and empty lists leave blank lines: none before a closing brace, one at most elsewhere.
    text = re.sub(r"\n(?:[ \t]*\n)+(?=[ \t]*\})", "\n", text)
    text = re.sub(r"\n(?:[ \t]*\n){2,}", "\n\n", text)
    return f"# Rendered by deploy/nginx/render.py from loa.conf.template ({summary}).\n" + text


def load_module_lines(environ: Mapping[str, str] | None = None) -> str:
    """`load_module` lines for the modules the rendered configuration uses (main context)."""
    values = settings_from(os.environ if environ is None else environ)
    chosen = features(values)
    modules_dir = Path(values["LOA_NGINX_MODULES_DIR"])
    names = [name for feature, names in MODULES.items() if chosen[feature] for name in names]
    return "".join(f"load_module {modules_dir / name};\n" for name in names)


STANDALONE = """\
# A stand-alone nginx.conf around the rendered site, for running it unprivileged on loopback
# (tests/deploy, bench/article_page.py). On a server, Debian's /etc/nginx/nginx.conf does this.
{load_modules}{user}worker_processes {workers};
pid {directory}/nginx.pid;
error_log {directory}/error.log notice;
daemon off;
events {{ worker_connections 1024; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    log_format loa_upstream '$remote_addr "$request" $status $upstream_addr $upstream_cache_status';
    access_log {access_log};
    client_body_temp_path {directory}/tmp/body;
    proxy_temp_path {directory}/tmp/proxy;
    fastcgi_temp_path {directory}/tmp/fastcgi;
    uwsgi_temp_path {directory}/tmp/uwsgi;
    scgi_temp_path {directory}/tmp/scgi;
    include {site};
}}
"""


def standalone(
    directory: Path, environ: Mapping[str, str], *, workers: int = 1, access_log: bool = True
) -> tuple[Path, Path]:
    """Write `loa.conf` (rendered) and an `nginx.conf` including it into `directory`.

    Returns (nginx.conf, access log). Run with `nginx -p DIR -c DIR/nginx.conf`. The access
    log names the app server that answered each request and the cache status.
    """
    (directory / "tmp").mkdir(parents=True, exist_ok=True)
    site = directory / "loa.conf"
    site.write_text(render(environ), encoding="utf-8")
    log = directory / "access.log"
    main_conf = directory / "nginx.conf"
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    main_conf.write_text(
        STANDALONE.format(
            load_modules=load_module_lines(environ),
            # Started by root, workers would run as `nobody` and could not read a private temp dir.
            user="user root;\n" if is_root else "",
            workers=workers,
            directory=directory,
            mime_types="/etc/nginx/mime.types",
            access_log=f"{log} loa_upstream" if access_log else "off",
            site=site,
        ),
        encoding="utf-8",
    )
    return main_conf, log


def main(argv: list[str] | None = None) -> int:
    epilog = "environment:\n" + "\n".join(
        f"  {name:<26} {setting.help} (default: {setting.default or 'empty'})" for name, setting in SETTINGS.items()
    )
    parser = argparse.ArgumentParser(
        description=__doc__.strip().splitlines()[0], epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--load-modules", action="store_true", help="print the load_module lines instead")
    args = parser.parse_args(argv)
    try:
        sys.stdout.write(load_module_lines() if args.load_modules else render())
    except ConfigError as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
