"""sitemap.xml: every live, public page of the request's site, through Django's sitemap framework.

It replaces Wagtail's contrib sitemap, which builds each <loc> from the Site
record (``http://localhost/…`` on a fresh portal, whatever host crawlers use)
and loads every page's specific model. Here locations are paths on the
request's own scheme and host, pages of every language are listed (Wagtail's
lists the active one only), pages are read from the base table only, and
aliases (copies of a page at a second URL) are left out.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from wagtail.models import Page, Site

from loa.core.versioning import restrictions_exist


class PageSitemap(Sitemap):
    """Live public pages in tree order; Django splits them into files of `limit` URLs."""

    limit = 50_000  # the sitemaps.org maximum per file

    def __init__(self, request: HttpRequest, site: Site) -> None:
        self.request = request
        self.site = site

    def items(self):
        # The home page and its translations (the English home of /en/), each with its tree.
        root = self.site.root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        in_site = Q()
        for path in roots:
            in_site |= Q(path__startswith=path)
        pages = Page.objects.live().filter(in_site, alias_of__isnull=True).order_by("path")
        return pages.public() if restrictions_exist() else pages

    def location(self, page: Page) -> str:
        # Django prefixes the request's scheme and host; Wagtail gives a path for pages of this site.
        url = page.get_url(self.request) or page.url_path
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def lastmod(self, page: Page) -> dt.datetime | None:
        value = page.last_published_at or page.latest_revision_created_at
        return value.replace(microsecond=0) if value else None

    def get_latest_lastmod(self) -> dt.datetime | None:
        """One aggregate instead of Django's default, which would load every page to compare dates."""
        latest = self.items().aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))
        return latest["latest"].replace(microsecond=0) if latest["latest"] else None
