"""What editors type is shown as text on every public page, feed and admin listing.

The demo portal is loaded once for the module (every module's pages, snippets
and settings), then every text field an editor can fill in is set to a hostile
string wherever the admin's validation would accept it, and every page is
fetched and parsed (loa/security/tests/hostile/checks.py says what counts as an
injection). Rich text gets markup only a crafted request or an import could send.
"""

from __future__ import annotations

import html
import io
import json
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from .checks import COMBINED, RICH_TEXT, SHORT, assert_clean, assert_clean_feed, assert_clean_response
from .poison import Poisoned, poison_site

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def poisoned(django_db_setup, django_db_blocker) -> Poisoned:
    """The demo portal with every editor text hostile; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        report = poison_site()
        yield report
        transaction.set_rollback(True)


def public_urls(poisoned: Poisoned) -> list[str]:
    """The poisoned pages and their parents (listings), print views, Hỏi đáp forms, search, RSS list, a 404."""
    from loa.legal.models import LegalDocumentPage
    from loa.news.models import ArticlePage
    from loa.qa.models import QuestionIndexPage

    pages = Page.objects.filter(pk__in=poisoned.pages)
    parents = Page.objects.filter(path__in={page.path[: -Page.steplen] for page in pages}, depth__gt=1)
    urls = []
    for page in (pages | parents).live().specific().order_by("path"):
        url = page.get_url()
        if not url:
            continue
        urls.append(url)
        if isinstance(page, (ArticlePage, LegalDocumentPage)):
            urls.append(url + "?print=1")
        if isinstance(page, QuestionIndexPage):
            urls += [url + "dat-cau-hoi/", url + "tra-cuu/"]
    return [*urls, "/tim-kiem/?q=img+onerror", "/tim-kiem/?q=alert&order=newest", "/rss/", "/khong-co-trang-nay/"]


def feed_urls() -> list[str]:
    from loa.news.models import SectionPage

    sections = SectionPage.objects.live().order_by("path")
    return ["/rss.xml", *(f"/rss/{section.url.strip('/')}.xml" for section in sections)]


# --- what was poisoned ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("loa_news.ArticlePage", "title"),
        ("loa_news.ArticlePage", "seo_title"),
        ("loa_news.ArticlePage", "search_description"),
        ("loa_news.ArticlePage", "sapo"),
        ("loa_news.ArticlePage", "main_image_caption"),
        ("loa_news.ArticlePage", "source"),
        ("loa_news.ArticlePage", "body"),
        ("loa_news.Author", "name"),
        ("loa_news.Author", "unit"),
        ("loa_news.SectionPage", "intro"),
        ("loa_widgets.CampaignBanner", "text"),
        ("loa_core.AgencySettings", "name"),
        ("loa_core.AgencySettings", "address"),
        ("loa_core.AgencySettings", "phone"),
        ("loa_core.AgencySettings", "licence"),
        ("loa_legal.LegalDocumentPage", "number"),
        ("loa_legal.LegalDocumentPage", "summary"),
        ("loa_legal.Signer", "name"),
        ("loa_schedule.ScheduleEntry", "content"),
        ("loa_schedule.ScheduleEntry", "location"),
        ("loa_schedule.Leader", "name"),
        ("loa_procedures.Procedure", "name"),
        ("loa_qa.QuestionPage", "question"),
        ("loa_qa.QuestionPage", "answer"),
        ("loa_qa.Topic", "name"),
        ("loa_about.OrganisationPage", "units"),
        ("loa_about.FunctionsPage", "duties"),
        ("loa_about.HistoryPage", "milestones"),
        ("loa_about.ContactPage", "contact_points"),
        ("loa_about.ContactPage", "working_hours"),
        ("loa_media.VideoPage", "description"),
        ("wagtailimages.Image", "title"),
        ("taggit.Tag", "name"),
    ],
)
def test_the_field_was_filled_with_a_payload(poisoned, label, name):
    """The check below means something only if the fields were really hostile."""
    assert poisoned.has(label, name)


def test_rich_text_blocks_were_filled(poisoned):
    assert poisoned.rich_text_blocks >= 10


# --- public pages --------------------------------------------------------------------------------


def test_every_public_page_shows_the_payloads_as_text(poisoned, client):
    urls = public_urls(poisoned)
    assert len(urls) > 30
    shown = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_FOUND), (url, response.status_code)
        assert_clean_response(response, url)
        html = response.content.decode()
        shown += escape(COMBINED[:40]) in html or escape(SHORT) in html
    assert shown > len(urls) // 2  # the payloads were shown (escaped), not just dropped


def test_an_article_shows_title_sapo_caption_and_byline_escaped(poisoned, client):
    from loa.news.models import ArticlePage

    article = ArticlePage.objects.filter(pk__in=poisoned.pages).exclude(main_image=None).first()
    assert article.authors()
    html = client.get(article.url).content.decode()
    assert f'<h1 class="article__title">{escape(article.title)}</h1>' in html
    assert f"<title>{escape(article.seo_title)} | " in html
    assert escape(article.sapo) in html
    assert escape(article.main_image_caption) in html
    assert escape(article.byline()) in html
    assert "Đoạn văn." in html  # the paragraph's harmless part survived sanitising


def test_meta_tags_and_json_ld_keep_the_title_inside(poisoned, client):
    """Attributes (og:title, description) and <script type="application/ld+json"> are the classic escapes."""
    from bs4 import BeautifulSoup

    from loa.news.models import ArticlePage

    article = ArticlePage.objects.filter(pk__in=poisoned.pages).first()
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert soup.find("meta", property="og:title")["content"] == article.seo_title
    assert soup.find("meta", attrs={"name": "description"})["content"] == article.search_description
    [ld] = soup.find_all("script", type="application/ld+json")
    data = json.loads(ld.string)
    assert data["headline"] == (article.seo_title or article.title)
    assert "</script>" in data["headline"]  # the payload was there, and did not close the element
    assert len(soup.find_all("script")) == len(soup.find_all("script", src=True)) + 1


def test_rich_text_that_reached_the_database_raw_is_sanitised_when_shown(poisoned, client):
    """An import or a migration can bypass the block's cleaning: the template filter still cleans."""
    from loa.news.models import ArticlePage

    article = ArticlePage.objects.filter(pk__in=poisoned.pages).first()
    raw = [{"type": "paragraph", "value": RICH_TEXT, "id": "0f6f5f54-7d1c-4b55-9a4e-8c1f0a0b9d11"}]
    ArticlePage.objects.filter(pk=article.pk).update(body=json.dumps(raw))
    response = client.get(article.url)
    assert_clean_response(response, article.url)
    assert "Đoạn văn." in response.content.decode()


