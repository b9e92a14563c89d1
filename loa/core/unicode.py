"""Vietnamese text arrives composed (NFC) or decomposed (NFD); everything past the boundary sees NFC.

"Hội nghị" can reach the server as 8 code points or as 11: macOS keyboards,
some Telex/VNI input methods ("Unicode tổ hợp") and text copied out of PDFs
send letters and their marks separately. Both look the same on screen, but
stored side by side they compare unequal, sort apart, slugify differently and
defeat `unique` constraints and exact look-ups.

Why one middleware rather than a mixin on every form: the admin is Wagtail's
forms (pages, snippets, settings, choosers), the public side is Loa's, and a
form added tomorrow would have to remember the mixin. Normalising the query
string and the submitted form fields once per request covers them all and costs
next to nothing: ASCII values (most of them) are skipped with `str.isascii`, and
a value is copied only when it is not NFC already.

Two things are left alone on purpose:

- The Draftail rich-text editor's value, a JSON "content state" whose style and
  link ranges are offsets into each paragraph's text: composing the text would
  shift them. The HTML Wagtail converts it into is normalised instead, when the
  block saves it (`loa.core.blocks.SafeRichTextBlock`).
- Request bodies of CSRF-exempt endpoints (the beacon, ratings): they read their
  own raw JSON or form body within a size limit of theirs, and normalise what
  they keep; parsing the body here would read it before that limit is checked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict

#: What only Draftail's content state contains; its text is normalised as HTML later.
_CONTENT_STATE_KEY = '"entityMap"'
#: The bodies Django parses into request.POST.
FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def nfc(text: str) -> str:
    """``text`` in NFC; the same object when it already is (the usual case)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _needs_normalising(value: str) -> bool:
    return not value.isascii() and not unicodedata.is_normalized("NFC", value) and _CONTENT_STATE_KEY not in value


def normalised(data: QueryDict) -> QueryDict:
    """``data`` itself when every value is NFC, else an immutable copy whose values are."""
    if not any(_needs_normalising(value) for _key, values in data.lists() for value in values):
        return data
    copy = data.copy()
    for key, values in data.lists():
        copy.setlist(key, [unicodedata.normalize("NFC", v) if _needs_normalising(v) else v for v in values])
    copy._mutable = False
    return copy


class UnicodeNormalisationMiddleware:
    """Puts `request.GET` and the submitted form fields in `request.POST` in NFC (see the module docstring).

    Runs in `process_view`, after CsrfViewMiddleware has parsed the form, so it
    never reads a body Django would not have read anyway.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict) -> None:
        if request.GET:
            request.GET = normalised(request.GET)
        if (
            request.method == "POST"
            and request.content_type in FORM_TYPES
            and not getattr(view_func, "csrf_exempt", False)
        ):
            request.POST = normalised(request.POST)
        return None
