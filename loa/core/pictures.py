"""The responsive picture presets the public templates use, named once, and their renditions
made when a page is published rather than by its first reader.

Templates call Wagtail's own `{% picture %}` tag with these filter-spec patterns written out
(the tag reads its specs when the template is compiled, not from a variable);
`loa/core/tests/test_pictures.py` checks that every `{% picture %}` in a public template
uses one of them, so Python code that makes or looks up renditions (the share image of the
page head, the RSS enclosure, the task below) names the very files a page shows.

Each pattern expands to widths × formats: AVIF and WebP `<source>`s and a JPEG (photos) or
PNG (emblems and banners, often transparent: a JPEG would paint them on white) `<img>`
fallback. The first size is the `<img>`'s own `src`, `width` and `height`: the size the
layout shows on a desktop, so the box is reserved before the file arrives.
Layout widths (loa/static/loa/css/portal.css): the page is 100vw - 24 px below 960 px; from
960 px the content column is at most 808 px beside a 320 px sidebar. 800 px covers a phone's
336 px column at 2.4x; no wider file is made, because an AVIF at 1200 px takes a second or
more to encode and the first reader of a page would wait for it.

Why a task: encoding AVIF costs 0.2–1 s per file, and a page shows several images in
several sizes. Wagtail makes missing renditions while it renders, so without the task the
first reader after publication waits for all of them (tens of seconds for a fresh home
page). Publishing enqueues `make_page_renditions`; the worker makes them once, and later
renders find them in the renditions cache (settings.CACHES["renditions"]) without a query.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from django.db import transaction
from django_tasks import task
from wagtail.images.models import AbstractImage, AbstractRendition, Filter

logger = logging.getLogger(__name__)

#: The article's main photo and photos in a body: the column's width, and 400 for phones.
ARTICLE = "width-{800,400} format-{avif,webp,jpeg}"
#: The JPEG of ARTICLE the desktop shows: also the page's share image (og:image) and RSS enclosure.
ARTICLE_SHARE = "width-800|format-jpeg"
#: Featured and section-lead cards, cropped to 16:9 (the lead of a section is often the featured article).
CARD_WIDE = "fill-{800x450,400x225} format-{avif,webp,jpeg}"
#: Thumbnails of list cards, 120 px on phones and 200 px beside a row from 640 px.
CARD_THUMB = "fill-{240x135,400x225} format-{avif,webp,jpeg}"
#: The agency's emblem in the masthead (56 px, 72 px from 640 px).
EMBLEM = "fill-{72x72,144x144} format-{avif,webp,png}"
#: Campaign banner images, 32 px high: one 2x file per format (a height has no width descriptor to choose by).
BANNER = "height-64 format-{avif,webp,png}"
#: Leaders' portraits on the organisation page (80 × 100 px).
PORTRAIT = "fill-{80x100,160x200} format-{avif,webp,jpeg}"

PRESETS: dict[str, str] = {
    "article": ARTICLE,
    "card_wide": CARD_WIDE,
    "card_thumb": CARD_THUMB,
    "emblem": EMBLEM,
    "banner": BANNER,
    "portrait": PORTRAIT,
}

#: Where a page's main photo appears: its own page, and cards on the home page and section lists.
MAIN_IMAGE_PATTERNS = (ARTICLE, CARD_WIDE, CARD_THUMB)


def specs(pattern: str) -> list[str]:
    """'width-{800,400} format-{avif,jpeg}' → ['width-800|format-avif', …], as the tag expands it."""
    return Filter.expand_spec(pattern)


def make_renditions(image: AbstractImage, *patterns: str) -> dict[str, AbstractRendition]:
    """Every rendition of the patterns for one image, made now if missing, in one call.

    `get_renditions` looks in the renditions cache, then the database with one query, and
    generates only what is missing (in parallel), then fills the cache.
    """
    wanted = [spec for pattern in patterns for spec in specs(pattern)]
    return image.get_renditions(*wanted)


def page_images(page) -> Iterator[tuple[AbstractImage, tuple[str, ...]]]:
    """The images a page shows with the patterns they are shown in: main photo, photos in the body."""
    if getattr(page, "main_image_id", None):
        yield page.main_image, MAIN_IMAGE_PATTERNS
    for block in getattr(page, "body", None) or ():
        if block.block_type == "photo" and block.value.get("image") is not None:
            yield block.value["image"], (ARTICLE,)


def shows_images(page) -> bool:
    """Whether `page_images` would find anything, read from the stored body without loading images."""
    if getattr(page, "main_image_id", None):
        return True
    body = getattr(page, "body", None)
    return any(item.get("type") == "photo" for item in getattr(body, "raw_data", None) or ())


@task()
def make_page_renditions(page_id: int) -> int:
    """Make the renditions of a published page's images; returns how many it holds.

    Idempotent: existing renditions are found, not remade. A broken original is logged and
    skipped, as the page itself shows it without an image.
    """
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return 0
    count = 0
    for image, patterns in page_images(page.specific):
        try:
            count += len(make_renditions(image, *patterns))
        except Exception:  # noqa: BLE001 -- one unreadable original must not stop the others
            logger.exception("renditions of image %s (page %s) could not be made", image.pk, page_id)
    return count


def enqueue_renditions(sender=None, instance=None, **kwargs) -> None:
    """`page_published` receiver: after the publication commits, hand the work to the task worker."""
    page_id = getattr(instance, "pk", None)
    if page_id is None or not shows_images(instance):
        return

    def enqueue() -> None:
        try:
            make_page_renditions.enqueue(page_id)
        except Exception:  # noqa: BLE001 -- publishing must succeed; the first reader then makes them
            logger.exception("could not enqueue renditions for page %s", page_id)

    transaction.on_commit(enqueue)


def connect_signals() -> None:
    from wagtail.signals import page_published

    page_published.connect(enqueue_renditions, dispatch_uid="loa-pictures-published")
