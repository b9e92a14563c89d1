"""What every page says about itself in <head>: canonical URL, description, Open Graph, RSS, JSON-LD."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from wagtailmedia.models import Media

from loa.core.testing import home_page, make_article, make_image
from loa.feeds.site import ARTICLE_IMAGE_SPEC
from loa.media.models import VideoIndexPage, VideoPage
from loa.news.models import ARTICLES_PER_PAGE

from .conftest import AGENCY, HOST, absolute

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The <head>'s links, metas and JSON-LD scripts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: list[dict] = []
        self.metas: list[dict] = []
        self.scripts: list[str] = []
        self._in_json = False
        self.feed(html.split("</head>")[0])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        self._in_json = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_json = False

    def meta(self, key: str) -> list[str]:
        return [m["content"] for m in self.metas if m.get("property") == key or m.get("name") == key]

    def one(self, key: str) -> str:
        (value,) = self.meta(key)
        return value

    def canonical(self) -> str:
        (link,) = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        return link

    def feeds(self) -> dict[str, str]:
        return {
            link["title"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and link.get("type") == "application/rss+xml"
        }

    def json_ld(self) -> list[dict]:
        return [json.loads(text) for text in self.scripts]


def head_of(client, url: str, **extra) -> Head:
    response = client.get(url, HTTP_HOST=HOST, **extra)
    assert response.status_code == HTTPStatus.OK
    return Head(response.content.decode())


SITE_FEED = f"{AGENCY} – Tin mới nhất"


class TestArticle:
    def test_canonical_url_is_absolute_and_drops_the_query_string(self, client, host, portal):
        head = head_of(client, portal.lead.url + "?print=1&utm_source=zalo")
        assert head.canonical() == absolute(portal.lead)

    def test_description_is_the_sapo(self, client, host, portal):
        assert head_of(client, portal.lead.url).one("description") == portal.lead.sapo

    def test_search_description_wins_and_is_printed_once(self, client, host, portal):
        portal.lead.search_description = "Mô tả cho công cụ tìm kiếm"
        portal.lead.save_revision().publish()
        head = head_of(client, portal.lead.url)
        assert head.one("description") == "Mô tả cho công cụ tìm kiếm"
        assert head.one("og:description") == "Mô tả cho công cụ tìm kiếm"

    def test_open_graph_describes_an_article_with_its_photo(self, client, host, portal):
        head = head_of(client, portal.lead.url)
        rendition = portal.lead.main_image.get_rendition(ARTICLE_IMAGE_SPEC)
        assert head.one("og:type") == "article"
        assert head.one("og:title") == portal.lead.title
        assert head.one("og:url") == absolute(portal.lead)
        assert head.one("og:site_name") == AGENCY
        assert head.one("og:locale") == "vi_VN"
        assert head.one("og:image") == f"http://{HOST}{rendition.url}"
        assert (head.one("og:image:width"), head.one("og:image:height")) == ("800", "450")
        assert head.one("og:image:alt") == portal.lead.main_image_caption
        assert head.one("article:section") == "Thời sự – Chính trị"
        assert sorted(head.meta("article:tag")) == ["huân chương", "thành phố Hưng Yên"]
        assert head.one("article:published_time").endswith("+07:00")

    def test_twitter_card_shows_a_large_photo(self, client, host, portal):
        head = head_of(client, portal.lead.url)
        assert head.one("twitter:card") == "summary_large_image"
        assert head.one("twitter:image") == head.one("og:image")

    def test_advertises_the_site_feed_and_its_section_feed(self, client, host, portal):
        feeds = head_of(client, portal.meeting.url).feeds()
        assert feeds == {
            SITE_FEED: f"http://{HOST}/rss.xml",
            f"{AGENCY} – Hội nghị, hội thảo": f"http://{HOST}/rss/{portal.politics.slug}/{portal.meetings.slug}.xml",
        }

    def test_json_ld_is_a_news_article(self, client, host, portal):
        (data,) = head_of(client, portal.lead.url).json_ld()
        portal.lead.refresh_from_db()
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == portal.lead.title
        assert data["description"] == portal.lead.sapo
        assert data["datePublished"].endswith("+07:00")
        assert data["dateModified"].endswith("+07:00")
        assert data["articleSection"] == "Thời sự – Chính trị"
        assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": absolute(portal.lead)}
        assert data["image"][0]["url"].startswith(f"http://{HOST}/media/")
        assert data["image"][0]["width"] == 800

    def test_json_ld_names_each_author_with_their_unit(self, client, host, portal):
        (data,) = head_of(client, portal.lead.url).json_ld()
        unit = {"@type": "Organization", "name": "Trung tâm Văn hóa và Truyền thanh thành phố"}
        assert data["author"] == [
            {"@type": "Person", "name": "Hoàng Anh", "worksFor": unit},
            {"@type": "Person", "name": "Minh Thu", "worksFor": unit},
        ]

    def test_json_ld_publisher_is_the_agency_with_its_emblem(self, client, host, portal):
        (data,) = head_of(client, portal.lead.url).json_ld()
        publisher = data["publisher"]
        assert publisher["@type"] == "Organization"
        assert publisher["name"] == AGENCY
        assert publisher["logo"]["url"].startswith(f"http://{HOST}/media/")
        assert publisher["logo"]["width"] == 400

    def test_without_authors_the_agency_is_the_author(self, client, host, portal):
        (data,) = head_of(client, portal.meeting.url).json_ld()
        assert data["author"] == [data["publisher"]]

    def test_byline_is_still_printed_once(self, client, host, portal):
        html = client.get(portal.lead.url, HTTP_HOST=HOST).content.decode()
        assert html.count("Hoàng Anh – Minh Thu (Trung tâm Văn hóa và Truyền thanh thành phố)") == 1

    def test_a_hostile_title_cannot_leave_the_json_script(self, client, host, portal):
        hostile = 'Tin </script><script>alert("x")</script> & <!-- "mới"'
        article = make_article(portal.economy, hostile, sapo="</script><img src=x onerror=alert(1)>")
        html = client.get(article.url, HTTP_HOST=HOST).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        head = Head(html)
        (data,) = head.json_ld()
        assert data["headline"] == hostile
        assert head.one("og:title") == hostile

    def test_a_new_version_shows_at_once(self, client, host, portal):
        head_of(client, portal.lead.url)  # cached
        portal.lead.title = "Tiêu đề đã sửa"
        portal.lead.save_revision().publish()
        assert head_of(client, portal.lead.url).one("og:title") == "Tiêu đề đã sửa"


class TestSection:
    def test_is_a_website_with_its_intro_and_its_own_feed(self, client, host, portal):
        head = head_of(client, portal.economy.url)
        assert head.one("og:type") == "website"
        assert head.one("description") == "Tin kinh tế của thành phố."
        assert head.feeds()[f"{AGENCY} – Kinh tế"] == f"http://{HOST}/rss/{portal.economy.slug}.xml"
        assert head.json_ld() == []

    def test_without_a_photo_the_emblem_is_shared_as_a_small_card(self, client, host, portal):
        head = head_of(client, portal.economy.url)
        assert head.one("og:image").startswith(f"http://{HOST}/media/")
        assert (head.one("og:image:width"), head.one("og:image:height")) == ("400", "400")
        assert head.one("twitter:card") == "summary"

    def test_canonical_keeps_the_page_number_only(self, client, host, portal):
        for n in range(ARTICLES_PER_PAGE):
            make_article(portal.economy, f"Tin kinh tế số {n}")
        assert head_of(client, portal.economy.url + "?trang=1").canonical() == absolute(portal.economy)
        assert head_of(client, portal.economy.url + "?trang=2&x=1").canonical() == absolute(portal.economy) + "?trang=2"


class TestHome:
    def test_is_the_site_itself_with_the_site_feed(self, client, host, portal):
        head = head_of(client, "/")
        assert head.canonical() == f"http://{HOST}/"
        assert head.one("og:type") == "website"
        assert head.one("og:url") == f"http://{HOST}/"
        assert head.feeds() == {SITE_FEED: f"http://{HOST}/rss.xml"}

    def test_https_requests_get_https_urls(self, client, host, portal):
        head = head_of(client, "/", secure=True)
        assert head.canonical() == f"https://{HOST}/"
        assert head.feeds()[SITE_FEED] == f"https://{HOST}/rss.xml"


class TestVideo:
    @pytest.fixture
    def clip(self, portal):
        index = home_page().add_child(instance=VideoIndexPage(title="Video"))
        media = Media.objects.create(
            title="Bình minh",
            type="video",
            duration=95,
            file=ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, name="clip.mp4"),
        )
        page = VideoPage(
            title="Bình minh trên sông Hồng", video=media, poster=make_image("Áp phích"), description="Phóng sự ngắn."
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    def test_json_ld_is_a_video_object(self, client, host, clip):
        head = head_of(client, clip.url)
        (data,) = head.json_ld()
        assert data["@type"] == "VideoObject"
        assert data["name"] == "Bình minh trên sông Hồng"
        assert data["description"] == "Phóng sự ngắn."
        assert data["uploadDate"].endswith("+07:00")
        assert data["duration"] == "PT1M35S"
        assert data["contentUrl"].startswith(f"http://{HOST}/media/")
        assert data["thumbnailUrl"][0].startswith(f"http://{HOST}/media/")
        assert head.one("og:type") == "video.other"


class TestOtherViews:
    def test_not_found_page_still_advertises_the_site_feed(self, client, host, portal):
        response = client.get("/khong-co-trang-nay/", HTTP_HOST=HOST)
        assert response.status_code == HTTPStatus.NOT_FOUND
        head = Head(response.content.decode())
        assert head.feeds() == {SITE_FEED: f"http://{HOST}/rss.xml"}
        assert [link for link in head.links if link.get("rel") == "canonical"] == []


class TestPreview:
    def test_a_draft_preview_shows_the_draft_and_leaves_the_live_head_alone(self, client, host, portal):
        head_of(client, portal.lead.url)  # the live head is cached
        portal.lead.title = "Tiêu đề trong bản nháp"
        preview = Head(portal.lead.make_preview_request().content.decode())
        assert preview.one("og:title") == "Tiêu đề trong bản nháp"
        assert head_of(client, portal.lead.url).one("og:title") != "Tiêu đề trong bản nháp"

    def test_a_new_article_can_be_previewed(self, portal):
        from loa.news.models import ArticlePage

        article = ArticlePage(title="Bài mới viết", slug="bai-moi-viet", sapo="Tóm tắt.")
        article.depth = portal.economy.depth + 1
        article.path = portal.economy.path + "9999"
        article.set_url_path(portal.economy)
        response = article.make_preview_request()
        assert response.status_code == HTTPStatus.OK
        (data,) = Head(response.content.decode()).json_ld()
        assert data["headline"] == "Bài mới viết"
        assert data["articleSection"] == "Kinh tế"


class TestEnglish:
    def test_an_english_page_says_so(self, client, host, portal):
        from wagtail.models import Locale

        english = Locale.objects.get_or_create(language_code="en")[0]
        home = home_page().copy_for_translation(english)
        home.save_revision().publish()
        head = head_of(client, home.url)
        assert head.one("og:locale") == "en_US"
        assert head.canonical() == f"http://{HOST}/en/"
