"""Text helpers for Vietnamese: readable ASCII slugs for URLs."""

from __future__ import annotations

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
