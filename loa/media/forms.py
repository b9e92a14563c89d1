"""Upload checks for video and audio files.

wagtailmedia checks only the extension, so a renamed document or script would
be accepted as "video.mp4"; here the first bytes must say audio or video too.
"""

from __future__ import annotations

import filetype
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtailmedia.forms import BaseMediaForm

MAX_MEDIA_BYTES = getattr(settings, "LOA_MAX_MEDIA_BYTES", 500 * 1024 * 1024)


def sniff_media_kind(uploaded) -> str | None:
    """'video', 'audio' or None, from the file's magic bytes."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    head = uploaded.read(8192)
    uploaded.seek(position)
    kind = filetype.guess(head)
    if kind is None:
        return None
    return kind.mime.split("/")[0] if kind.mime.split("/")[0] in {"video", "audio"} else None


class MediaForm(BaseMediaForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not hasattr(uploaded, "content_type"):
            return uploaded  # unchanged on edit
        if uploaded.size > MAX_MEDIA_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(MAX_MEDIA_BYTES)}
            )
        kind = sniff_media_kind(uploaded)
        expected = self.instance.type or self.data.get("type") or "video"
        if kind is None or kind != expected:
            raise forms.ValidationError(
                _("This file is not a video or audio file the portal can play. Please upload MP4, WebM or MP3.")
                if expected == "video"
                else _("This file is not an audio file the portal can play. Please upload MP3, M4A or OGG.")
            )
        return uploaded
