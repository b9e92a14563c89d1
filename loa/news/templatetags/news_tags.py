"""Article-page helpers."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def related_articles(page, tags=None, limit: int = 4):
    """Related articles, reusing the tags the page already loaded."""
    return page.related_articles(limit=limit, tag_ids=[tag.pk for tag in tags] if tags is not None else None)
