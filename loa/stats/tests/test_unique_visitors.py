"""Distinct visitors per day in the database (the embedded default, or Redis down)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loa.stats.counters import Hit, prune_online, record_hit, unique_visitors
from loa.stats.models import CountedVisitor, DailyVisitors

pytestmark = pytest.mark.django_db


def hit(page_id, visitor: str, alias: str = "", now: dt.datetime | None = None) -> Hit:
    return Hit(page_id=page_id, visitor=visitor, now=now or timezone.now(), alias=alias)


def test_each_visitor_counts_once_a_day(article):
    for visitor in ("a" * 32, "b" * 32, "a" * 32):
        record_hit(hit(article.pk, visitor))
    record_hit(hit(None, "b" * 32))
    assert unique_visitors(timezone.localdate()) == 2
    assert DailyVisitors.objects.get().database_count == 2
    assert DailyVisitors.objects.get().redis_count == 0


def test_the_next_day_counts_again(article):
    yesterday = timezone.now() - dt.timedelta(days=1)
    record_hit(hit(article.pk, "a" * 32, now=yesterday))
    record_hit(hit(article.pk, "a" * 32))
    assert unique_visitors(timezone.localdate()) == 1
    assert unique_visitors(timezone.localdate(yesterday)) == 1


def test_a_reader_without_cookie_is_counted_only_with_a_new_visit(article):
    record_hit(hit(article.pk, "1" * 32, alias="f" * 32))
    record_hit(hit(article.pk, "2" * 32, alias="f" * 32))  # reload, the cookie refused again
    assert unique_visitors(timezone.localdate()) == 1


def test_beacons_count_unique_visitors(article, beacon_post, client):
    for n in range(3):
        client.cookies["loa_vid"] = f"{n:032x}"
        beacon_post({"page": article.pk})
        beacon_post({"page": article.pk})
    assert unique_visitors(timezone.localdate()) == 3


def test_who_was_counted_is_forgotten_after_two_days_but_the_count_stays(article):
    now = timezone.now()
    record_hit(hit(article.pk, "a" * 32, now=now - dt.timedelta(days=3)))
    record_hit(hit(article.pk, "b" * 32, now=now - dt.timedelta(days=1)))
    prune_online(now)
    assert list(CountedVisitor.objects.values_list("visitor", flat=True)) == ["b" * 32]
    assert unique_visitors(timezone.localdate(now - dt.timedelta(days=3))) == 1