def test_feeds_stay_well_formed_and_their_html_escaped(poisoned, client):
    for url in feed_urls():
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert_clean_feed(response.content, url)


def test_feed_descriptions_carry_the_sapo_as_text(poisoned, client):
    """A feed reader renders <description> as HTML: the sapo (plain text) must arrive escaped."""
    import xml.etree.ElementTree as ET

    from loa.news.models import ArticlePage

    root = ET.fromstring(client.get("/rss.xml").content)
    first = root.find("channel/item")
    article = ArticlePage.objects.live().get(title=first.findtext("title"))
    assert first.findtext("description") == html.escape(article.sapo, quote=False)


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-news.xml"])
def test_sitemaps_stay_well_formed(poisoned, client, url):
    import xml.etree.ElementTree as ET

    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    ET.fromstring(response.content)


def test_search_results_and_suggestions_escape_the_titles(poisoned, client):
    response = client.get("/tim-kiem/", {"q": "img onerror"})
    assert response.context["results"].hits
    assert_clean_response(response, "search")
    suggestions = client.get("/tim-kiem/goi-y/", {"q": "img oner"})
    assert_clean_response(suggestions, "suggestions")
    assert suggestions.json()["suggestions"]


# --- the admin, where editors read each other's text --------------------------------------------


@pytest.fixture
def editor(client, django_user_model) -> Client:
    client.force_login(django_user_model.objects.create_superuser("bientap", "bt@example.invalid", "mat-khau-123"))
    return client


def test_admin_listings_and_edit_forms_show_the_payloads_as_text(poisoned, editor):
    from loa.news.models import ArticlePage, SectionPage

    article = ArticlePage.objects.filter(pk__in=poisoned.pages).first()
    section = SectionPage.objects.parent_of(article).first()
    for url in [
        "/admin/",
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/snippets/loa_news/author/",
        "/admin/snippets/loa_widgets/campaignbanner/",
        "/admin/images/",
        f"/admin/pages/search/?q={article.title[:20]}",
    ]:
        response = editor.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert_clean(response.content.decode(), url, admin=True)


# --- what the admin refuses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>"]
)
def test_a_banner_link_to_a_script_is_refused(editor, link):
    from loa.widgets.models import CampaignBanner

    response = editor.post(
        "/admin/snippets/loa_widgets/campaignbanner/add/",
        {"text": "Ngày Chuyển đổi số quốc gia", "link": link, "active": "on", "sort_order": "0"},
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["link"]
    assert not CampaignBanner.objects.filter(text="Ngày Chuyển đổi số quốc gia").exists()


def test_a_link_to_a_script_in_the_rich_text_editor_is_dropped(editor, client):
    """A crafted request to the admin: Draftail's content state with a LINK entity to javascript:."""
    from loa.core.testing import make_section
    from loa.news.models import ArticlePage

    section = make_section("Thời sự")
    content_state = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": "Bấm vào đây",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 11, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
    }
    data = nested_form_data(
        {
            "title": "Bài có liên kết độc",
            "slug": "bai-co-lien-ket-doc",
            "sapo": "",
            "main_image_caption": "",
            "body": streamfield([("paragraph", json.dumps(content_state))]),
            "article_authors-TOTAL_FORMS": "0",
            "article_authors-INITIAL_FORMS": "0",
            "article_authors-MIN_NUM_FORMS": "0",
            "article_authors-MAX_NUM_FORMS": "1000",
            "source": "",
            "tags": "",
            "action-publish": "1",
        }
    )
    response = editor.post(f"/admin/pages/add/loa_news/articlepage/{section.pk}/", data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:1000]
    article = ArticlePage.objects.get(slug="bai-co-lien-ket-doc")
    assert "javascript" not in json.dumps(list(article.body.raw_data))
    client.logout()
    page = client.get(article.url)
    assert_clean_response(page, article.url)
    assert "Bấm vào đây" in page.content.decode()
