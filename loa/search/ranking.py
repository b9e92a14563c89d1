"""How well a document answers a Vietnamese query: the same Python on SQLite and PostgreSQL.

The order of importance, as a reader judges it:
1. the words as a phrase ("phụ nữ") before the same syllables scattered;
2. in the title before in the body;
3. with the reader's own diacritics ("hồ") before other words that fold the
   same ("hổ", "họ"); a query typed without diacritics has no preference;
4. the more of the query's words, the better;
5. the newer, on a tie.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from django.utils import timezone

from .text import fold, has_diacritics


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]  # lower-case NFC, as typed
    folded: tuple[str, ...]

    @classmethod
    def of(cls, words: list[str]) -> Query:
        return cls(tuple(words), tuple(fold(word) for word in words))

    @property
    def phrase(self) -> str:
        return " ".join(self.folded)

    @property
    def with_diacritics(self) -> tuple[str, ...]:
        return tuple(word for word in self.words if has_diacritics(word))


def _word_pattern(words: tuple[str, ...] | str) -> re.Pattern:
    if isinstance(words, str):
        words = (words,)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(word) for word in words) + r")(?![^\W_])")


def _contains_word(text: str, word: str) -> bool:
    return _word_pattern(word).search(text) is not None


def _phrase_count(folded_text: str, query: Query) -> int:
    if len(query.folded) < 2:
        return 0
    return len(_word_pattern(query.phrase).findall(folded_text))


FOLDED_ONLY = 0.15  # a word matched only by folding, when the reader typed diacritics


def _phrase_weight(query: Query, folded: str, original_lower: str) -> float:
    """1 for the reader's exact phrase, FOLDED_ONLY for the same letters with other marks, else 0."""
    if len(query.folded) < 2 or not _phrase_count(folded, query):
        return 0.0
    if not query.with_diacritics or _word_pattern(" ".join(query.words)).search(original_lower):
        return 1.0
    return FOLDED_ONLY


def _coverage(query: Query, folded: str, original_lower: str) -> float:
    """Share of the query's words present, an exact-diacritic word counting more than a folded one."""
    total = 0.0
    for word, folded_word in zip(query.words, query.folded, strict=True):
        if not _contains_word(folded, folded_word):
            continue
        exact = not has_diacritics(word) or _contains_word(original_lower, word)
        total += 1.0 if exact else FOLDED_ONLY
    return total / len(query.words)


def score(
    query: Query,
    *,
    title: str,
    body: str,
    title_folded: str,
    body_folded: str,
    keywords_folded: str = "",
    keywords: str = "",
    published_at: dt.datetime | None,
    now: dt.datetime | None = None,
) -> float:
    title_lower, body_lower, keywords_lower = title.lower(), body.lower(), (keywords or keywords_folded).lower()
    total = 0.0

    # 1-3. A phrase in the title, then in the tags and section name, then in the body; each
    # counted fully with the reader's diacritics and partly with other marks.
    total += 40 * _phrase_weight(query, title_folded, title_lower)
    total += 20 * _phrase_weight(query, keywords_folded, keywords_lower)
    body_phrase = _phrase_weight(query, body_folded, body_lower)
    if body_phrase:
        total += body_phrase * (30 + 2 * min(_phrase_count(body_folded, query), 5))

    # 2-4. The query's words wherever they are, scattered: title before body.
    in_title = _coverage(query, title_folded, title_lower)
    total += 20 * in_title + (5 if in_title == 1 else 0)
    total += 8 * _coverage(query, keywords_folded, keywords_lower)
    total += 6 * _coverage(query, body_folded, body_lower)

    # Repetition helps a little (an article about something names it often), saturating.
    occurrences = sum(len(_word_pattern(word).findall(body_lower)) for word in query.words)
    folded_occurrences = sum(len(_word_pattern(word).findall(body_folded)) for word in query.folded)
    weighted = (
        occurrences + FOLDED_ONLY * max(folded_occurrences - occurrences, 0)
        if query.with_diacritics
        else folded_occurrences
    )
    total += 3 * math.log1p(weighted) / len(query.words)

    # 5. Recency: at most 2 points, halving every year; breaks ties without outranking relevance.
    if published_at is not None:
        age_days = max(((now or timezone.now()) - published_at).total_seconds() / 86400, 0)
        total += 2 * 0.5 ** (age_days / 365)
    return total
