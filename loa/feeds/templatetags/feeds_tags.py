"""`{% page_head %}`: the metadata every public page carries in its <head> (see loa.feeds.metadata)."""

from __future__ import annotations

import logging

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from loa.core.versioning import cached_for_version

from .. import metadata

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag(takes_context=True)
def page_head(context) -> SafeString:
    """Never the reason a page fails: metadata trouble (a broken image file…) is logged and left out."""
    try:
        return _page_head(context)
    except Exception:
        logger.exception("Page metadata failed for %s", getattr(context.get("request"), "path", "?"))
        return SafeString("")


def _page_head(context) -> SafeString:
    """Rendered once per page, page number, host and content version; previews are never cached.

    The host (and scheme) is part of the key because every URL in the head is absolute
    on the host the reader used; ALLOWED_HOSTS keeps that set small.
    """
    request = context.get("request")
    if request is None:
        return SafeString("")
    page = context.get("page")
    if not isinstance(page, Page):
        return _render(metadata.build_for_view(request, context))
    if getattr(request, "is_preview", False) or not page.pk or not page.live:
        return _render(metadata.build(request, page, context))
    number = getattr(context.get("page_obj"), "number", 1)
    key = f"feeds:head:{request.scheme}:{request.get_host()}:{page.pk}:{number}"
    return mark_safe(cached_for_version(key, lambda: str(_render(metadata.build(request, page, context)))))  # noqa: S308 -- rendered by our autoescaping template


def _render(head: metadata.Head) -> SafeString:
    return render_to_string("feeds/head_tags.html", {"head": head})
