"""Front-end cache purge: nginx's micro-cache, Varnish or Cloudflare drop what a change made stale.

Pages leave the app with `s-maxage` (loa/core/pagecache.py), so a cache in front may serve them
for that long after a change. When `loa.core.signals.content_changed` arrives (after the
change has committed), this module asks the caches configured by environment
(`WAGTAILFRONTENDCACHE`, built in loa/settings/base.py from `LOA_FRONTEND_CACHE` and
`LOA_CLOUDFLARE_*`) to forget:

- a page published, unpublished, moved or deleted: its URLs (Wagtail's `PurgeBatch`, so each
  page's `get_cached_paths()`), every ancestor's (its section lists it, the home page shows the
  latest articles) and the feeds (RSS, news sitemap). For a move, also where it was before.
- a change that can show on any page (`page=None`: a snippet, banner or setting), and a page
  that does (a top-level menu entry, a home page, a video clip: the sidebar's video box):
  everything the backend can purge at once. Cloudflare: `purge_everything`. An HTTP cache
  (nginx with ngx_cache_purge, Varnish) purges one URL per request and Debian's purge module
  has no wildcard, so it gets the pages most likely to be held: each site's home pages, their
  top-level menu pages and the feeds. Listing every URL of the sitemap would mean tens of
  thousands of PURGE requests for a banner edit, most of them for pages the micro-cache no
  longer holds; every other page is fresh within `LOA_PAGE_CACHE_SECONDS` (s-maxage).

Requests go out from a task (Wagtail's `purge_urls_from_cache_task`, our `purge_everything_task`),
so in production the worker sends them and an editor's publish never waits on a CDN.
"""

from __future__ import annotations

import copy
import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import ProxyHandler, build_opener

import requests
from django.db import transaction
from django_tasks import task
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import CloudflareBackend, HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends, purge_urls_from_cache
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from .signals import content_changed

logger = logging.getLogger("wagtail.frontendcache")

CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4"
# Site-level URLs that list new pages (loa/feeds/urls.py): purged with every page change.
FEED_PATHS = ("rss.xml", "sitemap.xml", "sitemap-news.xml")
# Page types whose changes show on every page (the sidebar's video box lists the latest clips).
SHOWN_ON_EVERY_PAGE = frozenset({"loa_media.videopage"})
USER_AGENT = f"Loa-frontend-purge (Wagtail-frontendcache/{wagtail_version})"


# --- Backends ---------------------------------------------------------------------------------


class HTTPPurgeBackend(HTTPBackend):
    """`PURGE /path` with the page's host and scheme, for deploy/nginx (ngx_cache_purge) or Varnish.

    Differs from Wagtail's HTTPBackend where a micro-cache needs it: the page's scheme goes
    in `X-Forwarded-Proto` (nginx's cache key holds it; the PURGE itself is plain HTTP on
    loopback), a 404 means "not in the cache", which is the usual case and not an error, the
    request gives up after `TIMEOUT` seconds instead of never, and no proxy from the
    environment (`http_proxy`) is used to reach a cache on the local network.
    """

    TIMEOUT = 5.0

    def __init__(self, params: dict) -> None:
        self.timeout = float(params.pop("TIMEOUT", self.TIMEOUT))
        super().__init__(params)
        self._opener = build_opener(ProxyHandler({}))

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, ""))
        headers = {"Host": host, "User-Agent": USER_AGENT, "X-Forwarded-Proto": parts.scheme or "http"}
        try:
            self._opener.open(PurgeRequest(target, headers=headers), timeout=self.timeout).close()
        except HTTPError as error:
            if error.code == 404:
                logger.debug("Not in the HTTP cache: %s", url)
            else:
                logger.error("Couldn't purge '%s' from HTTP cache. HTTPError: %d %s", url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Couldn't purge '%s' from HTTP cache at %s: %s", url, self.cache_netloc, error)


class CloudflarePurgeBackend(CloudflareBackend):
    """Cloudflare's purge API, with `purge_everything` and the API address as a setting.

    Wagtail's backend posts to a fixed https://api.cloudflare.com address, which a test cannot
    replace with a local server, and has no way to empty a zone. `API_URL` (default Cloudflare's
    v4 API) and `TIMEOUT` are the two extra parameters.
    """

    def __init__(self, params: dict) -> None:
        api_url = params.pop("API_URL", "") or CLOUDFLARE_API_URL
        self.timeout = float(params.pop("TIMEOUT", 30))
        super().__init__(params)
        self.cloudflare_purge_endpoint_url = f"{api_url.rstrip('/')}/zones/{self.cloudflare_zoneid}/purge_cache"

    def _headers(self) -> dict[str, str]:
        if self.cloudflare_token:
            return {"Authorization": f"Bearer {self.cloudflare_token}"}
        return {"X-Auth-Email": self.cloudflare_email, "X-Auth-Key": self.cloudflare_api_key}

    def _post(self, payload: dict, what: str) -> bool:
        try:
            response = requests.post(
                self.cloudflare_purge_endpoint_url, json=payload, headers=self._headers(), timeout=self.timeout
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as error:
            logger.error("Couldn't purge %s from Cloudflare: %s", what, error)
            return False
        if not isinstance(answer, dict) or answer.get("success") is not True:
            errors = answer.get("errors") if isinstance(answer, dict) else None
            messages = ", ".join(str(e.get("message", e)) for e in errors or [] if isinstance(e, dict)) or "no detail"
            logger.error("Couldn't purge %s from Cloudflare (HTTP %d): %s", what, response.status_code, messages)
            return False
        return True

    def _purge_urls(self, urls: list[str]) -> None:
        self._post({"files": list(urls)}, f"{len(urls)} URL(s)")

    def purge_everything(self) -> None:
        self._post({"purge_everything": True}, "everything")


# --- What to purge ----------------------------------------------------------------------------


def configured() -> bool:
    return bool(get_backends())


def _shown_on_every_page(page: Page) -> bool:
    """A home page, a top-level menu entry (the main menu) or a page type every sidebar lists."""
    if page.depth <= 2:  # a site's root (home) page, or the tree's root
        return True
    if page.show_in_menus and page.depth == 3:
        return True
    model = page.specific_class
    return model is not None and model._meta.label_lower in SHOWN_ON_EVERY_PAGE


def _feed_urls() -> list[str]:
    roots = {site.root_url for site in Site.objects.all()}
    return [f"{root}/{path}" for root in sorted(roots) for path in FEED_PATHS]


def page_urls(page: Page) -> set[str]:
    """The page's URLs, its ancestors' and the feeds."""
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1))
    batch.add_urls(_feed_urls())
    return batch.urls


