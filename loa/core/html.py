"""Sanitising of HTML that comes from people.

Wagtail's rich-text editor already whitelists what it saves, but HTML also
arrives through imports, the demo loader and future APIs; nh3 (Ammonia) is the
one place that decides what survives, for every path.
"""

from __future__ import annotations

import nh3

# Wagtail's stored rich-text format: ordinary inline/block tags plus its
# <a linktype=...> and <embed embedtype=...> references.
RICH_TEXT_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "hr",
    "code",
    "embed",
}
RICH_TEXT_ATTRIBUTES = {
    "a": {"href", "linktype", "id", "title"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
    "p": {"data-block-key"},
    "h2": {"data-block-key"},
    "h3": {"data-block-key"},
    "h4": {"data-block-key"},
    "li": {"data-block-key"},
    "blockquote": {"data-block-key"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _clean(html: str, tags: set[str], attributes: dict[str, set[str]]) -> str:
    return nh3.clean(html, tags=tags, attributes=attributes, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")


def sanitize_rich_text(html: str) -> str:
    """Keep Wagtail's rich-text vocabulary, drop scripts, handlers and odd URLs."""
    return _clean(html, RICH_TEXT_TAGS, RICH_TEXT_ATTRIBUTES)


def strip_tags(text: str) -> str:
    """Plain text only: for sapo, captions and anything shown as text."""
    return nh3.clean(text, tags=set())


# What Wagtail's `richtext` filter produces from the stored format: real links and images.
RENDERED_TAGS = (RICH_TEXT_TAGS - {"embed"}) | {"img", "div", "span"}
RENDERED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "class", "loading"},
    "div": {"class"},
    "span": {"class"},
}


def sanitize_rendered(html: str) -> str:
    """Last line of defence at render time, for rich text that reached the database raw."""
    return _clean(html, RENDERED_TAGS, RENDERED_ATTRIBUTES)
