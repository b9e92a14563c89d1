"""What a reader sends: read from JSON (fetch) or a plain form (no JavaScript), checked strictly.

Both ways end in the same ``RatingForm``; JSON is checked for types first so
that ``"4"``, ``4.0`` or ``true`` are refused rather than coerced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from loa.core.formats import vn_number
from loa.core.text import typed_text

from .models import COMMENT_MAX_LENGTH, Rating
from .rules import page_type_asks
from .voters import is_visitor_id

JSON_FIELDS = frozenset({"page", "rating", "comment", "visitor"})
MAX_PAGE_ID = 2**31 - 1
PAGE_CACHE_SECONDS = 60


def clean_comment(text: str) -> str:
    """Plain text as the reader meant it: NFC, one kind of line break, no invisible characters."""
    return typed_text(text).strip()


def page_accepts_ratings(page_id: int) -> bool:
    """A live content page (see rules.py); cached for a minute, like the beacon's live-page check."""
    key = f"loa:ratings:accepts:{page_id}"
    accepts = cache.get(key)
    if accepts is None:
        row = Page.objects.filter(pk=page_id, live=True).values_list("content_type_id", "depth").first()
        accepts = False
        if row is not None and row[1] >= 3:
            model = ContentType.objects.get_for_id(row[0]).model_class()
            accepts = model is not None and page_type_asks(model)
        cache.set(key, accepts, PAGE_CACHE_SECONDS)
    return accepts


class CommentField(forms.CharField):
    """Cleaned before Django's validators run, so a stray NUL is removed rather than refused."""

    def to_python(self, value: Any) -> str:
        return clean_comment(super().to_python(value))


class RatingForm(forms.Form):
    page = forms.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_ID,
        error_messages={
            "required": gettext_lazy("The page to rate is missing."),
            "invalid": gettext_lazy("The page to rate is not valid."),
            "min_value": gettext_lazy("The page to rate is not valid."),
            "max_value": gettext_lazy("The page to rate is not valid."),
        },
    )
    rating = forms.TypedChoiceField(
        choices=[(str(value), label) for value, label in Rating.choices],
        coerce=int,
        error_messages={
            "required": gettext_lazy("Please choose a rating from 1 to 5."),
            "invalid_choice": gettext_lazy("Please choose a rating from 1 to 5."),
        },
    )
    comment = CommentField(required=False, strip=False)

    def clean_page(self) -> int:
        page_id = self.cleaned_data["page"]
        if not page_accepts_ratings(page_id):
            raise forms.ValidationError(_("This page does not exist or cannot be rated."), code="page")
        return page_id

    def clean_comment(self) -> str:
        comment = self.cleaned_data.get("comment") or ""
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("The comment can be at most %(limit)s characters long; it has %(length)s.")
                % {"limit": vn_number(COMMENT_MAX_LENGTH), "length": vn_number(len(comment))},
                code="max_length",
            )
        return comment


@dataclass
class Submission:
    page_id: int
    rating: int
    comment: str


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_json(body: bytes) -> tuple[Submission | None, str, dict[str, list[str]]]:
    """(submission, visitor, errors): errors by field name, "__all__" for the request as a whole."""
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None, "", {"__all__": [_("The request body is not valid JSON.")]}
    if not isinstance(data, dict):
        return None, "", {"__all__": [_("The request body must be a JSON object.")]}
    errors: dict[str, list[str]] = {}
    if unknown := sorted(set(data) - JSON_FIELDS):
        errors["__all__"] = [_("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)}]
    visitor = data.get("visitor")
    if not is_visitor_id(visitor):
        errors["visitor"] = [_("The anonymous visitor id is missing or not valid.")]
    if "page" in data and not _is_int(data["page"]):
        errors["page"] = [_("The page to rate is not valid.")]
    if "rating" in data and not _is_int(data["rating"]):
        errors["rating"] = [_("Please choose a rating from 1 to 5.")]
    comment = data.get("comment")
    if comment is not None and not isinstance(comment, str):
        errors["comment"] = [_("The comment must be text.")]
    if errors:
        return None, "", errors
    form_data = {key: data[key] for key in ("page", "rating") if key in data}
    form_data["comment"] = comment or ""
    if "rating" in form_data:
        form_data["rating"] = str(form_data["rating"])
    submission, errors = validate(form_data)
    return submission, visitor, errors


def validate(data: Any) -> tuple[Submission | None, dict[str, list[str]]]:
    form = RatingForm(data)
    if not form.is_valid():
        return None, {field: [str(message) for message in messages] for field, messages in form.errors.items()}
    cleaned = form.cleaned_data
    return Submission(page_id=cleaned["page"], rating=cleaned["rating"], comment=cleaned["comment"]), {}
