"""Template helpers shared by every public page."""

from __future__ import annotations

from django import template

from loa.core import formats

register = template.Library()


@register.filter
def vn_number(value) -> str:
    """4238431 → '4.238.431'."""
    return formats.vn_number(value)


@register.filter
def vn_date(value) -> str:
    """A datetime → '21/11/2022' in Asia/Ho_Chi_Minh."""
    return formats.vn_date(value)
