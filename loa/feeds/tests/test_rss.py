"""RSS 2.0 feeds of the whole portal and of each chuyên mục, read back with feedparser."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.core.testing import home_page, make_article, make_image
from loa.feeds.models import FeedSettings
from loa.feeds.site import ARTICLE_IMAGE_SPEC

from .conftest import AGENCY, HOST, absolute

pytestmark = pytest.mark.django_db


def read(client, url: str):
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


class TestSiteFeed:
    def test_is_well_formed_rss_2_with_vietnamese_text_intact(self, client, host, portal):
        feed = read(client, "/rss.xml")
        assert feed.feed.title == f"{AGENCY} – Tin mới nhất"
        assert feed.feed.language == "vi"
        assert feed.feed.link == f"http://{HOST}/"
        assert "Thành phố Hưng Yên đón nhận Huân chương Lao động hạng Nhất" in titles(feed)

    def test_lists_public_live_articles_newest_first(self, client, host, portal):
        feed = read(client, "/rss.xml")
        assert titles(feed) == [portal.lead.title, portal.meeting.title, portal.old.title]

    def test_an_entry_carries_link_guid_date_sapo_byline_and_section(self, client, host, portal):
        entry = read(client, "/rss.xml").entries[0]
        assert entry.link == absolute(portal.lead)
        assert entry.id == absolute(portal.lead)
        assert entry.summary == portal.lead.sapo
        published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC)
        assert abs(published - portal.lead.first_published_at) < dt.timedelta(seconds=1)
        assert entry.published.endswith("+0700")
        assert entry.author == "Hoàng Anh – Minh Thu (Trung tâm Văn hóa và Truyền thanh thành phố)"
        assert [tag.term for tag in entry.tags] == ["Thời sự – Chính trị"]

    def test_the_lead_photo_is_an_enclosure_with_length_and_type(self, client, host, portal):
        entry = read(client, "/rss.xml").entries[0]
        (enclosure,) = entry.enclosures
        rendition = portal.lead.main_image.get_rendition(ARTICLE_IMAGE_SPEC)
        assert enclosure.href == f"http://{HOST}{rendition.url}"
        assert enclosure.type == "image/jpeg"
        assert int(enclosure.length) == rendition.file.size > 0

    def test_the_channel_shows_the_agency_emblem(self, client, host, portal):
        feed = read(client, "/rss.xml")
        assert feed.feed.image.href.startswith(f"http://{HOST}/media/")

    def test_length_follows_the_setting(self, client, host, portal):
        settings = FeedSettings.for_site(home_page().get_site())
        settings.feed_length = 2
        settings.save()
        assert len(read(client, "/rss.xml").entries) == 2

    def test_a_title_with_markup_and_control_characters_survives(self, client, host, portal):
        make_article(portal.economy, "Giá <lúa> & ngô\x0b tăng")
        assert "Giá <lúa> & ngô tăng" in titles(read(client, "/rss.xml"))

    def test_queries_do_not_grow_with_the_number_of_articles(self, client, host, portal):
        def count() -> int:
            from django.core.cache import cache

            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                read(client, "/rss.xml")
            return len(queries)

        client.get("/rss.xml", HTTP_HOST=HOST)  # renditions and settings rows are made once, ever
        before = count()
        for n in range(4):
            make_article(portal.economy, f"Tin kinh tế {n}", main_image=make_image(f"Ảnh {n}"))
        client.get("/rss.xml", HTTP_HOST=HOST)  # the new photos' renditions are made once, ever
        assert count() == before


class TestSectionFeed:
    def test_lists_the_section_and_its_sub_sections(self, client, host, portal):
        feed = read(client, f"/rss/{portal.politics.slug}.xml")
        assert feed.feed.title == f"Thời sự – Chính trị – {AGENCY}"
        assert feed.feed.link == absolute(portal.politics)
        assert titles(feed) == [portal.lead.title, portal.meeting.title]

    def test_a_sub_section_has_its_own_feed(self, client, host, portal):
        feed = read(client, f"/rss/{portal.politics.slug}/{portal.meetings.slug}.xml")
        assert titles(feed) == [portal.meeting.title]
        assert [tag.term for tag in feed.entries[0].tags] == ["Hội nghị, hội thảo"]

    def test_a_private_section_has_no_feed(self, client, host, portal):
        response = client.get(f"/rss/{portal.internal.slug}.xml", HTTP_HOST=HOST)
        assert response.status_code == HTTPStatus.NOT_FOUND

    def test_an_unknown_section_or_an_article_has_no_feed(self, client, host, portal):
        for url in ("/rss/khong-co.xml", f"/rss/{portal.politics.slug}/{portal.lead.slug}.xml"):
            assert client.get(url, HTTP_HOST=HOST).status_code == HTTPStatus.NOT_FOUND


class TestDirectory:
    def test_lists_the_site_feed_and_every_public_section(self, client, host, portal):
        html = client.get("/rss/", HTTP_HOST=HOST).content.decode()
        assert f"http://{HOST}/rss.xml" in html
        assert f"http://{HOST}/rss/{portal.politics.slug}.xml" in html
        assert f"http://{HOST}/rss/{portal.politics.slug}/{portal.meetings.slug}.xml" in html
        assert "Văn bản nội bộ" not in html
        assert f'<link rel="canonical" href="http://{HOST}/rss/">' in html
