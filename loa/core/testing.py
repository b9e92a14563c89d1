"""Builders for tests: a small portal tree with real pages, images and authors."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site


def home_page():
    """The site's home page; rebuilt when a transactional test has flushed the migration's data."""
    from wagtail.models import Locale

    from loa.home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="vi")
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Loa"}
        )
    return home


def make_image(title: str = "Ảnh thử", size: tuple[int, int] = (320, 180), color: str = "#a50e0e") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="test.jpg"))


def make_section(title: str, parent: Page | None = None, **fields):
    from loa.news.models import SectionPage

    section = SectionPage(title=title, show_in_menus=True, **fields)
    (parent or home_page()).add_child(instance=section)
    section.save_revision().publish()
    return section


def make_article(section, title: str, *, published: dt.datetime | None = None, authors=(), **fields):
    from loa.news.models import ArticleAuthor, ArticlePage

    article = ArticlePage(title=title, **fields)
    section.add_child(instance=article)
    for author in authors:
        article.article_authors.add(ArticleAuthor(author=author))
    article.save_revision().publish()
    if published:
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published, last_published_at=published)
        article.refresh_from_db()
        from loa.search.index import index_page

        index_page(article)  # as the demo loader does after moving dates back
    return article


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)
