"""robots.txt, sitemap.xml (index when large), the Google News sitemap, RSS feeds and the RSS list page.

Every response here is the same for every reader of a host until the content
changes, so its bytes are cached under the content version (and the host, as
all URLs in them are absolute on it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from loa.core.versioning import cached_for_version
from loa.news.models import ArticlePage

from . import site as portal
from .feeds import SectionFeed, SiteFeed
from .sitemaps import PageSitemap

#: Google News takes articles published in the last two days, at most 1,000 per sitemap.
NEWS_WINDOW = dt.timedelta(hours=48)
NEWS_LIMIT = 1000
#: Crawlers and feed readers may keep a copy this long.
CLIENT_MAX_AGE = 300
_KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")


def _cached(request: HttpRequest, name: str, build: Callable[[], HttpResponse], timeout: int = 3600) -> HttpResponse:
    """`build()`'s response, remembered per host until the content changes (errors are not cached)."""

    def compute() -> tuple[bytes, dict[str, str]]:
        response = build()
        if hasattr(response, "render"):
            response.render()
        return response.content, {h: response[h] for h in _KEPT_HEADERS if response.has_header(h)}

    key = f"feeds:{name}:{request.scheme}:{request.get_host()}"
    content, headers = cached_for_version(key, compute, timeout)
    response = HttpResponse(content, headers=headers)
    patch_cache_control(response, public=True, max_age=CLIENT_MAX_AGE)
    return response


def _site(request: HttpRequest):
    site = portal.site_for(request)
    if site is None:
        raise Http404
    return site


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    def build() -> HttpResponse:
        extra = portal.feed_settings(request).robots_extra
        lines = [
            "User-agent: *",
            "Disallow: /admin/",
            "Disallow: /tim-kiem/?",  # result pages; the empty search page itself stays crawlable
            "Disallow: /tim-kiem/goi-y/",
            "Disallow: /api/",
            *[line.rstrip() for line in extra.replace("\r\n", "\n").split("\n") if line.strip()],
            "",
            f"Sitemap: {portal.absolute(request, reverse('sitemap-xml'))}",
            f"Sitemap: {portal.absolute(request, reverse('feeds-news-sitemap'))}",
        ]
        return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

    return _cached(request, "robots", build)


def _page_sitemaps(request: HttpRequest) -> dict[str, PageSitemap]:
    return {"pages": PageSitemap(request, _site(request))}


@require_safe
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    """One sitemap while the site fits in one file, else an index of the files (?p=2, ?p=3…)."""

    def build() -> HttpResponse:
        sitemaps = _page_sitemaps(request)
        if sitemaps["pages"].paginator.num_pages > 1:
            return sitemap_views.index(request, sitemaps, sitemap_url_name="feeds-sitemap-section")
        return sitemap_views.sitemap(request, sitemaps, template_name="feeds/sitemap.xml")

    return _cached(request, "sitemap", build)


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    number = request.GET.get("p", "1")
    if not (number.isascii() and number.isdigit()):  # "²" is a digit to isdigit(), not to int()
        raise Http404

    def build() -> HttpResponse:
        return sitemap_views.sitemap(
            request, _page_sitemaps(request), section=section, template_name="feeds/sitemap.xml"
        )

    return _cached(request, f"sitemap:{section}:{int(number)}", build)


@require_safe
def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Articles first published in the last 48 hours, newest first (Google News sitemap)."""

    def build() -> HttpResponse:
        site = _site(request)
        since = timezone.now() - NEWS_WINDOW
        articles = (
            ArticlePage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .filter(first_published_at__gte=since)
            .order_by("-first_published_at")[:NEWS_LIMIT]
        )
        entries = [
            {
                "location": portal.page_url(request, article),
                "published": portal.local_iso(article.first_published_at),
                "title": portal.xml_text(article.title),
            }
            for article in articles
        ]
        publication = portal.feed_settings(request).news_publication_name or portal.agency(request).name
        publication = portal.xml_text(publication)
        return render(
            request,
            "feeds/news_sitemap.xml",
            {"entries": entries, "publication": publication},
            content_type="application/xml; charset=utf-8",
        )

    # The window moves with the clock, not only with the content: keep it a few minutes at most.
    return _cached(request, "news-sitemap", build, timeout=CLIENT_MAX_AGE)


@require_safe
def site_rss(request: HttpRequest) -> HttpResponse:
    # A new Feed per request: Feed instances keep the request on self.
    return _cached(request, "rss", lambda: SiteFeed()(request))


@require_safe
def section_rss(request: HttpRequest, path: str) -> HttpResponse:
    return _cached(request, f"rss:{path}", lambda: SectionFeed()(request, path=path))


@require_safe
def rss_directory(request: HttpRequest) -> HttpResponse:
    """Trang RSS: the portal's feeds, one per chuyên mục, with how to use them."""
    site = _site(request)
    rows = []
    for section in portal.sections().values():
        if section.public and (feed := portal.section_feed_url(site, section)):
            level = section.depth - site.root_page.depth
            rows.append({"title": section.title, "url": portal.absolute(request, feed), "level": level})
    return render(
        request,
        "feeds/rss_directory.html",
        {
            "site_feed": portal.absolute(request, reverse("feeds-rss")),
            "sections": rows,
            "agency": portal.agency(request),
            "canonical_url": portal.absolute(request, reverse("feeds-directory")),
        },
    )
