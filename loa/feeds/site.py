"""What every feed, sitemap and head tag needs to know about the site a request is for.

Absolute URLs are built from the request (scheme and host, which ALLOWED_HOSTS
has validated), not from Wagtail's `Site.root_url`: the default site of a fresh
portal is "localhost:80", which would send crawlers to http://localhost/.
Agency details and the section map are cached under the content version, so
a warm render pays no query for them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, Site

from loa.core import pictures
from loa.core.versioning import cached_for_version

#: The JPEG the article page's <picture> already falls back to (social networks want JPEG or PNG):
#: sharing it costs no extra image file or lookup.
ARTICLE_IMAGE_SPEC = pictures.ARTICLE_SHARE
#: The poster rendition media/player.html shows.
VIDEO_POSTER_SPEC = "fill-640x360"
#: The emblem, big enough for a share preview (at least 200 px) and a publisher logo.
EMBLEM_SPEC = "max-512x512"

_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text that XML 1.0 can carry: a control character pasted into a title must not break a feed."""
    return _XML_FORBIDDEN.sub("", str(value or ""))


def site_for(request: HttpRequest) -> Site | None:
    """The Wagtail site ContentVersionMiddleware attached (cached), else Wagtail's own lookup."""
    site = getattr(request, "_wagtail_site", None)
    return site if site is not None else Site.find_for_request(request)


def origin(request: HttpRequest) -> str:
    """'https://cong.example.gov.vn' for this request."""
    return f"{request.scheme}://{request.get_host()}"


def absolute(request: HttpRequest, url: str | None) -> str | None:
    if not url:
        return None
    return url if url.startswith(("http://", "https://")) else origin(request) + url


def page_url(request: HttpRequest, page: Page) -> str | None:
    """The page's absolute URL on the host the reader used."""
    return absolute(request, page.get_url(request))


def local_iso(value: dt.datetime | None) -> str | None:
    """ISO 8601 in Vietnam's time ('2026-11-02T08:30:00+07:00'), as Google and schema.org read it."""
    if value is None:
        return None
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class ImageInfo:
    url: str  # relative to the site (or absolute with a remote storage)
    width: int
    height: int
    length: int  # bytes, 0 when the storage cannot tell
    mime: str


def rendition_info(image, spec: str) -> ImageInfo | None:
    """A rendition's URL, size and type; None when the original file is missing."""
    import mimetypes

    try:
        rendition = image.get_rendition(spec)
    except Exception:  # noqa: BLE001 -- a missing or broken original must not break the page head
        return None
    try:
        length = rendition.file.size
    except Exception:  # noqa: BLE001 -- on object storage a network call: a failure only loses the size
        length = 0
    mime = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return ImageInfo(rendition.url, rendition.width, rendition.height, length, mime)


@dataclass(frozen=True)
class Agency:
    name: str
    emblem: ImageInfo | None


def agency(request: HttpRequest) -> Agency:
    """The publisher of the request's site, cached per version.

    `for_request` shares the settings row (and its emblem) with the masthead and
    footer of the same render, so a cold page does not read them twice.
    """
    site = site_for(request)

    def compute() -> Agency:
        from django.conf import settings

        from loa.core.models import AgencySettings

        if site is None:
            return Agency(settings.WAGTAIL_SITE_NAME, None)
        agency_settings = AgencySettings.for_request(request)
        emblem = rendition_info(agency_settings.emblem, EMBLEM_SPEC) if agency_settings.emblem_id else None
        return Agency(name=agency_settings.name or settings.WAGTAIL_SITE_NAME, emblem=emblem)

    return cached_for_version(f"feeds:agency:{site.pk if site else 0}", compute)


def feed_settings(request: HttpRequest):
    """The site's FeedSettings (feeds and robots.txt only: page heads never need them)."""
    from .models import FeedSettings

    site = site_for(request)
    return FeedSettings.for_site(site) if site else FeedSettings()


@dataclass(frozen=True)
class Section:
    path: str  # treebeard path
    title: str
    url_path: str
    depth: int
    public: bool


def sections() -> dict[str, Section]:
    """Every live chuyên mục by tree path, in tree order: one query per content change."""

    def compute() -> dict[str, Section]:
        from loa.core.versioning import restrictions_exist
        from loa.news.models import SectionPage

        live = SectionPage.objects.live().order_by("path")
        rows = list(live.only("path", "title", "url_path", "depth"))
        everyone = {row.pk for row in rows}
        public = set(live.public().values_list("pk", flat=True)) if restrictions_exist() else everyone
        return {row.path: Section(row.path, row.title, row.url_path, row.depth, row.pk in public) for row in rows}

    return cached_for_version("feeds:sections", compute)


def section_feed_url(site: Site, section: Section) -> str | None:
    """'/rss/thoi-su/chinh-tri.xml' for a section of this site, None for another site's."""
    from django.urls import reverse

    root = site.root_page.url_path
    if not section.url_path.startswith(root) or section.url_path == root:
        return None
    return reverse("feeds-section-rss", kwargs={"path": section.url_path[len(root) :].strip("/")})
