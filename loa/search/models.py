"""The public search index: one row per published, public page a reader can find."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class Kind(models.TextChoices):
    ARTICLE = "article", _("Articles")
    VIDEO = "video", _("Videos")
    PAGE = "page", _("Pages")
    DOCUMENT = "document", _("Legal documents")
    QUESTION = "question", _("Questions and answers")


class SearchDocument(models.Model):
    """What the reader's search matches: the original text and its folded twin (loa.search.text).

    Kept by Loa rather than by Wagtail's search backend because that backend
    cannot fold "đ", cannot rank a phrase above scattered syllables or an exact
    diacritic above a folded one, and ranks differently on SQLite and
    PostgreSQL. The full-text index over the folded columns is backend
    specific (an FTS5 table on SQLite, a GIN tsvector index on PostgreSQL:
    loa.search.backends); ranking is shared Python (loa.search.ranking).
    """

    page = models.OneToOneField(Page, primary_key=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    path = models.CharField(max_length=255, db_index=True)  # the page's tree path: section filters use its prefix
    published_at = models.DateTimeField(db_index=True)
    url_path = models.TextField()
    title = models.TextField()
    body = models.TextField(blank=True)  # sapo and plain body text, for snippets
    keywords = models.TextField(blank=True)  # tags and section name: searched, never shown as a snippet
    title_folded = models.TextField()
    keywords_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.title
