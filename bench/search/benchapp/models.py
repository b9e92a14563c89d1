"""The same articles as Loa's SearchDocument, indexed the stock Wagtail way (wagtail.search / modelsearch)."""

from __future__ import annotations

from django.db import models
from wagtail.search import index


class BenchArticle(index.Indexed, models.Model):
    """What a Wagtail article model would declare: the title boosted as Page does (boost=2), autocomplete on it.

    ``keywords`` (tags and section name) is searched too, as Loa searches them, so both engines
    see the same words.
    """

    title = models.CharField(max_length=255)
    body = models.TextField()
    keywords = models.TextField(blank=True)
    published_at = models.DateTimeField()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("keywords"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    def __str__(self) -> str:
        return self.title
