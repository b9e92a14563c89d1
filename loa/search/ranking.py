"""How well a document answers a Vietnamese query: the same Python on SQLite and PostgreSQL.

The order of importance, as a reader judges it:
1. the words as a phrase ("phụ nữ") before the same syllables scattered;
2. in the title before in the body;
3. with the reader's own diacritics ("hồ") before other words that fold the
   same ("hổ", "họ"); a query typed without diacritics has no preference;
4. the more of the query's words, the better;
5. the newer, on a tie.

Every text is scanned once per kind of match (one compiled alternation of the
query's words, one phrase pattern), because this runs over a pool of
candidates on every search.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone

from .text import fold, has_diacritics

FOLDED_ONLY = 0.15  # a word matched only by folding, when the reader typed diacritics


def _pattern(alternatives: list[str]) -> re.Pattern:
    """Whole words only: \\b is Unicode-aware, and the texts hold no underscores worth matching."""
    ordered = sorted(set(alternatives), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in ordered) + r")\b")


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

    @functools.cached_property
    def with_diacritics(self) -> tuple[str, ...]:
        return tuple(word for word in self.words if has_diacritics(word))

    @functools.cached_property
    def folded_words(self) -> re.Pattern:
        return _pattern(list(self.folded))

    @functools.cached_property
    def exact_words(self) -> re.Pattern | None:
        return _pattern(list(self.with_diacritics)) if self.with_diacritics else None

    @functools.cached_property
    def folded_phrase(self) -> re.Pattern | None:
        return _pattern([self.phrase]) if len(self.folded) > 1 else None

    @functools.cached_property
    def exact_phrase(self) -> re.Pattern | None:
        return _pattern([" ".join(self.words)]) if len(self.words) > 1 and self.with_diacritics else None


@dataclass
class _Field:
    """What one text holds of the query."""

    words: Counter  # folded query word → occurrences
    exact: Counter  # query word typed with diacritics → occurrences as typed
    phrases: int
    exact_phrase: bool


def _read(query: Query, folded: str, original: str) -> _Field:
    words = Counter(query.folded_words.findall(folded)) if folded else Counter()
    exact: Counter = Counter()
    phrases, exact_phrase = 0, False
    if words:
        lower = original.lower()
        if query.exact_words is not None:
            exact = Counter(query.exact_words.findall(lower))
        if query.folded_phrase is not None and len(words) == len(set(query.folded)):
            phrases = len(query.folded_phrase.findall(folded))
            if phrases and query.exact_phrase is not None:
                exact_phrase = query.exact_phrase.search(lower) is not None
    return _Field(words, exact, phrases, exact_phrase)


def _phrase_weight(query: Query, field: _Field) -> float:
    """1 for the reader's exact phrase, FOLDED_ONLY for the same letters with other marks, else 0."""
    if not field.phrases:
        return 0.0
    return 1.0 if not query.with_diacritics or field.exact_phrase else FOLDED_ONLY


def _coverage(query: Query, field: _Field) -> float:
    """Share of the query's words present, an exact-diacritic word counting more than a folded one."""
    total = 0.0
    for word, folded_word in zip(query.words, query.folded, strict=True):
        if folded_word in field.words:
            exact = not has_diacritics(word) or word in field.exact
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
    in_title = _read(query, title_folded, title)
    in_keywords = _read(query, keywords_folded, keywords or keywords_folded)
    in_body = _read(query, body_folded, body)
    total = 0.0

    # 1-3. A phrase in the title, then in the tags and section name, then in the body; each
    # counted fully with the reader's diacritics and partly with other marks.
    total += 40 * _phrase_weight(query, in_title)
    total += 20 * _phrase_weight(query, in_keywords)
    body_phrase = _phrase_weight(query, in_body)
    if body_phrase:
        total += body_phrase * (30 + 2 * min(in_body.phrases, 5))

    # 2-4. The query's words wherever they are, scattered: title before body.
    title_coverage = _coverage(query, in_title)
    total += 20 * title_coverage + (5 if title_coverage == 1 else 0)
    total += 8 * _coverage(query, in_keywords)
    total += 6 * _coverage(query, in_body)

    # Repetition helps a little (an article about something names it often), saturating.
    folded_occurrences = sum(in_body.words.values())
    if query.with_diacritics:
        exact_occurrences = sum(
            in_body.exact[word] if has_diacritics(word) else in_body.words[folded_word]
            for word, folded_word in zip(query.words, query.folded, strict=True)
        )
        weighted = exact_occurrences + FOLDED_ONLY * max(folded_occurrences - exact_occurrences, 0)
    else:
        weighted = folded_occurrences
    total += 3 * math.log1p(weighted) / len(query.words)

    # 5. Recency: at most 2 points, halving every year; breaks ties without outranking relevance.
    if published_at is not None:
        age_days = max(((now or timezone.now()) - published_at).total_seconds() / 86400, 0)
        total += 2 * 0.5 ** (age_days / 365)
    return total
