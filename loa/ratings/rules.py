"""Which pages ask "Thông tin này có hữu ích với bạn không?".

Content pages ask (articles, videos, standard and about pages, legal documents,
questions…); pages that only lead elsewhere do not (the home page, section and
other index lists, the human sitemap). Search results and error pages are not
Wagtail pages, so they never ask.

The decision is made from the page's type alone, never from the visitor, so the
widget's HTML stays the same for everyone (cacheable), and it costs no query.
A page type decides for itself with a class attribute ``asks_rating = True/False``;
without one, the types below and any ``…IndexPage`` / ``…ListPage`` do not ask,
so a new module's list page is left out without touching this file.
"""

from __future__ import annotations

from wagtail.models import Page

#: Page types (app_label.model_name) that lead to other pages rather than inform.
LIST_PAGE_TYPES = frozenset(
    {
        "loa_home.homepage",
        "loa_news.sectionpage",
        "loa_core.sitemappage",
        "loa_media.videoindexpage",
    }
)
LIST_PAGE_SUFFIXES = ("indexpage", "listpage", "listingpage")
#: The tree's root (1) and each site's home page (2) are never content pages.
FIRST_CONTENT_DEPTH = 3


def page_type_asks(model: type[Page]) -> bool:
    explicit = getattr(model, "asks_rating", None)
    if explicit is not None:
        return bool(explicit)
    if model._meta.label_lower in LIST_PAGE_TYPES:
        return False
    return not model._meta.model_name.endswith(LIST_PAGE_SUFFIXES)


def page_asks(page: object) -> bool:
    """True for a content page (of any specific type, or a plain Page whose type is looked up)."""
    if not isinstance(page, Page) or not page.pk:
        return False
    if (page.depth or 0) < FIRST_CONTENT_DEPTH:
        return False
    model = type(page) if type(page) is not Page else page.specific_class
    return model is not None and page_type_asks(model)
