"""RSS 2.0 feeds (Django's syndication framework): the whole portal and each chuyên mục.

Items carry the sapo as description, the byline as dc:creator (RSS's own <author>
must be an e-mail address), the section as category and the lead photo's
rendition as enclosure. Authors, photos and their renditions are fetched in a
fixed number of queries whatever the feed's length.
"""

from __future__ import annotations

import datetime as dt
import html

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from wagtail.images import get_image_model

from loa.news.models import ArticleAuthor, ArticlePage, SectionPage, format_byline

from . import site as portal


def as_html(text: str) -> str:
    """Plain text for a <description>, which feed readers render as HTML (RSS 2.0 says it may hold HTML).

    Unescaped, a sapo reading "<img src=x onerror=…>" would run in the reader;
    the XML writer's own escaping only protects the XML.
    """
    return html.escape(text or "", quote=False)


class VietnameseRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the channel's logo (<image>), which Vietnamese news readers show beside the feed."""

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        if logo := self.feed.get("logo"):
            handler.startElement("image", {})
            handler.addQuickElement("url", logo)
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")


def articles_for_feed(queryset, limit: int) -> list[ArticlePage]:
    """Newest articles with authors and lead-photo renditions prefetched (four queries in all)."""
    rendition_model = get_image_model().get_rendition_model()
    return list(
        queryset.select_related("main_image")
        .prefetch_related(
            Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order")),
            Prefetch(
                "main_image__renditions",
                queryset=rendition_model.objects.filter(filter_spec=portal.ARTICLE_IMAGE_SPEC),
            ),
        )
        .order_by("-first_published_at")[:limit]
    )


class ArticleFeed(Feed):
    """What both feeds share; subclasses say which articles and how the channel is named."""

    feed_type = VietnameseRssFeed
    language = "vi"

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        self.agency = portal.agency(request)
        self.site = portal.site_for(request)
        if self.site is None:
            raise Http404
        self.sections = portal.sections()
        self.length = portal.feed_settings(request).feed_length
        return super().__call__(request, *args, **kwargs)

    def feed_extra_kwargs(self, obj) -> dict:
        emblem = self.agency.emblem
        return {"logo": portal.absolute(self.request, emblem.url) if emblem else None}

    def feed_copyright(self) -> str:
        return portal.xml_text(f"© {self.agency.name}")

    def item_title(self, item: ArticlePage) -> str:
        return portal.xml_text(item.title)

    def item_description(self, item: ArticlePage) -> str | None:
        return portal.xml_text(as_html(item.sapo or item.search_description)) or None

    def item_link(self, item: ArticlePage) -> str:
        return portal.page_url(self.request, item) or ""

    def item_guid(self, item: ArticlePage) -> str:
        return self.item_link(item)

    def item_pubdate(self, item: ArticlePage) -> dt.datetime:
        return timezone.localtime(item.first_published_at or item.publish_date)

    def item_updateddate(self, item: ArticlePage) -> dt.datetime | None:
        return timezone.localtime(item.last_published_at) if item.last_published_at else None

    def item_author_name(self, item: ArticlePage) -> str | None:
        authors = [link.author for link in item.article_authors.all()]
        return portal.xml_text(format_byline(authors)) or None

    def item_categories(self, item: ArticlePage) -> tuple[str, ...]:
        section = self.sections.get(item.path[: -item.steplen])
        return (portal.xml_text(section.title),) if section else ()

    def item_enclosures(self, item: ArticlePage) -> list[Enclosure]:
        if not item.main_image_id:
            return []
        image = portal.rendition_info(item.main_image, portal.ARTICLE_IMAGE_SPEC)
        if image is None:
            return []
        return [Enclosure(portal.absolute(self.request, image.url), str(image.length), image.mime)]


class SiteFeed(ArticleFeed):
    """Tin mới nhất: the newest articles of the whole portal."""

    def get_object(self, request: HttpRequest, *args, **kwargs):
        return self.site.root_page

    def title(self, obj) -> str:
        return portal.xml_text(f"{self.agency.name} – Tin mới nhất")

    def link(self, obj) -> str:
        return portal.origin(self.request) + "/"

    def description(self, obj) -> str:
        return portal.xml_text(as_html(f"Tin, bài mới nhất trên Cổng thông tin điện tử {self.agency.name}"))

    def feed_url(self, obj) -> str:
        return portal.absolute(self.request, reverse("feeds-rss"))

    def items(self, obj) -> list[ArticlePage]:
        queryset = ArticlePage.objects.live().public().descendant_of(obj)
        return articles_for_feed(queryset, self.length)


class SectionFeed(ArticleFeed):
    """One chuyên mục and its sub-sections, found by its path under the site's home page."""

    def get_object(self, request: HttpRequest, path: str) -> SectionPage:
        url_path = f"{self.site.root_page.url_path}{path.strip('/')}/"
        section = SectionPage.objects.live().public().filter(url_path=url_path).first()
        if section is None:
            raise Http404
        return section

    def title(self, obj: SectionPage) -> str:
        return portal.xml_text(f"{obj.title} – {self.agency.name}")

    def link(self, obj: SectionPage) -> str:
        return portal.page_url(self.request, obj) or portal.origin(self.request) + "/"

    def description(self, obj: SectionPage) -> str:
        return portal.xml_text(as_html(obj.intro or f"Tin, bài mới nhất của chuyên mục {obj.title}"))

    def feed_url(self, obj: SectionPage) -> str:
        return self.request.build_absolute_uri(self.request.path)

    def items(self, obj: SectionPage) -> list[ArticlePage]:
        return articles_for_feed(obj.articles(), self.length)
