"""Keep SearchDocument in step with what readers can see.

Runs in the publishing request (one upsert per page, cheap) rather than in a
task, so a reader searching right after publication finds the article.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Page

from loa.core.html import strip_tags

from .models import Kind, SearchDocument
from .text import fold, nfc

KINDS = {
    "loa_news.articlepage": Kind.ARTICLE,
    "loa_media.videopage": Kind.VIDEO,
    "loa_core.standardpage": Kind.PAGE,
    "loa_legal.legaldocumentpage": Kind.DOCUMENT,
    "loa_qa.questionpage": Kind.QUESTION,
    "loa_about.aboutindexpage": Kind.PAGE,
    "loa_about.organisationpage": Kind.PAGE,
    "loa_about.functionspage": Kind.PAGE,
    "loa_about.historypage": Kind.PAGE,
    "loa_about.contactpage": Kind.PAGE,
}


def kind_of(page: Page) -> str | None:
    content_type = page.cached_content_type
    return KINDS.get(f"{content_type.app_label}.{content_type.model}")


def body_text(page: Page) -> str:
    """The sapo and the text of every body block (paragraphs, quotes, tables, captions), as plain text.

    A page type whose text is not in `sapo`/`description`/`body` (a legal document's
    number and summary, a question and its answer) says it with `search_text()`.
    """
    if hasattr(page, "search_text"):
        return " ".join(strip_tags(page.search_text()).split())
    parts = [getattr(page, name, "") or "" for name in ("sapo", "description", "intro")]
    # Every StreamField of the page type (body, and e.g. an about page's duties or milestones).
    for model_field in type(page)._meta.concrete_fields:
        if isinstance(model_field, StreamField) and model_field.model is not Page:
            value = getattr(page, model_field.attname)
            parts.extend(value.stream_block.get_searchable_content(value))
    text = " ".join(strip_tags(str(part)) for part in parts if part)
    return " ".join(text.split())


def keywords(page: Page) -> str:
    """Tags and the section's name: words readers search by ("chuyen doi so") though the text may not say them."""
    parts = []
    tags = getattr(page, "tags", None)
    if tags is not None:
        parts.extend(tag.name for tag in tags.all())
    parent = page.get_parent()
    if parent is not None and parent.depth > 2:
        parts.append(parent.title)
    return " · ".join(parts)


def is_findable(page: Page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def index_page(page: Page) -> None:
    """Add, refresh or remove one page's document."""
    page = page.specific
    kind = kind_of(page)
    if kind is None or not is_findable(page):
        SearchDocument.objects.filter(page_id=page.pk).delete()
        return
    title = nfc(page.title)
    body = nfc(body_text(page))
    words = nfc(keywords(page))
    SearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "kind": kind,
            "path": page.path,
            "published_at": page.first_published_at or page.last_published_at,
            "url_path": page.url_path,
            "title": title,
            "body": body,
            "keywords": words,
            "title_folded": fold(title),
            "keywords_folded": fold(words),
            "body_folded": fold(body),
        },
    )


def index_subtree(page: Page) -> None:
    """After a move or a privacy change: every page below may have changed path or visibility."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        index_page(descendant)


def remove_page(page_id: int) -> None:
    SearchDocument.objects.filter(page_id=page_id).delete()


@transaction.atomic
def rebuild() -> int:
    """Index every live page from scratch (new installation, or after an upgrade)."""
    SearchDocument.objects.all().delete()
    count = 0
    for page in Page.objects.live().specific().iterator(chunk_size=500):
        index_page(page)
        count += 1
    return SearchDocument.objects.count() if count else 0
