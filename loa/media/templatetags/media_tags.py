"""Embedded clips that degrade to a link when the video site cannot be reached; uploaded clips' captions."""

from __future__ import annotations

import hashlib
import re

from django import template
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

register = template.Library()

EMBED_RETRY_SECONDS = 600
# A provider's <iframe> without a title attribute (the oEmbed HTML is theirs, some send none).
UNTITLED_FRAME = re.compile(r"<iframe\b(?![^>]*\stitle=)", re.IGNORECASE)


def titled_frames(html: str, title: str) -> str:
    """Name every frame of a player: screen readers announce a frame by its title (WCAG 4.1.2)."""
    return UNTITLED_FRAME.sub(lambda _match: format_html('<iframe title="{}"', title or _("Video player")), html)


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
        # HTML from Wagtail's vetted oEmbed finders, every frame of it named.
        return mark_safe(titled_frames(embeds.get_embed(url).html, title))  # noqa: S308
    except EmbedException:
        cache.set(failed_key, True, EMBED_RETRY_SECONDS)
        label = _("Watch the video: %(title)s") % {"title": title} if title else _("Watch the video")
        return format_html('<a class="player__link" href="{}" rel="noopener">{}</a>', url, label)


@register.simple_tag
def video_captions(media):
    """The captions track of an uploaded video (loa.media.models.VideoCaptions), or None.

    Reads what `select_related("video__captions")` fetched when the caller did, else asks once.
    """
    if media is None:
        return None
    try:
        return media.captions
    except ObjectDoesNotExist:
        return None
