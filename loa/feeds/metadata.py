"""The <head> of a public page: canonical URL, description, Open Graph, Twitter card, RSS links, JSON-LD.

`build` reads only what the page's own render loads anyway (the page, its photo,
its tags in the context) plus per-version caches (agency, sections); the one
exception, an article's authors, is handed on to the byline so the page still
queries them once. The result is cached per page and content version by the
template tag, so a warm render pays nothing for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from . import site as portal

DESCRIPTION_CHARS = 300
#: Text fields that introduce a page, in the order a page type is likely to have them.
INTRO_FIELDS = ("sapo", "intro", "description", "summary", "lead")

# What Django's json_script escapes; it only writes type="application/json", and
# JSON-LD needs type="application/ld+json", so the same escaping is applied here.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: '</script>' in a title cannot close the element."""
    return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)


@dataclass
class Head:
    canonical: str | None = None
    description: str = ""  # printed when base.html has no search_description to print
    properties: list[tuple[str, str]] = field(default_factory=list)  # <meta property=…> (Open Graph)
    names: list[tuple[str, str]] = field(default_factory=list)  # <meta name=…> (Twitter)
    feeds: list[tuple[str, str]] = field(default_factory=list)  # (title, absolute URL)
    json_ld: list[str] = field(default_factory=list)


def plain(text: object) -> str:
    return " ".join(strip_tags(str(text or "")).split())


def describe(page: Page) -> str:
    """search_description, else the sapo or intro, on one line and short enough for a snippet."""
    text = page.search_description or next(
        (value for name in INTRO_FIELDS if isinstance(value := getattr(page, name, None), str) and value.strip()),
        "",
    )
    return Truncator(plain(text)).chars(DESCRIPTION_CHARS)


def locale() -> str:
    """og:locale of the page being rendered: English under /en/, Vietnamese everywhere else."""
    return "en_US" if translation.get_language() == "en" else "vi_VN"


def site_feed(request: HttpRequest, agency: portal.Agency) -> tuple[str, str]:
    return f"{agency.name} – Tin mới nhất", portal.absolute(request, reverse("feeds-rss"))


def build_for_view(request: HttpRequest, context: dict[str, Any]) -> Head:
    """A page that is not a Wagtail page (search, RSS list, 404): the site feed, and what the view offers."""
    agency = portal.agency(request)
    head = Head(canonical=context.get("canonical_url"), feeds=[site_feed(request, agency)])
    head.properties = [("og:site_name", agency.name), ("og:locale", locale())]
    return head


