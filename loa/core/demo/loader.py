"""Build the demo portal on an empty site: settings, widgets, menu pages, articles and clips.

Pages are published through `save_revision().publish()` like an editor would,
so the search index, revisions and Loa's cache-busting signals all run; only
the dates are rewritten afterwards to spread stories over the past weeks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TypeVar

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, Site
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from loa.core.html import sanitize_rich_text
from loa.core.modules import MODULES
from loa.core.text import vn_slugify

from . import images, site
from .articles import ARTICLES, VIETNAM
from .schema import Article, Clip, Photo, Quote, Table

VIDEO_DIR = Path(__file__).resolve().parent / "videos"
SITE_NAME = "Cổng thông tin điện tử thành phố Hưng Yên"
DEFAULT_SITE_NAME = "Cổng thông tin điện tử"  # what the home page migration names the site
HOME_INTRO = "Chào mừng bạn đến với Cổng thông tin điện tử thành phố Hưng Yên."

PageT = TypeVar("PageT", bound=Page)

#: Apps that add demo content of their own, in menu order: each module has `load_demo(home, now)`.
DEMO_MODULES: tuple[str, ...] = tuple(f"loa.{app}.demo" for app in MODULES if app not in ("ratings",))
#: Modules whose demo content is about the other pages (readers' ratings): run after the articles.
LATE_DEMO_MODULES: tuple[str, ...] = ("loa.ratings.demo",)


@dataclass
class Summary:
    """What a run created, for the command's closing line."""

    articles: int = 0
    sections: int = 0
    clips: int = 0
    images: int = 0
    seconds: float = 0.0
    skipped: bool = False


