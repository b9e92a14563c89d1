"""The full-page cache: what is stored, who gets it, and that every change shows at once.

Most tests go through Django's test client (the middleware serves hits there); the
processes tests start real granian servers (loa/wsgi.py's wrapper answers hits before
Django) sharing one database, with the embedded default's version file and with Redis.
"""

from __future__ import annotations

import gzip

import pytest

from loa.core import pagecache
from loa.core.models import AgencySettings
from loa.core.testing import home_page, make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return make_article(make_section("Thời sự"), "Khai mạc hội chợ nông sản")


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_second_anonymous_request_is_a_hit_with_the_same_bytes(client, page_cache, article):
    first = get(client, article.url)
    assert first.status_code == 200
    assert first["X-Loa-Cache"] == "MISS"
    assert "s-maxage=60" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert "stale-while-revalidate" in first["Cache-Control"]
    second = get(client, article.url)
    assert second["X-Loa-Cache"] == "HIT"
    assert second.content == first.content
    assert "Khai mạc hội chợ nông sản" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    # Security headers added by outer middleware are stored with the page.
    assert second["X-Content-Type-Options"] == "nosniff"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "Cookie" not in second.get("Vary", "")


def test_hit_is_gzipped_for_readers_that_accept_it(client, page_cache, article):
    plain = get(client, article.url).content
    packed = get(client, article.url, accept_encoding="gzip, deflate, br")
    assert packed["X-Loa-Cache"] == "HIT"
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain
    assert "Accept-Encoding" in packed["Vary"]


def test_head_gets_the_headers_only(client, page_cache, article):
    get(client, article.url)
    head = client.head(article.url)
    assert head["X-Loa-Cache"] == "HIT"
    assert head.content == b""


def test_tracking_parameters_share_the_clean_page(client, page_cache, article):
    get(client, article.url)
    shared = get(client, article.url + "?fbclid=IwAR0abc&utm_source=zalo&utm_medium=social")
    assert shared["X-Loa-Cache"] == "HIT"
    other = get(client, article.url + "?trang=2")
    assert other["X-Loa-Cache"] == "MISS"


def test_a_clients_forwarded_proto_does_not_split_the_cache(client, page_cache, settings, article):
    """Without a trusted proxy setting, X-Forwarded-Proto is the client's word: same page, same key."""
    settings.SECURE_PROXY_SSL_HEADER = None
    get(client, article.url)
    assert get(client, article.url, x_forwarded_proto="https")["X-Loa-Cache"] == "HIT"


def test_logged_in_editors_are_never_served_nor_stored(client, page_cache, article, django_user_model):
    editor = django_user_model.objects.create_user("bientap", password="x", is_staff=True)
    client.force_login(editor)
    seen = get(client, article.url)
    assert seen.status_code == 200
    assert "X-Loa-Cache" not in seen
    assert get(client, article.url).get("X-Loa-Cache") is None
    client.logout()
    client.cookies.clear()
    assert get(client, article.url)["X-Loa-Cache"] == "MISS"  # the editor's render was not stored


def test_pages_with_a_form_token_are_not_stored(client, page_cache):
    from django.utils import timezone

    from loa.qa.demo import load_demo

    load_demo(home_page(), timezone.now())
    from loa.qa.models import QuestionIndexPage

    form_url = QuestionIndexPage.objects.live().first().url + "dat-cau-hoi/"
    for _ in range(2):
        response = get(client, form_url)
        assert response.status_code == 200
        assert response["X-Loa-Cache"] == "BYPASS"
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_errors_redirects_and_posts_are_not_stored(client, page_cache, article):
    assert get(client, "/khong-co-trang-nay/").status_code == 404
    assert get(client, "/khong-co-trang-nay/").get("X-Loa-Cache") in (None, "BYPASS")
    assert client.post(article.url).get("X-Loa-Cache") is None
    assert get(client, "/admin/").status_code == 302
    assert get(client, "/admin/").get("X-Loa-Cache") is None


def test_off_when_seconds_is_zero(client, settings, article):
    settings.LOA_PAGE_CACHE_SECONDS = 0
    assert get(client, article.url).get("X-Loa-Cache") is None
    assert get(client, article.url).get("X-Loa-Cache") is None


# --- Invalidation: each kind of change shows on the next request --------------------------


def warm(client, commit, *urls):
    """Fill the cache; the first render may create settings rows (a bump), committed here."""
    for url in urls:
        commit(lambda: get(client, url))  # noqa: B023 -- called at once
        get(client, url)
    for url in urls:
        assert get(client, url)["X-Loa-Cache"] == "HIT"


