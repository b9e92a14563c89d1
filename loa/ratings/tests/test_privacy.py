"""Ratings are anonymous: no address, browser or id is stored, and one reader's ratings cannot be linked."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict

from loa.ratings.models import PageRating
from loa.ratings.voters import voter_key

from .conftest import BROWSER_UA, VISITOR

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"


def test_the_model_has_no_field_for_personal_data():
    names = {field.name for field in PageRating._meta.get_fields()}
    assert names == {"id", "page", "voter", "rating", "comment", "created_at", "rated_at"}
    for forbidden in ("ip", "addr", "agent", "user", "email", "session", "cookie", "visitor", "device"):
        assert not any(forbidden in name for name in names), forbidden


def test_the_stored_row_holds_neither_the_address_nor_the_browser_nor_the_id(rate, article):
    rate(article, 4, "Rất rõ ràng", headers={"REMOTE_ADDR": ADDRESS})
    row = PageRating.objects.get()
    stored = " ".join(str(value) for value in model_to_dict(row, exclude=["comment"]).values())
    for personal in (ADDRESS, BROWSER_UA, "Android", VISITOR):
        assert personal not in stored
    assert row.voter == voter_key(VISITOR, article.pk)
    assert len(row.voter) == 64


def test_one_readers_ratings_of_two_pages_cannot_be_linked(rate, portal):
    rate(portal.article, 4)
    rate(portal.about, 2)
    first, second = PageRating.objects.order_by("pk").values_list("voter", flat=True)
    assert first != second


def test_the_key_needs_the_sites_secret(settings):
    before = voter_key(VISITOR, 7)
    settings.SECRET_KEY = "another-secret-key-for-a-test-only-0123456789abcdefghijkl"
    assert voter_key(VISITOR, 7) != before
