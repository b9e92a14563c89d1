"""WebVTT captions for uploaded videos: the checks an upload must pass, and the text that is kept.

Browsers show captions from WebVTT files only (`<track>`), and they drop a file silently when
it is not one, so the editor is told at upload time instead: the file must be UTF-8 text,
start with the "WEBVTT" signature line and hold at least one cue. The text is stored in
Unicode NFC with plain line ends, so Vietnamese typed on any keyboard shows the same.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

#: An hour of dialogue is some 60 KB of WebVTT; anything near this limit is not captions.
MAX_CAPTIONS_BYTES: int = getattr(settings, "LOA_MAX_CAPTIONS_BYTES", 1024 * 1024)
CONTENT_TYPE = "text/vtt"

# The signature line: "WEBVTT" alone, or followed by a space or tab and free text (WebVTT §4.1).
SIGNATURE = re.compile(r"\AWEBVTT(?:[ \t][^\n]*)?(?:\n|\Z)")
# A cue timing line: [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt, optionally followed by cue settings.
TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
CUE_TIMING = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]|$)", re.MULTILINE)
# SubRip (.srt), the format subtitle tools save by default: commas before the milliseconds.
SRT_TIMING = re.compile(r"^\d{2}:\d{2}:\d{2},\d{3}\s+-->\s+\d{2}:\d{2}:\d{2},\d{3}", re.MULTILINE)

#: How the player's captions menu names a track when the editor gave no label: each language in itself.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def read_webvtt(uploaded) -> str:
    """The text of an uploaded captions file, checked, in NFC with \\n line ends; ValidationError otherwise."""
    if uploaded.size > MAX_CAPTIONS_BYTES:
        raise ValidationError(
            _("The captions file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(MAX_CAPTIONS_BYTES)},
            code="too_large",
        )
    uploaded.seek(0)
    raw = uploaded.read()
    uploaded.seek(0)
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as Windows Notepad writes, is allowed
    except UnicodeDecodeError:
        raise ValidationError(
            _("The captions file must be saved as UTF-8 text (in most editors: Save as… → Encoding: UTF-8)."),
            code="encoding",
        ) from None
    if "\x00" in text:
        raise ValidationError(_("This is not a text file."), code="binary")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not SIGNATURE.match(text):
        if SRT_TIMING.search(text):
            raise ValidationError(
                _("This looks like an SRT subtitle file. Please convert it to WebVTT (.vtt) first."), code="srt"
            )
        raise ValidationError(
            _("This is not a WebVTT captions file: its first line must be “WEBVTT”."), code="signature"
        )
    if not CUE_TIMING.search(text):
        raise ValidationError(
            _("The captions file holds no captions (cue lines such as “00:00:01.000 --> 00:00:04.000”)."),
            code="no_cues",
        )
    return text


def captions_file(text: str, name: str) -> ContentFile:
    """The text as a file to save, labelled text/vtt for storages that record a type (S3)."""
    content = ContentFile(text.encode("utf-8"), name=name)
    content.content_type = CONTENT_TYPE
    return content


def language_name(language: str) -> str:
    """'vi' → 'Tiếng Việt', 'en-GB' → 'English', others as given."""
    return LANGUAGE_NAMES.get(language.split("-")[0].lower(), language)
