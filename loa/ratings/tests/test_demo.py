"""The demo ratings make the report worth looking at: several pages, every score, some comments, two months."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loa.ratings import demo
from loa.ratings.models import PageRating

pytestmark = pytest.mark.django_db


def test_demo_rates_the_content_pages_only(portal):
    now = timezone.now()
    demo.load_demo(portal.home, now)
    rated = set(PageRating.objects.values_list("page_id", flat=True))
    assert rated == {
        p.pk
        for p in (portal.article, portal.other_article, portal.news_article, portal.about, portal.history, portal.video)
    }
    assert set(PageRating.objects.values_list("rating", flat=True)) == {1, 2, 3, 4, 5}
    assert PageRating.objects.exclude(comment="").exists()
    oldest = PageRating.objects.order_by("rated_at").first().rated_at
    assert now - oldest > dt.timedelta(days=31)


def test_loading_the_demo_again_adds_no_duplicate(portal):
    demo.load_demo(portal.home, timezone.now())
    count = PageRating.objects.count()
    demo.load_demo(portal.home, timezone.now())
    assert PageRating.objects.count() == count
