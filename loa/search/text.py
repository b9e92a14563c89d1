"""Vietnamese text as search sees it: NFC, lower case, and a folded twin without diacritics.

The folded form keeps one character per character of the NFC text (so a match
found in the folded text is at the same offsets in the original, which is how
snippets highlight words in their own diacritics), folds đ → d (Unicode does not
decompose đ, so SQLite's and PostgreSQL's own accent removal miss it), and is
computed here in Python so SQLite and PostgreSQL index exactly the same words.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from loa.core.unicode import nfc

# \w in Python's re is Unicode-aware: Vietnamese letters, digits and underscore.
WORD = re.compile(r"[^\W_]+")
MAX_QUERY_LENGTH = 500


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    # A character that decomposes into several base characters (rare: ligatures) keeps one
    # place: its first base character, so offsets stay aligned.
    return (base[:1] or char).lower()


def fold(text: str) -> str:
    """'Đồng bằng sông Hồng' → 'dong bang song hong', same length as ``nfc(text)``."""
    return "".join(_fold_char(char) for char in nfc(text))


def words(text: str) -> list[str]:
    """Lower-case NFC words of ``text`` (punctuation and FTS syntax characters dropped)."""
    return [word.lower() for word in WORD.findall(nfc(text))]


def has_diacritics(word: str) -> bool:
    return fold(word) != word.lower()