def load_demo() -> Summary:
    """Fill an empty site with the demo portal; do nothing if any article exists.

    One transaction: a failure leaves no half-built tree behind (files already
    written to storage stay, which is harmless). The emptiness check is inside
    it, so on SQLite (IMMEDIATE transactions) two processes starting at once
    queue on the lock and the second one finds the articles and stops.
    """
    from loa.news.models import ArticlePage

    started = time.monotonic()
    with transaction.atomic(), _quiet("wagtail"):
        if ArticlePage.objects.exists():
            return Summary(skipped=True)
        summary = _Builder().build()
        # Publication dates were moved back after publishing: index them as readers will see them.
        from loa.search.index import rebuild

        rebuild()
    summary.seconds = time.monotonic() - started
    return summary


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Hide Wagtail's 'Page created / Published' lines: a hundred of them would bury the command's summary."""
    logger = logging.getLogger(logger_name)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


def paragraph(text: str) -> RichText:
    """A rich-text paragraph from our copy: plain text is escaped, an HTML fragment kept; both sanitised."""
    markup = text if text.lstrip().startswith("<") else f"<p>{html.escape(text, quote=False)}</p>"
    return RichText(sanitize_rich_text(markup))


def table_value(table: Table) -> dict:
    """The value TableBlock stores: rows of strings plus the header choice the admin form expects."""
    return {
        "data": [list(row) for row in table.rows],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_header_choice": "row",
        "table_caption": table.caption,
        "cell": [],
        "mergeCells": [],
    }


def day_month(moment: dt.datetime) -> str:
    """'21/11': how Vietnamese news writes a date inside a sentence."""
    local = moment.astimezone(VIETNAM)
    return f"{local.day}/{local.month}"


def publish_moment(days_ago: int, clock: str, now: dt.datetime) -> dt.datetime:
    """`days_ago` days before today at `clock` (Vietnam time), never in the future."""
    hour, minute = (int(part) for part in clock.split(":"))
    today = now.astimezone(VIETNAM).date()
    day = today - dt.timedelta(days=days_ago)
    moment = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VIETNAM)
    while moment > now - dt.timedelta(minutes=10):
        moment -= dt.timedelta(days=1)
    return moment


def fill_dates(text: str, moment: dt.datetime) -> str:
    return text.replace("{d0}", day_month(moment)).replace("{d1}", day_month(moment - dt.timedelta(days=1)))


class _Builder:
    def __init__(self) -> None:
        self.now = timezone.now()
        self.summary = Summary()
        self.authors: dict[str, object] = {}
        self.clips: dict[str, object] = {}
        self.sections: dict[str, Page] = {}

    # --- the whole site -------------------------------------------------------------

    def build(self) -> Summary:
        default_site = self._site()
        home = self._home(default_site)
        self._settings(default_site)
        self._widgets()
        self._authors()
        self._about(home)
        self._sections(home)
        video_index = self._video_index(home)
        self._modules(home)
        self._sitemap(home)
        self._clips(video_index)
        for index, article in enumerate(ARTICLES):
            self._article(index, article)
        self._modules(home, LATE_DEMO_MODULES)
        return self.summary

    def _site(self) -> Site:
        from loa.home.models import HomePage

        home = HomePage.objects.first()
        if home is None:  # The migration creates it; rebuild it if someone deleted it.
            home = HomePage(title="Trang chủ", slug="trang-chu")
            Page.get_first_root_node().add_child(instance=home)
        default_site = Site.objects.filter(is_default_site=True).first()
        if default_site is None:
            default_site = Site(is_default_site=True, hostname="localhost", root_page=home)
        if default_site.hostname in ("", "localhost"):
            # Unknown hosts (127.0.0.1:8000, a LAN address) fall back to the default site; a real
            # hostname an operator entered is left alone.
            default_site.hostname, default_site.port = "localhost", 80
        if default_site.site_name in ("", DEFAULT_SITE_NAME):
            default_site.site_name = SITE_NAME
        default_site.root_page = home
        default_site.save()
        return default_site

    def _home(self, default_site: Site) -> Page:
        home = default_site.root_page.specific
        if home.title != "Trang chủ" or not home.intro or not home.live:
            home.title = home.draft_title = "Trang chủ"
            home.intro = home.intro or HOME_INTRO
            home.save_revision().publish()
        return home

    def _settings(self, default_site: Site) -> None:
        """Agency details and counters, filling what is blank: the demo never overwrites an operator's entries."""
        from loa.core.models import AgencySettings
        from loa.stats.models import CounterSettings

        agency = AgencySettings.for_site(default_site)
        for name, value in site.AGENCY.items():
            if getattr(agency, name) in ("", AgencySettings._meta.get_field(name).default):
                setattr(agency, name, value)
        if agency.emblem is None:
            emblem = images.png_bytes(images.draw_emblem())
            agency.emblem = self._image(site.EMBLEM_TITLE, emblem, "bieu-trung.png")
        agency.save()

        counters = CounterSettings.for_site(default_site)
        if not counters.visit_offset:
            counters.visit_offset = site.VISIT_OFFSET
            counters.most_read_window = site.MOST_READ_WINDOW
            counters.save()

    def _widgets(self) -> None:
        from loa.widgets.models import CampaignBanner, WeatherPlace

        for banner in site.BANNERS:
            CampaignBanner.objects.get_or_create(
                text=banner.text,
                defaults={
                    "link": banner.link,
                    "starts_at": self._days_from_now(banner.starts_in_days),
                    "ends_at": self._days_from_now(banner.ends_in_days),
                    "active": banner.active,
                    "sort_order": banner.sort_order,
                },
            )
        for place in site.WEATHER_PLACES:
            WeatherPlace.objects.get_or_create(
                name=place.name,
                defaults={"latitude": place.latitude, "longitude": place.longitude, "sort_order": place.sort_order},
            )

    def _days_from_now(self, days: int | None) -> dt.datetime | None:
        return None if days is None else self.now + dt.timedelta(days=days)

    def _authors(self) -> None:
        from loa.news.models import Author

        for key, author in site.AUTHORS.items():
            self.authors[key], _ = Author.objects.get_or_create(name=author.name, unit=author.unit)

    # --- menu pages -----------------------------------------------------------------

    def _about(self, home: Page) -> None:
        from loa.core.models import StandardPage

        content = site.ABOUT
        if home.get_children().filter(slug=vn_slugify(content.title)).exists():
            return  # kept from an earlier load, possibly as loa.about's index page (loa/about/demo.py)
        body = []
        for index, item in enumerate(content.body):
            if isinstance(item, Photo):
                body.append(("photo", self._photo_block(item, seed=9000 + index)))
            elif isinstance(item, Table):
                body.append(("table", table_value(item)))
            else:
                body.append(("paragraph", paragraph(item)))
        self._child(home, StandardPage, content.title, intro=content.intro, body=body)

    def _sections(self, home: Page) -> None:
        from loa.news.models import SectionPage

        for key, section in site.SECTIONS.items():
            parent = self.sections[section.parent] if section.parent else home
            self.sections[key] = self._child(parent, SectionPage, section.title, intro=section.intro)
            self.summary.sections += 1

    def _video_index(self, home: Page) -> Page:
        from loa.media.models import VideoIndexPage

        return self._child(home, VideoIndexPage, site.VIDEO_INDEX["title"], intro=site.VIDEO_INDEX["intro"])

    def _modules(self, home: Page, modules: tuple[str, ...] = DEMO_MODULES) -> None:
        """The state-portal modules (Văn bản, Lịch công tác, Hỏi đáp…): each app's `demo.load_demo`."""
        for module in modules:
            import_module(module).load_demo(home, self.now)

    def _sitemap(self, home: Page) -> None:
        from loa.core.models import SitemapPage

        self._child(home, SitemapPage, "Sơ đồ trang", intro=site.SITEMAP_INTRO)

    def _child(self, parent: Page, model: type[PageT], title: str, **fields) -> PageT:
        """The published child page `title` of `parent`, created if missing (so a half-built site heals)."""
        slug = vn_slugify(title)
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = model(title=title, slug=slug, show_in_menus=True, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    # --- articles and clips ---------------------------------------------------------

    def _article(self, index: int, article: Article) -> None:
        from loa.news.models import ArticleAuthor, ArticlePage

        moment = article.published or publish_moment(article.days_ago, article.time, self.now)
        main_image = self._scene_image(article.photo, seed=index * 101 + 7)
        page = ArticlePage(
            title=article.title,
            slug=article.slug or vn_slugify(article.title),
            sapo=fill_dates(article.sapo, moment),
            main_image=main_image,
            main_image_caption=article.photo.caption,
            body=self._article_body(index, article, moment),
            source=article.source,
            featured=article.featured,
        )
        self.sections[article.section].add_child(instance=page)
        for name in article.authors:
            page.article_authors.add(ArticleAuthor(author=self.authors[name]))
        page.tags.add(*article.tags)
        revision = page.save_revision()
        revision.publish()
        self._backdate(page, revision, moment)
        self.summary.articles += 1

    def _article_body(self, index: int, article: Article, moment: dt.datetime) -> list[tuple[str, object]]:
        """Paragraphs with the extra photo, table, clip and quote placed where a sub-editor would put them."""
        count = len(article.paragraphs)
        photo_after = 0 if count <= 3 else 1
        late = max(photo_after, count - 2)
        body: list[tuple[str, object]] = []
        for position, text in enumerate(article.paragraphs):
            body.append(("paragraph", paragraph(fill_dates(text, moment))))
            if position == photo_after and article.extra_photo:
                body.append(("photo", self._photo_block(article.extra_photo, seed=index * 101 + 53)))
            if position == late:
                if article.table:
                    body.append(("table", table_value(article.table)))
                if article.video:
                    body.append(("video", {"video": self.clips[article.video], "caption": article.video_caption}))
                if article.quote:
                    body.append(("quote", self._quote_block(article.quote)))
        return body

    @staticmethod
    def _quote_block(quote: Quote) -> dict:
        return {"text": quote.text, "attribution": quote.attribution}

    def _clips(self, video_index: Page) -> None:
        from wagtailmedia.models import Media

        from loa.media.models import VideoPage

        for index, clip in enumerate(site.CLIPS):
            existing = VideoPage.objects.child_of(video_index).filter(slug=vn_slugify(clip.title)).first()
            if existing is not None and existing.video is not None:
                self.clips[clip.file] = existing.video  # kept from an earlier load whose articles were deleted
                self._captions(clip, existing.video)
                continue
            poster = self._poster(clip, seed=5000 + index)
            media = Media(
                title=clip.title,
                type="video",
                duration=clip.duration,
                width=clip.width,
                height=clip.height,
            )
            media.file.save(clip.file, ContentFile((VIDEO_DIR / clip.file).read_bytes()), save=False)
            media.thumbnail.save(Path(clip.file).with_suffix(".jpg").name, ContentFile(poster[1]), save=False)
            media.save()
            self._captions(clip, media)
            self.clips[clip.file] = media
            page = VideoPage(
                title=clip.title,
                slug=vn_slugify(clip.title),
                video=media,
                poster=poster[0],
                description=clip.description,
            )
            video_index.add_child(instance=page)
            revision = page.save_revision()
            revision.publish()
            self._backdate(page, revision, publish_moment(clip.days_ago, clip.time, self.now))
            self.summary.clips += 1

    def _captions(self, clip: Clip, media) -> None:
        """The clip's Vietnamese captions, unless it has some already (an operator's own are kept)."""
        from loa.media.captions import captions_file
        from loa.media.models import VideoCaptions

        if not clip.captions or VideoCaptions.objects.filter(media=media).exists():
            return
        track = VideoCaptions(media=media, language="vi")
        text = (VIDEO_DIR / clip.captions).read_text(encoding="utf-8")
        track.file.save(clip.captions, captions_file(text, clip.captions), save=False)
        track.save()

    def _backdate(self, page: Page, revision: Revision, moment: dt.datetime) -> None:
        """Show the page as published at `moment`, in its history as well as on the site."""
        Page.objects.filter(pk=page.pk).update(
            first_published_at=moment, last_published_at=moment, latest_revision_created_at=moment
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=moment)
        PageLogEntry.objects.filter(page=page).update(timestamp=moment)

    # --- pictures -------------------------------------------------------------------

    def _scene_image(self, photo: Photo, seed: int):
        data = images.jpeg_bytes(images.draw_scene(photo.scene, seed, photo.label))
        filename = f"{vn_slugify(photo.caption)[:60] or 'anh'}.jpg"
        return self._image(photo.caption, data, filename, description=images.describe_scene(photo.scene, photo.label))

    def _photo_block(self, photo: Photo, seed: int) -> dict:
        return {"image": self._scene_image(photo, seed), "caption": photo.caption, "credit": photo.credit}

    def _poster(self, clip: Clip, seed: int) -> tuple[object, bytes]:
        data = images.jpeg_bytes(images.draw_poster(clip.poster_scene, seed))
        title, description = f"Ảnh đại diện video: {clip.title}", images.describe_scene(clip.poster_scene)
        return self._image(title, data, f"{vn_slugify(clip.title)}.jpg", description=description), data

    def _image(self, title: str, data: bytes, filename: str, description: str = ""):
        """A Wagtail image from bytes, with the size and hash the admin's upload form would record.

        `description` is the alt text (the admin requires one, loa.core.image_forms); the title
        stands in for pictures whose title already says what they show (the emblem).
        """
        from wagtail.images import get_image_model

        content = ImageFile(ContentFile(data), name=filename)
        image = get_image_model()(
            title=title.rstrip(".")[:255],
            description=(description or title.rstrip("."))[:255],
            file=content,
            file_size=len(data),
            file_hash=hash_filelike(ContentFile(data)),
        )
        image.save()
        self.summary.images += 1
        return image
