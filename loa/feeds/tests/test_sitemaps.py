"""sitemap.xml, its index when large, the Google News sitemap and robots.txt."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest
import xmlschema
from django.utils import timezone

from loa.core.testing import home_page, make_article
from loa.feeds.models import FeedSettings
from loa.feeds.sitemaps import PageSitemap

from .conftest import AGENCY, HOST, XSD, absolute

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


@pytest.fixture(scope="module")
def sitemap_schema():
    return xmlschema.XMLSchema([XSD / "sitemap.xsd", XSD / "sitemap-news.xsd"])


@pytest.fixture(scope="module")
def index_schema():
    return xmlschema.XMLSchema(XSD / "siteindex.xsd")


def get(client, url: str, **extra):
    response = client.get(url, HTTP_HOST=HOST, **extra)
    assert response.status_code == HTTPStatus.OK, response.status_code
    return response


def locations(content: bytes) -> list[str]:
    return [loc.text for loc in ET.fromstring(content).iterfind(".//sm:loc", NS)]


class TestSitemap:
    def test_validates_against_the_sitemaps_org_schema(self, client, host, portal, sitemap_schema):
        response = get(client, "/sitemap.xml")
        assert response["Content-Type"].startswith("application/xml")
        sitemap_schema.validate(response.content.decode())

    def test_lists_live_public_pages_with_absolute_urls_on_the_request_host(self, client, host, portal):
        locs = locations(get(client, "/sitemap.xml").content)
        assert f"http://{HOST}/" in locs
        for page in (portal.politics, portal.meetings, portal.economy, portal.lead, portal.meeting, portal.old):
            assert absolute(page) in locs
        assert all(loc.startswith(f"http://{HOST}/") for loc in locs)

    def test_uses_https_when_the_request_is_secure(self, client, host, portal):
        locs = locations(get(client, "/sitemap.xml", secure=True).content)
        assert f"https://{HOST}{portal.lead.url}" in locs

    def test_leaves_out_private_and_unpublished_pages(self, client, host, portal):
        locs = " ".join(locations(get(client, "/sitemap.xml").content))
        for page in (portal.private, portal.internal, portal.internal_article):
            assert page.url not in locs
        assert portal.draft.slug not in locs

    def test_every_url_has_its_last_publication_date(self, client, host, portal):
        root = ET.fromstring(get(client, "/sitemap.xml").content)
        entries = {url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS) for url in root}
        lastmod = dt.datetime.fromisoformat(entries[absolute(portal.lead)])
        assert lastmod.utcoffset() == dt.timedelta(hours=7)
        portal.lead.refresh_from_db()
        assert lastmod == portal.lead.last_published_at.replace(microsecond=0)

    def test_a_newly_published_article_appears_at_once(self, client, host, portal):
        get(client, "/sitemap.xml")  # cached now
        article = make_article(portal.economy, "Khánh thành cầu Hưng Hà")
        assert absolute(article) in locations(get(client, "/sitemap.xml").content)


class TestSitemapIndex:
    """Over 50,000 URLs the sitemap becomes an index of files; tested with files of 3 URLs."""

    @pytest.fixture(autouse=True)
    def small_files(self, monkeypatch):
        monkeypatch.setattr(PageSitemap, "limit", 3)

    def test_sitemap_xml_becomes_an_index_valid_against_its_schema(self, client, host, portal, index_schema):
        content = get(client, "/sitemap.xml").content
        index_schema.validate(content.decode())
        assert ET.fromstring(content).tag == f"{{{NS['sm']}}}sitemapindex"

    def test_the_files_together_list_every_page_once(self, client, host, portal, sitemap_schema):
        files = locations(get(client, "/sitemap.xml").content)
        assert files[0] == f"http://{HOST}/sitemap-pages.xml"
        assert files[1] == f"http://{HOST}/sitemap-pages.xml?p=2"
        listed = []
        for url in files:
            content = get(client, url.removeprefix(f"http://{HOST}")).content
            sitemap_schema.validate(content.decode())
            listed += locations(content)
        public = [portal.politics, portal.meetings, portal.economy, portal.lead, portal.meeting, portal.old]
        assert sorted(listed) == sorted([f"http://{HOST}/", *map(absolute, public)])
        assert len(files) == 3

    def test_a_page_number_past_the_end_is_not_found(self, client, host, portal):
        assert client.get("/sitemap-pages.xml?p=99", HTTP_HOST=HOST).status_code == HTTPStatus.NOT_FOUND
        assert client.get("/sitemap-pages.xml?p=x", HTTP_HOST=HOST).status_code == HTTPStatus.NOT_FOUND

    def test_index_carries_the_latest_modification(self, client, host, portal):
        root = ET.fromstring(get(client, "/sitemap.xml").content)
        lastmods = {node.text for node in root.iterfind(".//sm:lastmod", NS)}
        assert len(lastmods) == 1
        assert dt.datetime.fromisoformat(lastmods.pop()) > timezone.now() - dt.timedelta(minutes=5)


class TestNewsSitemap:
    def test_validates_against_the_sitemap_and_google_news_schemas(self, client, host, portal, sitemap_schema):
        sitemap_schema.validate(get(client, "/sitemap-news.xml").content.decode())

    def test_lists_articles_first_published_in_the_last_48_hours(self, client, host, portal):
        locs = locations(get(client, "/sitemap-news.xml").content)
        assert locs == [absolute(portal.lead), absolute(portal.meeting)]  # newest first; old, private, draft left out

    def test_window_is_48_hours(self, client, host, portal):
        from loa.news.models import ArticlePage

        now = timezone.now()
        ArticlePage.objects.filter(pk=portal.meeting.pk).update(first_published_at=now - dt.timedelta(hours=47))
        ArticlePage.objects.filter(pk=portal.lead.pk).update(first_published_at=now - dt.timedelta(hours=49))
        locs = locations(get(client, "/sitemap-news.xml").content)
        assert locs == [absolute(portal.meeting)]

    def test_names_the_publication_language_and_title(self, client, host, portal):
        root = ET.fromstring(get(client, "/sitemap-news.xml").content)
        news = root.find("sm:url/news:news", NS)
        assert news.findtext("news:publication/news:name", namespaces=NS) == AGENCY
        assert news.findtext("news:publication/news:language", namespaces=NS) == "vi"
        assert news.findtext("news:title", namespaces=NS) == portal.lead.title
        published = dt.datetime.fromisoformat(news.findtext("news:publication_date", namespaces=NS))
        assert published.utcoffset() == dt.timedelta(hours=7)

    def test_publication_name_can_be_set(self, client, host, portal):
        settings = FeedSettings.for_site(home_page().get_site())
        settings.news_publication_name = "Báo điện tử Hưng Yên"
        settings.save()
        root = ET.fromstring(get(client, "/sitemap-news.xml").content)
        assert root.findtext("sm:url/news:news/news:publication/news:name", namespaces=NS) == "Báo điện tử Hưng Yên"

    def test_a_title_with_control_characters_and_markup_stays_valid(self, client, host, portal, sitemap_schema):
        make_article(portal.economy, "Giá <lúa> & ngô\x0b tăng")
        content = get(client, "/sitemap-news.xml").content.decode()
        sitemap_schema.validate(content)
        assert "Giá &lt;lúa&gt; &amp; ngô tăng" in content


class TestRobots:
    def test_points_crawlers_at_both_sitemaps_on_the_request_host(self, client, host, portal):
        response = get(client, "/robots.txt", secure=True)
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        lines = response.content.decode().splitlines()
        assert f"Sitemap: https://{HOST}/sitemap.xml" in lines
        assert f"Sitemap: https://{HOST}/sitemap-news.xml" in lines

    def test_keeps_crawlers_out_of_the_admin_and_search_results(self, client, host, portal):
        lines = get(client, "/robots.txt").content.decode().splitlines()
        assert lines[0] == "User-agent: *"
        assert "Disallow: /admin/" in lines
        assert "Disallow: /tim-kiem/?" in lines  # results only: /tim-kiem/ itself stays allowed
        assert "Disallow: /tim-kiem/" not in lines

    def test_adds_the_administrators_extra_lines(self, client, host, portal):
        settings = FeedSettings.for_site(home_page().get_site())
        settings.robots_extra = "Disallow: /tai-lieu-noi-bo/\r\n\r\nUser-agent: GPTBot\nDisallow: /"
        settings.save()
        text = get(client, "/robots.txt").content.decode()
        assert "Disallow: /admin/\n" in text
        assert "Disallow: /tai-lieu-noi-bo/\nUser-agent: GPTBot\nDisallow: /\n" in text
        assert text.index("GPTBot") < text.index("Sitemap:")


def test_sitemap_lists_the_english_pages_too(client, host, portal):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    home = home_page().copy_for_translation(english)
    home.save_revision().publish()
    assert f"http://{HOST}/en/" in locations(get(client, "/sitemap.xml").content)


def test_head_requests_are_answered(client, host, portal):
    for url in ("/robots.txt", "/sitemap.xml", "/sitemap-news.xml", "/rss.xml"):
        assert client.head(url, HTTP_HOST=HOST).status_code == HTTPStatus.OK