def build(request: HttpRequest, page: Page, context: dict[str, Any]) -> Head:
    from loa.media.models import VideoPage
    from loa.news.models import ArticlePage, SectionPage

    agency = portal.agency(request)
    url = portal.page_url(request, page)
    number = getattr(context.get("page_obj"), "number", 1)
    canonical = f"{url}?trang={number}" if url and number > 1 else url
    title = page.seo_title or page.title
    description = describe(page)
    head = Head(canonical=canonical, description="" if page.search_description else description)
    head.feeds = [site_feed(request, agency)]

    section = _section_of(page, SectionPage)
    site = portal.site_for(request)
    if section is not None and site is not None and (feed := portal.section_feed_url(site, section)):
        head.feeds.append((f"{agency.name} – {section.title}", portal.absolute(request, feed)))

    image, image_alt, og_type = None, title, "website"
    if isinstance(page, ArticlePage):
        og_type = "article"
        if page.main_image_id:
            image = portal.rendition_info(page.main_image, portal.ARTICLE_IMAGE_SPEC)
            image_alt = page.main_image_caption or title
    elif isinstance(page, VideoPage):
        og_type = "video.other"
        if page.poster_id:
            image = portal.rendition_info(page.poster, portal.VIDEO_POSTER_SPEC)
    image = image or agency.emblem

    og = [
        ("og:type", og_type),
        ("og:title", title),
        ("og:description", description),
        ("og:url", canonical or ""),
        ("og:site_name", agency.name),
        ("og:locale", locale()),
    ]
    twitter = [
        ("twitter:card", "summary_large_image" if image and image is not agency.emblem else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if image:
        image_url = portal.absolute(request, image.url)
        og += [
            ("og:image", image_url),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
            ("og:image:type", image.mime),
            ("og:image:alt", image_alt),
        ]
        twitter += [("twitter:image", image_url), ("twitter:image:alt", image_alt)]

    if isinstance(page, ArticlePage):
        og += _article_properties(page, section, context)
        head.json_ld.append(json_ld(_news_article(request, page, agency, section, image, canonical, context)))
    elif isinstance(page, VideoPage):
        head.json_ld.append(json_ld(_video_object(request, page, agency, image, canonical, description)))
    head.properties = [(name, value) for name, value in og if value]
    head.names = [(name, value) for name, value in twitter if value]
    return head


def _section_of(page: Page, section_model: type) -> portal.Section | None:
    """The page itself when it is a section, else its parent section (from the cached map, no query)."""
    sections = portal.sections()
    if isinstance(page, section_model):
        path = page.path
    elif page.path and page.depth and page.depth > 1:
        path = page.path[: -page.steplen]
    else:
        return None
    section = sections.get(path)
    return section if section is not None and section.public else None


def _tags(context: dict[str, Any]) -> list[str]:
    return [tag.name for tag in context.get("tags") or ()]


def _article_properties(page, section: portal.Section | None, context: dict[str, Any]) -> list[tuple[str, str]]:
    properties = [
        ("article:published_time", portal.local_iso(page.first_published_at) or ""),
        ("article:modified_time", portal.local_iso(page.last_published_at) or ""),
        ("article:section", section.title if section else ""),
    ]
    return properties + [("article:tag", name) for name in _tags(context)]


def _publisher(request: HttpRequest, agency: portal.Agency) -> dict[str, Any]:
    publisher: dict[str, Any] = {"@type": "Organization", "name": agency.name, "url": portal.origin(request) + "/"}
    if agency.emblem:
        publisher["logo"] = _image_object(request, agency.emblem)
    return publisher


def _image_object(request: HttpRequest, image: portal.ImageInfo) -> dict[str, Any]:
    return {
        "@type": "ImageObject",
        "url": portal.absolute(request, image.url),
        "width": image.width,
        "height": image.height,
    }


def _authors(page) -> list:
    """The article's authors, queried once: the byline printed later in the page reuses the list."""
    authors = page.authors()
    page.authors = lambda: authors  # per-request page instance; ArticlePage.byline() calls self.authors()
    return authors


def _person(author) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": author.name}
    if author.unit:
        person["worksFor"] = {"@type": "Organization", "name": author.unit}
    return person


def _news_article(request, page, agency, section, image, canonical, context) -> dict[str, Any]:
    authors = [_person(author) for author in _authors(page)]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.seo_title or page.title,
        "description": plain(page.search_description or page.sapo),
        "inLanguage": "vi",
        "datePublished": portal.local_iso(page.first_published_at or page.publish_date),
        "dateModified": portal.local_iso(page.last_published_at or page.first_published_at or page.publish_date),
        "author": authors or [_publisher(request, agency)],
        "publisher": _publisher(request, agency),
    }
    if canonical:
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical}
        data["url"] = canonical
    if image and image is not agency.emblem:
        data["image"] = [_image_object(request, image)]
    if section:
        data["articleSection"] = section.title
    if tags := _tags(context):
        data["keywords"] = tags
    return data


def _iso_duration(seconds: float) -> str:
    """PT1M30S: the form schema.org's duration takes."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def _video_object(request, page, agency, image, canonical, description) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": page.seo_title or page.title,
        "description": description or page.title,
        "inLanguage": "vi",
        "uploadDate": portal.local_iso(page.first_published_at or page.latest_revision_created_at),
        "publisher": _publisher(request, agency),
    }
    if image:
        data["thumbnailUrl"] = [portal.absolute(request, image.url)]
    if page.video_id and (media := page.video) is not None:
        data["contentUrl"] = portal.absolute(request, media.url)
        if media.duration:
            data["duration"] = _iso_duration(media.duration)
    elif page.embed_url:
        data["embedUrl"] = page.embed_url
    if canonical:
        data["url"] = canonical
    return data
