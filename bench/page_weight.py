"""Page weight without images: the bytes a reader's browser downloads for an article, the home page
and a section page, apart from the photos (issue 6: HTML + CSS + JS at most 50 KB compressed).

Why: on a phone over a slow mobile network, every kilobyte before the first paint counts. This
script builds the same throwaway demo site as bench/article_page.py (whose setup helpers it
imports), renders each page through Django's test client, finds what the page links to
(stylesheets, scripts, preloaded fonts, and the web fonts the stylesheets declare), fetches each
file through the client too (whitenoise serves them, as in the embedded default), and prints per
page the raw, gzip and brotli sizes, the HTML+CSS+JS total against the goal, and one JSON line.

Compression: static files at gzip level 9 and brotli quality 11, what whitenoise stores beside
them at collectstatic (brotli needs the `brotli` module, else its column says "n/a"); HTML at
gzip 6 and brotli 5, typical on-the-fly settings (the HTML is made per request). WOFF2 fonts are
already compressed and counted as they are. 1 KB = 1,000 bytes.

Measurement only: nothing here asserts anything. Everything lives in a fresh temporary directory;
the repository's var/ is never touched; no server is started.

Run: `.venv/bin/python bench/page_weight.py` (`--help` for options).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

# bench/article_page.py owns the throwaway-site setup; run as a script, bench/ is on sys.path.
from article_page import (  # importing it also puts the repository on sys.path, for `loa`
    git_revision,
    load_average,
    pick_article,
    say,
    setup_site,
    site_versions,
    temporary_workdir,
)

GOAL_BYTES = 50_000  # HTML + CSS + JS, compressed (gzip): the "≤ 50 KB"
FONT_URL = re.compile(r"""url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)""")

try:  # optional: without it only gzip is reported
    import brotli
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None


# --- What a page links to -------------------------------------------------------------------


class AssetFinder(HTMLParser):
    """Stylesheets, scripts, font preloads and images of one HTML page, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self.font_preloads: list[str] = []
        self.pictures = 0
        self.images = 0
        self.lazy_images = 0
        self.inline_script_bytes = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        rel = a.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.css.append(a["href"])
        elif tag == "link" and "preload" in rel and a.get("as") == "font" and a.get("href"):
            self.font_preloads.append(a["href"])
        elif tag == "script":
            if a.get("src"):
                self.js.append(a["src"])
            self._in_script = "src" not in a and a.get("type", "") not in ("application/ld+json",)
        elif tag == "picture":
            self.pictures += 1
        elif tag == "img":
            self.images += 1
            self.lazy_images += a.get("loading") == "lazy"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_script_bytes += len(data.encode())


# --- Sizes ------------------------------------------------------------------------------------


@dataclass
class Size:
    raw: int = 0
    gzip: int = 0
    brotli: int | None = 0

    def add(self, other: Size) -> None:
        self.raw += other.raw
        self.gzip += other.gzip
        self.brotli = None if self.brotli is None or other.brotli is None else self.brotli + other.brotli


def measure(data: bytes, *, dynamic: bool, precompressed: bool = False) -> Size:
    """Sizes of one response body; `precompressed` (WOFF2) is sent as it is."""
    if precompressed:
        return Size(len(data), len(data), len(data))
    gz = len(gzip.compress(data, compresslevel=6 if dynamic else 9, mtime=0))
    br = len(brotli.compress(data, quality=5 if dynamic else 11)) if brotli else None
    return Size(len(data), gz, br)


@dataclass
class PageWeight:
    name: str
    url: str
    html: Size
    css: Size
    js: Size
    fonts: Size
    files: dict[str, list[str]] = field(default_factory=dict)
    images: int = 0
    lazy_images: int = 0
    pictures: int = 0
    first_render_ms: float = 0.0

    @property
    def total(self) -> Size:
        """HTML + CSS + JS: what the goal counts (fonts are reported beside it)."""
        total = Size()
        for part in (self.html, self.css, self.js):
            total.add(part)
        return total


def fetch(client, url: str) -> bytes:
    """A static file through the client (whitenoise), as the browser would get it."""
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return b"".join(response.streaming_content) if response.streaming else response.content


def fonts_declared(css_urls: list[str], css_bodies: dict[str, bytes]) -> list[str]:
    """The WOFF2 files the page's stylesheets declare, as absolute paths.

    Every page sets Vietnamese text in both weights (bold titles), so a browser downloads
    them all: this is the font weight of a first visit, not a lower bound.
    """
    found: list[str] = []
    for css_url in css_urls:
        base = css_url.rsplit("/", 1)[0] + "/"
        for ref in FONT_URL.findall(css_bodies[css_url].decode()):
            url = ref if ref.startswith("/") else os.path.normpath(base + ref)
            if url not in found:
                found.append(url)
    return found


