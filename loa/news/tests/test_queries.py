"""An uncached article render stays within the query budget (issue: at most 8).

"Warm" is what nearly every uncached request meets: the menu, sidebar and footer
fragments were rendered by an earlier request since the last content change.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.core import pictures
from loa.core.testing import make_article, make_image, make_section
from loa.news.models import ArticlePage, Author

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 8


@pytest.fixture
def article():
    section = make_section("Thời sự – Chính trị")
    authors = [Author.objects.create(name="Hoàng Anh", unit="Trung tâm VH-TT"), Author.objects.create(name="Minh Thu")]
    image = make_image()
    page = make_article(
        section,
        "Bài có ảnh và tác giả",
        main_image=image,
        authors=authors,
        body=[("paragraph", "<p>Đoạn.</p>"), ("photo", {"image": image, "caption": "Ảnh", "credit": "TTVH"})],
    )
    page.tags.add("hội nghị", "phụ nữ")
    page.save_revision().publish()
    for n in range(5):
        make_article(section, f"Tin khác {n}", published=dt.datetime(2026, 11, n + 1, tzinfo=dt.UTC))
    return page


def warm_up(client, url: str) -> None:
    """The first render creates the site's settings rows (a content change), the second fills the fragments."""
    client.get(url)
    client.get(url)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_warm_uncached_article_render_is_within_budget(client, article):
    warm_up(client, article.url)
    assert count_queries(client, article.url) <= QUERY_BUDGET


def test_another_article_reuses_the_fragments(client, article):
    """An article seen for the first time since the last change; its photo's renditions exist
    already (they are made once per image and size, ever, not per render)."""
    pictures.make_renditions(article.main_image, pictures.ARTICLE)
    other = ArticlePage.objects.get(title="Tin khác 0")
    warm_up(client, other.url)
    assert count_queries(client, article.url) <= QUERY_BUDGET
