"""Text helpers for Vietnamese: readable ASCII slugs for URLs, and text as people type it into forms."""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify

# Letters that Unicode does not decompose into a base letter plus a combining mark.
_FOLD = str.maketrans({"đ": "d", "Đ": "D"})


def ascii_fold(text: str) -> str:
    """Drop Vietnamese diacritics: 'Đồng bằng' → 'Dong bang'.

    NFKD splits 'ồ' into 'o' plus combining marks, which are then removed; 'đ'
    is a letter of its own and is mapped by hand, else slugify would drop it.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def vn_slugify(text: str) -> str:
    """A URL slug that Vietnamese readers can still read: 'Thời sự – Chính trị' → 'thoi-su-chinh-tri'."""
    return slugify(ascii_fold(text))


# Control characters except tab and newline, and the invisible format characters: zero-width
# spaces and joiners, the byte order mark, line/paragraph separators and the bidirectional
# embeddings, overrides and isolates that can make a text read differently from what it says.
INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")


def typed_text(text: str) -> str:
    """What a reader typed, as a public form keeps it: NFC, one kind of line break, nothing invisible.

    Dropped rather than refused: a NUL or a zero-width space comes from a paste or an input
    method, not from the reader's intent, and a refusal would be about a character the reader
    cannot see. Dropped before anything is stored or shown: a right-to-left override in a
    published question's title would make it read differently from what it says.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return INVISIBLE.sub("", text)