def weigh(client, name: str, url: str) -> PageWeight:
    started = time.perf_counter()
    first = client.get(url)  # also makes any missing rendition
    first_render_ms = (time.perf_counter() - started) * 1000
    if first.status_code != 200:
        raise RuntimeError(f"GET {url} answered {first.status_code}")
    html = client.get(url).content  # the page as readers get it once renditions exist
    finder = AssetFinder()
    finder.feed(html.decode())

    css_bodies = {href: fetch(client, href) for href in finder.css}
    js_bodies = {src: fetch(client, src) for src in finder.js}
    font_urls = fonts_declared(finder.css, css_bodies)
    for preload in finder.font_preloads:
        if preload not in font_urls:
            font_urls.append(preload)
    font_bodies = {href: fetch(client, href) for href in font_urls}

    css, js, fonts = Size(), Size(), Size()
    for body in css_bodies.values():
        css.add(measure(body, dynamic=False))
    for body in js_bodies.values():
        js.add(measure(body, dynamic=False))
    for body in font_bodies.values():
        fonts.add(measure(body, dynamic=False, precompressed=True))
    return PageWeight(
        name=name,
        url=url,
        html=measure(html, dynamic=True),
        css=css,
        js=js,
        fonts=fonts,
        files={
            "css": finder.css,
            "js": finder.js,
            "fonts": font_urls,
            "font_preloads": finder.font_preloads,
        },
        images=finder.images,
        lazy_images=finder.lazy_images,
        pictures=finder.pictures,
        first_render_ms=round(first_render_ms, 1),
    )


def pick_pages() -> dict[str, str]:
    """The article bench/article_page.py measures, the home page, and that article's section."""
    article = pick_article()
    section = article.get_parent().specific
    return {"article": article.url, "home": "/", "section": section.url}


# --- Report ---------------------------------------------------------------------------------


def kb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 1000:.1f}"


def print_report(results: dict[str, Any], pages: list[PageWeight]) -> None:
    print(f"\nPage weight without images — revision {results['revision']}, {results['when']}")
    print(f"goal: HTML + CSS + JS ≤ {GOAL_BYTES / 1000:.0f} KB gzip (1 KB = 1,000 bytes)\n")
    header = f"{'page':<9}{'part':<16}{'raw KB':>9}{'gzip KB':>9}{'br KB':>9}"
    for page in pages:
        print(f"{page.name} {page.url}")
        print("  " + header)
        for part, size in (("HTML", page.html), ("CSS", page.css), ("JS", page.js)):
            print(f"  {'':<9}{part:<16}{kb(size.raw):>9}{kb(size.gzip):>9}{kb(size.brotli):>9}")
        total = page.total
        verdict = "met" if total.gzip <= GOAL_BYTES else "NOT met"
        print(
            f"  {'':<9}{'HTML+CSS+JS':<16}{kb(total.raw):>9}{kb(total.gzip):>9}{kb(total.brotli):>9}   goal {verdict}"
        )
        print(
            f"  {'':<9}{'fonts (WOFF2)':<16}{kb(page.fonts.raw):>9}{kb(page.fonts.gzip):>9}{kb(page.fonts.brotli):>9}"
            f"   {len(page.files['fonts'])} files, {len(page.files['font_preloads'])} preloaded"
        )
        print(
            f"  {'':<9}images: {page.images} <img> ({page.pictures} in <picture>, {page.lazy_images} lazy), "
            f"not counted; first render {page.first_render_ms:,.0f} ms (makes missing renditions)\n"
        )
    if brotli is None:
        print("note: the brotli module is not installed: brotli sizes not measured")


# --- Main -----------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Weigh the Loa pages without images (see bench/README.md).")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    parser.add_argument("--json-out", type=Path, help="also write the JSON figures to this file")
    return parser.parse_args()


def run(workdir: Path) -> dict[str, Any]:
    started = time.monotonic()
    setup_site(workdir)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    pages = []
    for name, url in pick_pages().items():
        say(f"[weigh] {name} {url} …")
        pages.append(weigh(client, name, url))

    from django.db import connections

    connections.close_all()
    results: dict[str, Any] = {
        "benchmark": "page_weight",
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "revision": git_revision(),
        "versions": site_versions(),
        "goal_bytes": GOAL_BYTES,
        "compression": {"static": "gzip -9, brotli 11", "html": "gzip -6, brotli 5", "brotli": brotli is not None},
        "pages": {
            page.name: {**asdict(page), "total": asdict(page.total), "goal_met": page.total.gzip <= GOAL_BYTES}
            for page in pages
        },
        "goal_met": all(page.total.gzip <= GOAL_BYTES for page in pages),
        "total_seconds": round(time.monotonic() - started, 1),
        "load_average": load_average(),
    }
    print_report(results, pages)
    return results


def main() -> int:
    args = parse_args()
    with temporary_workdir(args.keep) as workdir:
        try:
            results = run(workdir)
        finally:
            from django.db import connections

            connections.close_all()
    line = json.dumps(results, ensure_ascii=False)
    if args.json_out:
        args.json_out.write_text(line + "\n")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
