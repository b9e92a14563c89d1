"""Tin, bài đọc nhiều: the most-read articles over a window editors choose."""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum
from django.utils import timezone

from .models import DailyPageView, PageViewCount


def most_read(window_days: int, limit: int = 5, today: dt.date | None = None) -> list:
    """Live articles ranked by views in the last `window_days` days (0 = all time)."""
    from loa.news.models import ArticlePage

    today = today or timezone.localdate()
    if window_days:
        ranked = (
            DailyPageView.objects.filter(day__gt=today - dt.timedelta(days=window_days))
            .values("page_id")
            .annotate(views=Sum("count"))
            .order_by("-views", "-page_id")
        )
    else:
        ranked = PageViewCount.objects.values("page_id").annotate(views=Sum("count")).order_by("-views", "-page_id")
    # Over-fetch: some ranked pages may be unpublished or not articles.
    top = list(ranked[: limit * 3])
    views = {row["page_id"]: row["views"] for row in top}
    articles = ArticlePage.objects.live().public().filter(pk__in=views).select_related("main_image")
    ordered = sorted(articles, key=lambda page: (-views[page.pk], -page.pk))[:limit]
    for page in ordered:
        page.window_views = views[page.pk]
    return ordered
