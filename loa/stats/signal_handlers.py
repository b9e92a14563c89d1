"""Forget cached counter settings and page states when they change."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from loa.core.signal_handlers import bump_on_change

from . import views
from .models import OFFSET_CACHE_PREFIX, CounterSettings


def forget_offset(sender, instance: CounterSettings, **kwargs) -> None:
    cache.delete(f"{OFFSET_CACHE_PREFIX}{instance.site_id}")
    views._offsets.clear()


def forget_sites(**kwargs) -> None:
    views._offsets.clear()


def forget_page_states(**kwargs) -> None:
    """This process learns at once; the beacon of other processes within a minute (like the cache it replaced)."""
    views._live_pages.clear()


post_save.connect(forget_offset, sender=CounterSettings, dispatch_uid="loa-stats-forget-offset")
post_save.connect(forget_sites, sender=Site, dispatch_uid="loa-stats-forget-sites-save")
post_delete.connect(forget_sites, sender=Site, dispatch_uid="loa-stats-forget-sites-delete")
page_published.connect(forget_page_states, dispatch_uid="loa-stats-forget-published")
page_unpublished.connect(forget_page_states, dispatch_uid="loa-stats-forget-unpublished")
post_delete.connect(forget_page_states, sender=Page, dispatch_uid="loa-stats-forget-deleted")
bump_on_change(CounterSettings)
