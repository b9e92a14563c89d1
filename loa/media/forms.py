"""Upload checks for video and audio files, and the captions of a video.

wagtailmedia checks only the extension, so a renamed document or script would
be accepted as "video.mp4"; here the first bytes must say audio or video too.

A video's captions (a WebVTT file, its language and label) are edited in the same
form, so an editor attaches them where they upload the video; they are kept in
loa.media.models.VideoCaptions.
"""

from __future__ import annotations

import re

import filetype
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images.fields import WagtailImageField
from wagtailmedia.forms import BaseMediaForm

from loa.core.text import vn_slugify
from loa.core.uploads import readable_image

from .captions import CONTENT_TYPE, captions_file, read_webvtt

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


LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
CAPTIONS_FIELDS = ("captions", "captions_language", "captions_label")


class MediaForm(BaseMediaForm):
    captions = forms.FileField(
        label=gettext_lazy("Captions (WebVTT file)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": f".vtt,{CONTENT_TYPE}"}),
        help_text=gettext_lazy(
            "Captions let deaf and hard-of-hearing viewers follow the video. A .vtt file in UTF-8 "
            "whose first line is WEBVTT; at most 1 MB."
        ),
    )
    captions_language = forms.CharField(
        label=gettext_lazy("Captions language"),
        required=False,
        max_length=35,
        initial="vi",
        help_text=gettext_lazy("A language code: vi for Vietnamese, en for English."),
    )
    captions_label = forms.CharField(
        label=gettext_lazy("Captions label"),
        required=False,
        max_length=64,
        help_text=gettext_lazy("The name in the player's captions menu; empty: the language's name (Tiếng Việt)."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.type == "audio":  # a <track> shows nothing on <audio>: a transcript is the way there
            for name in CAPTIONS_FIELDS:
                self.fields.pop(name, None)
            return
        track = self._captions_track()
        if track is not None:
            self.initial.setdefault("captions", track.file)
            self.initial.setdefault("captions_language", track.language)
            self.initial.setdefault("captions_label", track.label)

    def _captions_track(self):
        from .models import VideoCaptions

        if self.instance.pk is None:
            return None
        return VideoCaptions.objects.filter(media=self.instance).first()

    def clean_captions(self):
        """A new upload is checked and read now; an unchanged or cleared one passes as it is."""
        uploaded = self.cleaned_data.get("captions")
        if isinstance(uploaded, UploadedFile):
            self._captions_text = read_webvtt(uploaded)
        return uploaded

    def clean_captions_language(self) -> str:
        language = (self.cleaned_data.get("captions_language") or "").strip() or "vi"
        if not LANGUAGE_TAG.match(language):
            raise forms.ValidationError(_("Enter a language code such as vi or en."))
        return language

    def save(self, commit: bool = True):
        media = super().save(commit=commit)
        if commit and "captions" in self.fields:
            self.save_captions(media)
        return media

    def save_captions(self, media) -> None:
        """Attach, replace, relabel or remove the video's captions track, as the form says."""
        from .models import VideoCaptions

        value = self.cleaned_data.get("captions")
        track = self._captions_track()
        if value is False:  # "Clear" ticked
            if track is not None:
                track.delete()  # its file goes too (loa.media.signal_handlers)
            return
        if isinstance(value, UploadedFile):
            track = track or VideoCaptions(media=media)
            old_name = track.file.name if track.pk else ""
            name = f"{vn_slugify(media.title)[:80] or 'phu-de'}.vtt"
            track.file.save(name, captions_file(self._captions_text, name), save=False)
            if old_name and old_name != track.file.name:  # the old file goes once the new row is saved
                storage = track.file.storage
                transaction.on_commit(lambda: storage.delete(old_name))
        elif track is None:
            return
        track.language = self.cleaned_data.get("captions_language") or "vi"
        track.label = (self.cleaned_data.get("captions_label") or "").strip()
        track.save()

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

    def clean_thumbnail(self):
        """wagtailmedia checks a thumbnail's extension only: here its content, size and pixels, as Wagtail's images."""
        uploaded = self.cleaned_data.get("thumbnail")
        if isinstance(uploaded, UploadedFile):
            readable_image(WagtailImageField(required=False), uploaded)  # raises Wagtail's own messages
            uploaded.seek(0)
        return uploaded
