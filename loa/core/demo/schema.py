"""The shapes of demo content: plain frozen dataclasses, so the text modules read like copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Photo:
    """A picture drawn by `images.draw_scene`; `label` is the few words painted on it."""

    scene: str
    caption: str
    label: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Table:
    """A TableBlock: the first row is the header."""

    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str = ""


@dataclass(frozen=True)
class Author:
    name: str
    unit: str


@dataclass(frozen=True)
class Section:
    """A chuyên mục; `parent` is the slug of the section it sits under, if any."""

    title: str
    intro: str
    parent: str = ""


@dataclass(frozen=True)
class Article:
    """One story.

    Paragraphs may say `{d0}` for the day/month it was published and `{d1}` for
    the day before ("Sáng {d0}, …"), because demo dates are counted back from the
    day the demo is loaded; `published` pins a story to a real date instead.
    """

    section: str
    title: str
    sapo: str
    paragraphs: tuple[str, ...]
    photo: Photo
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    days_ago: int = 0
    time: str = "08:00"
    published: dt.datetime | None = None
    source: str = ""
    featured: bool = False
    extra_photo: Photo | None = None
    quote: Quote | None = None
    table: Table | None = None
    # A clip of `site.CLIPS`, by file name, shown in the body with its caption.
    video: str = ""
    video_caption: str = ""
    slug: str = ""


@dataclass(frozen=True)
class Clip:
    """A video clip shipped in `videos/`."""

    title: str
    description: str
    file: str
    poster_scene: str
    days_ago: int
    time: str
    duration: float = 8.0
    width: int = 640
    height: int = 360
    # A WebVTT file beside the clip in `videos/`, attached as its Vietnamese captions.
    captions: str = ""


@dataclass(frozen=True)
class Banner:
    text: str
    link: str = ""
    # Days from the moment the demo is loaded; None leaves the bound open.
    starts_in_days: int | None = None
    ends_in_days: int | None = None
    active: bool = True
    sort_order: int = 0


@dataclass(frozen=True)
class Place:
    name: str
    latitude: str
    longitude: str
    sort_order: int = 0


@dataclass(frozen=True)
class StandardPageContent:
    """An ordinary page; `body` mixes HTML paragraphs (or <h2> headings), photos and tables in order."""

    title: str
    intro: str
    body: tuple[str | Photo | Table, ...]
