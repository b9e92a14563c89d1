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
def clean_html(value) -> str:
    """Sanitise rendered rich text (nh3) and mark it safe."""
    from django.utils.safestring import mark_safe

    from loa.core.html import sanitize_rendered

    return mark_safe(sanitize_rendered(str(value)))  # noqa: S308 -- sanitised just above


@register.filter
def vn_date(value) -> str:
    """A datetime → '21/11/2022' in Asia/Ho_Chi_Minh."""
    return formats.vn_date(value)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page) -> dict:
    """Trang chủ › section › sub-section, from a per-version map of the tree's branches (no query per page)."""
    from wagtail.models import Page

    from loa.core.versioning import cached_for_version

    def branch_map() -> dict[str, tuple[str, str]]:
        return {p.path: (p.title, p.url) for p in Page.objects.filter(numchild__gt=0, depth__gt=1)}

    branches = cached_for_version("branches", branch_map)
    steplen = Page.steplen
    ancestors = [branches.get(page.path[:end]) for end in range(2 * steplen, len(page.path), steplen)]
    crumbs = [crumb for crumb in ancestors if crumb]
    if crumbs:
        crumbs[0] = ("Trang chủ", crumbs[0][1])
    return {"crumbs": crumbs}
