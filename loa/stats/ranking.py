"""Tin, bài đọc nhiều: the most-read articles over a window editors choose.

Where a day's views come from. With Redis, every counted view also lands in that day's
sorted set (`mostread:YYYY-MM-DD`); the database has the same views once they are
flushed, plus any that fell back to it while Redis was down. Each day of the window is
read from exactly one source, so no view is counted twice or missed:

- from Redis's sorted set when Redis counted every view of that day: Redis began counting
  (`since`, set by the first hit it counted, and reset with its data) before the day
  started, and no hit of that day fell back to the database (`CounterFallbackDay`);
- otherwise from `DailyPageView` plus the views still pending in Redis for that day (the
  days before Redis was set up, the day it was, a day it was unreachable, every day
  without Redis).

The all-time window reads `PageViewCount` plus pending views. The widget caches the result
for a minute, so a ranking costs one or two Redis calls and at most two queries a minute.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Sum
from django.utils import timezone

from . import redis_counters as rc
from .models import CounterFallbackDay, DailyPageView, PageViewCount
from .redis_counters import RedisError


def _day_start(day: dt.date) -> float:
    """The unix time at which `day` begins in the portal's time zone."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone()).timestamp()


def _database_days(days: list[dt.date], candidates: int | None = None) -> Counter:
    """Views per page on `days` from the database: the top `candidates`, or every page when merging."""
    rows = (
        DailyPageView.objects.filter(day__in=days)
        .values("page_id")
        .annotate(views=Sum("count"))
        .order_by("-views", "-page_id")
    )
    return Counter({row["page_id"]: row["views"] for row in (rows[:candidates] if candidates else rows)})


def _all_time(client, candidates: int) -> Counter:
    """The `candidates` most-viewed pages in the database, and every page with pending views.

    Enough for an exact top `candidates`: a page in neither group has no more views than
    each of the database's top ones.
    """
    stored = PageViewCount.objects.order_by("-count", "-page_id")
    views = Counter(dict(stored.values_list("page_id", "count")[:candidates]))
    if client is not None:
        try:
            pending = rc.pending_views(client)
        except RedisError:
            rc.mark_down()
            return views
        views.update(dict(stored.filter(page_id__in=pending).values_list("page_id", "count")))
        views.update(pending)
    return views


def window_views(window_days: int, today: dt.date | None = None, candidates: int = 15) -> Counter:
    """Views per page over the last `window_days` days including today (0 = all time).

    Holds at least the top `candidates` pages (more when sources are merged).
    """
    today = today or timezone.localdate()
    client = rc.client()
    if not window_days:
        return _all_time(client, candidates)
    days = [today - dt.timedelta(days=n) for n in range(window_days)]
    if client is None:
        return _database_days(days, candidates)
    try:
        since = rc.counting_since(client)
        fallback = set(CounterFallbackDay.objects.filter(day__in=days).values_list("day", flat=True))
        covered = [d for d in days if since is not None and since <= _day_start(d) and d not in fallback]
        uncovered = [d for d in days if d not in covered]
        views = Counter(rc.most_read_days(client, covered))
        if uncovered:
            views.update(_database_days(uncovered))
            views.update(rc.pending_daily(client, set(uncovered)))
        return views
    except RedisError:
        rc.mark_down()
        return _database_days(days, candidates)


def most_read(window_days: int, limit: int = 5, today: dt.date | None = None) -> list:
    """Live articles ranked by views in the last `window_days` days (0 = all time)."""
    from loa.news.models import ArticlePage

    # Over-fetch: some ranked pages may be unpublished or not articles.
    views = window_views(window_days, today, candidates=limit * 3)
    top = sorted(((n, page_id) for page_id, n in views.items() if n > 0), reverse=True)[: limit * 3]
    ranked = {page_id: n for n, page_id in top}
    articles = ArticlePage.objects.live().public().filter(pk__in=ranked).select_related("main_image")
    ordered = sorted(articles, key=lambda page: (-ranked[page.pk], -page.pk))[:limit]
    for page in ordered:
        page.window_views = ranked[page.pk]
    return ordered