def site_wide_urls() -> set[str]:
    """For a cache without "purge everything": home pages (every language), their menu pages, feeds."""
    batch = PurgeBatch()
    for site in Site.objects.select_related("root_page"):
        for root in site.root_page.get_translations(inclusive=True):
            batch.add_page(root)
            batch.add_pages(root.get_children().live().public().in_menu())
    batch.add_urls(_feed_urls())
    return batch.urls


@task()
def purge_everything_task(backend_names: list[str]) -> None:
    """Empty each named cache that can (Cloudflare: the zone)."""
    for backend in get_backends(backends=backend_names).values():
        backend.purge_everything()


def purge_site() -> None:
    backends = get_backends()
    everything = sorted(name for name, backend in backends.items() if hasattr(backend, "purge_everything"))
    one_by_one = sorted(name for name in backends if name not in everything)
    if everything:
        purge_everything_task.enqueue(everything)
    if one_by_one:
        purge_urls_from_cache(sorted(site_wide_urls()), backends=one_by_one)


def purge_page(page: Page) -> None:
    """The page and what lists it, or the whole site when the page shows everywhere."""
    if _shown_on_every_page(page):
        purge_site()
        return
    try:
        urls = page_urls(page)
    except Exception:  # a page deleted with its branch may not resolve any more: be thorough
        logger.warning("URLs of page %s not found, purging the site", page.pk, exc_info=True)
        purge_site()
        return
    purge_urls_from_cache(sorted(urls))


# --- Signals ----------------------------------------------------------------------------------


def purge_after_change(sender: object = None, page: Page | None = None, **kwargs: object) -> None:
    """`content_changed` receiver: runs after the change committed.

    Best effort: the change is saved whatever happens here, and the caches drop the page after
    `s-maxage` anyway, so a misconfigured backend is logged, never raised into the editor's request.
    """
    try:
        if not configured():
            return
        if page is None:
            purge_site()
        else:
            purge_page(page)
    except Exception:
        logger.exception("Front-end purge after a change failed")


def purge_old_location(sender: object = None, instance: Page | None = None, **kwargs: object) -> None:
    """`post_page_move` receiver: the URL the page had and the section it left.

    `content_changed` names the page where it is now. A page moved with pages under it leaves
    all their old URLs behind; with no wildcard purge, that is the whole site's business.
    """
    url_path_before = kwargs.get("url_path_before")
    parent_before = kwargs.get("parent_page_before")
    if instance is None or not url_path_before or url_path_before == kwargs.get("url_path_after"):
        return  # reordered among its siblings: its URL did not change

    def purge() -> None:
        if instance.numchild or _shown_on_every_page(instance):
            purge_site()
            return
        before = copy.copy(instance)
        before.url_path = url_path_before
        batch = PurgeBatch()
        batch.add_page(before)
        if parent_before is not None:
            batch.add_page(parent_before)
            batch.add_pages(parent_before.get_ancestors().filter(depth__gt=1))
        purge_urls_from_cache(sorted(batch.urls))

    def purge_safely() -> None:
        try:
            if configured():
                purge()
        except Exception:
            logger.exception("Front-end purge of a moved page's old address failed")

    transaction.on_commit(purge_safely)


def connect() -> None:
    content_changed.connect(purge_after_change, dispatch_uid="loa-frontend-purge")
    post_page_move.connect(purge_old_location, dispatch_uid="loa-frontend-purge-move")


connect()
