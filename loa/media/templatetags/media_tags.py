"""Embedded clips that degrade to a link when the video site cannot be reached."""

from __future__ import annotations

import hashlib

from django import template
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

register = template.Library()

EMBED_RETRY_SECONDS = 600


@register.simple_tag
def video_embed(url: str, title: str = "") -> str:
    """The provider's player (Wagtail caches it in the database once fetched), else a plain link.

    A failed fetch is remembered for a while: Wagtail's oEmbed finder may wait up to
    10 s on an unreachable provider, and only one render in that time should pay it.
    """
    failed_key = "loa:embed-failed:" + hashlib.sha256(url.encode()).hexdigest()
    try:
        if cache.get(failed_key):
            raise EmbedException(url)
        return mark_safe(embeds.get_embed(url).html)  # noqa: S308 -- HTML from Wagtail's vetted oEmbed finders
    except EmbedException:
        cache.set(failed_key, True, EMBED_RETRY_SECONDS)
        label = _("Watch the video: %(title)s") % {"title": title} if title else _("Watch the video")
        return format_html('<a class="player__link" href="{}" rel="noopener">{}</a>', url, label)
