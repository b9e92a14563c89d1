"""Counters: article views, daily views for rankings, visits and who is online.

Every table is written with single-statement upserts (see `loa.stats.sql`), so
concurrent beacons never lose an increment on SQLite or PostgreSQL.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

OFFSET_CACHE_PREFIX = "loa:stats:offset:"


class PageViewCount(models.Model):
    """All-time views of one page (Lượt xem)."""

    page = models.OneToOneField("wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveBigIntegerField(default=0)


class DailyPageView(models.Model):
    """Views of one page on one day (Asia/Ho_Chi_Minh): the basis of 'most read' windows."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="stats_daily_page_view_unique")]
        indexes = [models.Index(fields=["day", "page"])]


class DailyVisit(models.Model):
    """Visits to the portal on one day."""

    day = models.DateField(primary_key=True)
    count = models.PositiveBigIntegerField(default=0)


class DailyVisitors(models.Model):
    """Distinct visitors (Khách truy cập) on one day, kept in two parts that are added up.

    `redis_count` is the day's HyperLogLog count in Redis (`PFCOUNT`), *set* by each flush
    rather than added, so flushing twice never counts twice; `database_count` counts the
    visitors the database itself saw first that day (no Redis, or Redis unreachable; see
    `CountedVisitor`). A visitor seen by both on a day when Redis failed is counted in
    both: an over-count during an outage, never a loss.
    """

    day = models.DateField(primary_key=True)
    # Database defaults: each part is written by an upsert that names only its own column.
    redis_count = models.PositiveBigIntegerField(db_default=0)
    database_count = models.PositiveBigIntegerField(db_default=0)

    @property
    def count(self) -> int:
        return self.redis_count + self.database_count


class CountedVisitor(models.Model):
    """A visitor already counted in `DailyVisitors.database_count` for a day (pruned after two days)."""

    pk = models.CompositePrimaryKey("day", "visitor")
    day = models.DateField()
    visitor = models.CharField(max_length=64)


class CounterFallbackDay(models.Model):
    """A day on which Redis was configured but unreachable, so some views went straight to the database.

    The most-read ranking reads such a day from the database rather than from Redis's sorted
    set, which lacks those views (see `loa.stats.ranking`).
    """

    day = models.DateField(primary_key=True)


class OnlineVisitor(models.Model):
    """Last beacon of each visitor, for 'online now' without Redis."""

    visitor = models.CharField(max_length=64, primary_key=True)
    last_seen = models.DateTimeField(db_index=True)


class FlushedBatch(models.Model):
    """Batches of Redis counts already written, so a retried flush never counts twice."""

    batch_id = models.CharField(max_length=64, primary_key=True)
    flushed_at = models.DateTimeField(auto_now_add=True)


class MostReadWindow(models.IntegerChoices):
    WEEK = 7, _("last 7 days")
    MONTH = 30, _("last 30 days")
    ALL_TIME = 0, _("all time")


@register_setting(icon="view")
class CounterSettings(BaseSiteSetting):
    """What the visit counter and the most-read box show."""

    visit_offset = models.PositiveBigIntegerField(
        _("visits carried over"),
        default=0,
        help_text=_("Added to the total, e.g. the count of the agency's previous portal."),
    )
    most_read_window = models.PositiveSmallIntegerField(
        _("most-read window"), choices=MostReadWindow.choices, default=MostReadWindow.WEEK
    )
    most_read_count = models.PositiveSmallIntegerField(_("number of most-read articles"), default=5)

    panels = [FieldPanel("visit_offset"), FieldPanel("most_read_window"), FieldPanel("most_read_count")]

    class Meta:
        verbose_name = _("counters")

    @classmethod
    def cached_offset(cls, site) -> int:
        """The carried-over total, cached: it changes once in a portal's life (forgotten on save)."""
        if site is None:
            return 0
        key = f"{OFFSET_CACHE_PREFIX}{site.pk}"
        offset = cache.get(key)
        if offset is None:
            offset = cls.for_site(site).visit_offset
            cache.set(key, offset, 300)
        return offset
