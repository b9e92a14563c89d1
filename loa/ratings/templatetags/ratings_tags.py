"""The rating widget under every content page (included by base.html through ratings/ask.html)."""

from __future__ import annotations

from django import template

from .. import formats
from ..rules import page_asks

register = template.Library()


@register.inclusion_tag("ratings/widget.html", takes_context=True)
def rating_widget(context: template.Context) -> dict:
    """The same HTML for every visitor of a page: what this visitor did is known only to portal.js.

    Only the no-JavaScript failure page passes ``rating_submission`` (what the reader chose
    and typed, with the errors); that response is never cached.
    """
    page = context.get("page")
    request = context.get("request")
    if context.get("print_view") or getattr(request, "is_preview", False) or not page_asks(page):
        return {"asks": False}
    return {"asks": True, "page_id": page.pk, "submission": context.get("rating_submission") or {}}


@register.filter
def vn_average(value: float | None) -> str:
    return formats.vn_average(value)


@register.filter
def score_count(tally, score: int) -> int:
    """How many gave ``score`` (1–5): ``{{ row|score_count:4 }}``."""
    return tally.distribution[int(score) - 1]
