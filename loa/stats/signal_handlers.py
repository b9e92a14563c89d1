"""Forget cached counter settings when an administrator changes them."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import post_save

from loa.core.signal_handlers import bump_on_change

from .models import OFFSET_CACHE_PREFIX, CounterSettings


def forget_offset(sender, instance: CounterSettings, **kwargs) -> None:
    cache.delete(f"{OFFSET_CACHE_PREFIX}{instance.site_id}")


post_save.connect(forget_offset, sender=CounterSettings, dispatch_uid="loa-stats-forget-offset")
bump_on_change(CounterSettings)
