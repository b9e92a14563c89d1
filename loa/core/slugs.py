"""The admin's slug field writes Vietnamese titles as readable ASCII, as `vn_slugify` does on the server.

Wagtail's slug script (the w-slug controller) transliterates with per-language
maps that have none for Vietnamese: "Hội nghị" became "hi-ngh" and "Đường"
"djng" (the Serbian map's đ → dj); with WAGTAIL_ALLOW_UNICODE_SLUGS off, what an
editor types into the slug field lost every accented letter the same way. Its
supported way to add rules is the SlugInput widget's ``formatters``: regular
expressions applied, in the browser, before either transliteration. Here they
fold every Latin letter with marks to its base letter (đ → d), composed or
decomposed, and the widget replaces Wagtail's for every SlugField of the admin
through `register_form_field_override`, Wagtail's registry of form-field widgets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache

from wagtail.admin.widgets.slug import SlugInput

from .text import ascii_fold

#: Latin-1 Supplement to Latin Extended Additional (Vietnamese's ạ, ế, ữ… live in the last).
_LATIN = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
#: Combining marks: what decomposed (NFD) text carries after each base letter.
COMBINING_MARKS = r"[\u0300-\u036f]"


@cache
def vietnamese_formatters() -> list[tuple[str, str, str]]:
    """(pattern, replacement, JavaScript flags): one character class per base letter, then the loose marks."""
    by_base: dict[str, list[str]] = defaultdict(list)
    for code in _LATIN:
        char = chr(code)
        base = ascii_fold(char)
        if unicodedata.category(char).startswith("L") and len(base) == 1 and base.isascii() and base.isalpha():
            by_base[base].append(char)
    rules = [(f"[{re.escape(''.join(chars))}]", base, "gu") for base, chars in sorted(by_base.items())]
    return [*rules, (COMBINING_MARKS, "", "gu")]


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug widget with the Vietnamese folding rules above."""

    def __init__(self, attrs: dict | None = None, formatters=None, locale=None) -> None:
        super().__init__(attrs=attrs, formatters=[*vietnamese_formatters(), *(formatters or [])], locale=locale)


def use_vietnamese_slug_input() -> None:
    """Make every SlugField of the admin's forms (pages' and snippets') use VietnameseSlugInput."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override  # registers Wagtail's own first

    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
