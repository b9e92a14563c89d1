"""The head's metadata costs no query beyond what the page already runs.

Each scenario is measured twice on the same data: once with the metadata builders
stubbed out (the page as it was before this module) and once for real.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.core.models import AgencySettings
from loa.core.testing import default_site, home_page, make_article, make_image, make_section
from loa.feeds import metadata, site
from loa.news.models import ArticlePage, Author

from .conftest import HOST

pytestmark = pytest.mark.django_db

ARTICLE_BUDGET = 8  # loa/news/tests/test_queries.py


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_HOST=HOST).status_code == 200
    return len(queries)


@pytest.fixture
def pages(host):
    """The article of loa/news/tests/test_queries.py, on a site with an emblem."""
    home_page()
    agency = AgencySettings.for_site(default_site())
    agency.emblem = make_image("Biểu trưng", size=(300, 300))
    agency.save()
    section = make_section("Thời sự – Chính trị")
    authors = [Author.objects.create(name="Hoàng Anh", unit="Trung tâm VH-TT"), Author.objects.create(name="Minh Thu")]
    image = make_image()
    article = make_article(
        section,
        "Bài có ảnh và tác giả",
        main_image=image,
        authors=authors,
        sapo="Sapo của bài.",
        body=[("paragraph", "<p>Đoạn.</p>"), ("photo", {"image": image, "caption": "Ảnh", "credit": "TTVH"})],
    )
    article.tags.add("hội nghị", "phụ nữ")
    article.save_revision().publish()
    for n in range(3):
        make_article(section, f"Tin khác {n}", published=dt.datetime(2026, 11, n + 1, tzinfo=dt.UTC))
    return section, article, ArticlePage.objects.get(title="Tin khác 0")


def scenarios(client, pages) -> dict[str, int]:
    section, article, other = pages
    cache.clear()
    numbers = {"article, empty cache": count(client, article.url)}
    cache.clear()
    client.get(other.url, HTTP_HOST=HOST)
    client.get(other.url, HTTP_HOST=HOST)  # fragments filled by another article
    numbers["article, first render"] = count(client, article.url)
    numbers["article, warm"] = count(client, article.url)
    numbers["home, first render"] = count(client, "/")
    numbers["home, warm"] = count(client, "/")
    numbers["section, first render"] = count(client, section.url)
    numbers["section, warm"] = count(client, section.url)
    return numbers


def test_head_adds_no_query(client, pages, monkeypatch, capsys):
    # Once-ever work out of the way: renditions (the emblem's share size too), settings rows.
    AgencySettings.for_site(default_site()).emblem.get_rendition(site.EMBLEM_SPEC)
    scenarios(client, pages)
    with monkeypatch.context() as patch:
        patch.setattr(metadata, "build", lambda request, page, context: metadata.Head())
        patch.setattr(metadata, "build_for_view", lambda request, context: metadata.Head())
        without = scenarios(client, pages)
    with_head = scenarios(client, pages)
    with capsys.disabled():
        print(f"\n[{connection.vendor}] queries without head metadata: {without}\n  with: {with_head}")
    # The section map is read once per content change for the whole site (like the breadcrumbs' map).
    assert with_head.pop("article, empty cache") <= without.pop("article, empty cache") + 1
    assert with_head == without
    assert with_head["article, first render"] <= ARTICLE_BUDGET