def test_publishing_a_new_revision(client, page_cache, article, commit):
    warm(client, commit, article.url, "/")

    def edit():
        article.title = "Bế mạc hội chợ nông sản"
        article.save_revision().publish()

    commit(edit)
    fresh = get(client, article.url)
    assert fresh["X-Loa-Cache"] == "MISS"
    assert "Bế mạc hội chợ nông sản" in fresh.content.decode()
    assert "Bế mạc hội chợ nông sản" in get(client, "/").content.decode()  # the home page lists it


def test_unpublishing(client, page_cache, article, commit):
    url = article.url
    warm(client, commit, url)
    commit(article.unpublish)
    assert get(client, url).status_code == 404


def test_moving(client, page_cache, article, commit):
    old_url = article.url
    target = make_section("Kinh tế")
    warm(client, commit, old_url)
    commit(lambda: article.move(target, pos="last-child"))
    article.refresh_from_db()
    moved = get(client, old_url)
    assert moved.status_code == 301  # Wagtail's automatic redirect to the new address
    assert moved["Location"] == article.url
    assert get(client, article.url).status_code == 200


def test_deleting(client, page_cache, article, commit):
    url = article.url
    warm(client, commit, url)
    commit(article.delete)
    assert get(client, url).status_code == 404


def test_editing_a_snippet_shown_on_the_page(client, page_cache, commit):
    from loa.news.models import Author

    author = Author.objects.create(name="Trần Thị Hoa", unit="Trung tâm Văn hóa")
    article = make_article(make_section("Văn hóa"), "Đêm nhạc dân ca", authors=[author])
    warm(client, commit, article.url)

    def rename():
        author.name = "Trần Thị Hoa Mai"
        author.save()

    commit(rename)
    assert "Trần Thị Hoa Mai" in get(client, article.url).content.decode()


def test_editing_a_banner(client, page_cache, article, commit):
    from loa.widgets.models import CampaignBanner

    warm(client, commit, "/")
    commit(lambda: CampaignBanner.objects.create(text="10/10 — Ngày Chuyển đổi số quốc gia", active=True))
    assert "Ngày Chuyển đổi số quốc gia" in get(client, "/").content.decode()


def test_editing_a_setting(client, page_cache, article, commit):
    warm(client, commit, article.url)
    site = home_page().get_site()

    def rename():
        agency = AgencySettings.for_site(site)
        agency.name = "Ủy ban nhân dân phường Hạc Thành"
        agency.save()

    commit(rename)
    assert "Ủy ban nhân dân phường Hạc Thành" in get(client, article.url).content.decode()


def test_a_broken_page_cache_still_serves_pages(client, settings, tmp_path, article):
    settings.LOA_PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "loa.core.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    for _ in range(3):
        response = get(client, article.url)
        assert response.status_code == 200
        assert response["X-Loa-Cache"] == "MISS"  # on, but nothing could be stored
        assert "Khai mạc hội chợ nông sản" in response.content.decode()


def test_a_render_never_overwrites_the_mirror(client, page_cache, article):
    """A render may have started before a bump that raced it: only the bump writes the mirror."""
    mirror = pagecache.store().mirror
    assert mirror.read() is None
    get(client, article.url)
    created = mirror.read()
    assert created is not None  # a missing mirror is created from the database's version
    mirror.write(created + 1)  # as if another process had bumped since
    assert get(client, article.url)["X-Loa-Cache"] == "MISS"
    assert mirror.read() == created + 1
    assert get(client, article.url)["X-Loa-Cache"] == "MISS"  # stored under the database's version


def test_the_wsgi_wrapper_answers_hits_without_django(client, page_cache, article, rf):
    """What granian runs (loa.wsgi): a hit never reaches the Django application behind the wrapper."""
    from loa.wsgi import application

    assert isinstance(application.app, pagecache.PageCacheApp)  # BeaconFastPath → PageCacheApp → Django
    get(client, article.url)  # stored through the middleware
    reached: list[dict] = []

    def django_app(environ, start_response):
        reached.append(environ)
        start_response("500 Internal Server Error", [])
        return [b""]

    answered: dict = {}
    body = b"".join(
        pagecache.PageCacheApp(django_app)(rf.get(article.url).environ, lambda s, h: answered.update(s=s, h=dict(h)))
    )
    assert reached == []
    assert (answered["s"], answered["h"]["X-Loa-Cache"]) == ("200 OK", "HIT")
    assert "Khai mạc hội chợ nông sản" in body.decode()

    pagecache.PageCacheApp(django_app)(rf.post(article.url).environ, lambda s, h: None)
    assert len(reached) == 1  # anything else goes on to Django
