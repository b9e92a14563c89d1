"""The demo portal: `load_demo` builds a complete, believable site once, and never twice.

Loading draws some fifty pictures and publishes about fifty pages, so the
database tests share one load per module (rolled back at the end) instead of
paying for it in every test.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from loa.core.demo import articles as demo_articles
from loa.core.demo import images, site
from loa.core.demo.loader import VIDEO_DIR, publish_moment
from loa.core.text import ascii_fold, vn_slugify

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


# --- vn_slugify -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hội nghị tổng kết Cụm thi đua", "hoi-nghi-tong-ket-cum-thi-dua"),
        ("Đồng bằng", "dong-bang"),
        ("Thời sự – Chính trị", "thoi-su-chinh-tri"),
        ("Phụ nữ – Gia đình", "phu-nu-gia-dinh"),
        ("Sơ đồ trang", "so-do-trang"),
        ("ĐẠI HỘI Ưu tú", "dai-hoi-uu-tu"),
        (
            "Hơn 2.000 người tham gia giải chạy “Vì sức khỏe cộng đồng”",
            "hon-2000-nguoi-tham-gia-giai-chay-vi-suc-khoe-cong-dong",
        ),
    ],
)
def test_vn_slugify(text: str, slug: str) -> None:
    assert vn_slugify(text) == slug


def test_ascii_fold_keeps_the_letters_and_drops_the_marks() -> None:
    assert ascii_fold("Đường Nguyễn Văn Linh") == "Duong Nguyen Van Linh"


# --- the content as written -------------------------------------------------------------


def _top_level(section_key: str) -> str:
    return site.SECTIONS[section_key].parent or section_key


def test_section_keys_are_the_slugs_of_their_titles() -> None:
    assert all(key == vn_slugify(section.title) for key, section in site.SECTIONS.items())


def test_articles_cover_every_section_with_the_required_variety() -> None:
    articles = demo_articles.ARTICLES
    assert len(articles) >= 32
    per_top_section = Counter(_top_level(article.section) for article in articles)
    top_sections = [key for key, section in site.SECTIONS.items() if not section.parent]
    assert all(per_top_section[key] >= 4 for key in top_sections), per_top_section
    assert sum(1 for article in articles if article.extra_photo and article.extra_photo.credit) >= 10
    assert sum(1 for article in articles if article.quote) >= 4
    assert sum(1 for article in articles if article.table) >= 3
    assert 2 <= sum(1 for article in articles if article.featured) <= 3
    assert sum(1 for article in articles if article.source) >= 3
    for article in articles:
        assert 3 <= len(article.paragraphs) <= 6, article.title
        assert 1 <= len(article.authors) <= 2 and set(article.authors) <= set(site.AUTHORS), article.title
        assert 2 <= len(article.tags) <= 4, article.title
        assert article.photo.scene in images.SCENES and article.photo.caption, article.title
        assert article.published or 0 <= article.days_ago <= 60, article.title
    assert len({article.time for article in articles}) >= 20, "publish times should vary over the day"


def test_shipped_videos_are_small_mp4_files() -> None:
    for clip in site.CLIPS:
        path = VIDEO_DIR / clip.file
        assert path.read_bytes()[4:8] == b"ftyp", f"{clip.file} is not an MP4"
        assert path.stat().st_size < 400 * 1024


def test_pictures_are_deterministic_and_differ_per_seed() -> None:
    first = images.jpeg_bytes(images.draw_scene("city", 1, size=(240, 135)))
    again = images.jpeg_bytes(images.draw_scene("city", 1, size=(240, 135)))
    other = images.jpeg_bytes(images.draw_scene("city", 2, size=(240, 135)))
    assert first == again != other
    emblem = images.draw_emblem(64)
    assert emblem.mode == "RGBA" and emblem.getpixel((0, 0))[3] == 0  # transparent outside the disc


def test_words_are_only_drawn_with_a_font_that_has_vietnamese_letters() -> None:
    font = images.vietnamese_font(24)
    assert font is None or images.renders_vietnamese(font)


def test_publish_moment_is_never_in_the_future() -> None:
    now = dt.datetime(2026, 11, 29, 7, 0, tzinfo=VIETNAM)
    assert publish_moment(0, "08:20", now) == dt.datetime(2026, 11, 28, 8, 20, tzinfo=VIETNAM)
    assert publish_moment(2, "06:00", now) == dt.datetime(2026, 11, 27, 6, 0, tzinfo=VIETNAM)


# --- the loaded site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Run the command once for the module, inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def _articles():
    from loa.news.models import ArticlePage

    return ArticlePage.objects.live().specific()


@pytest.mark.django_db
def test_load_demo_builds_the_portal(demo: str) -> None:
    from loa.home.models import HomePage
    from loa.news.models import SectionPage

    assert "34 bài viết" in demo
    articles = list(_articles())
    assert len(articles) >= 30
    sections_with_articles = {article.get_parent().pk for article in articles}
    assert len(sections_with_articles) >= 5
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert home.title == "Trang chủ"
    menu = [page.title for page in home.get_children().live().in_menu()]
    assert menu == [
        "Giới thiệu",
        "Thời sự – Chính trị",
        "Kinh tế",
        "Văn hóa – Xã hội",
        "Phụ nữ – Gia đình",
        "Chuyển đổi số",
        "Video",
        "Văn bản",
        "Lịch công tác",
        "Hỏi đáp",
        "Thủ tục hành chính",
        "Sơ đồ trang",
    ]
    culture = SectionPage.objects.get(slug="van-hoa-xa-hoi")
    assert [page.slug for page in culture.get_children().type(SectionPage)] == ["giao-duc", "y-te"]
    for section in SectionPage.objects.child_of(home):
        assert section.articles().count() >= 4, section.title


@pytest.mark.django_db
def test_agency_counters_banners_and_weather(demo: str) -> None:
    from wagtail.models import Site

    from loa.core.models import AgencySettings
    from loa.stats.models import CounterSettings
    from loa.widgets.models import CampaignBanner, WeatherPlace

    default_site = Site.objects.get(is_default_site=True)
    assert (default_site.hostname, default_site.port) == ("localhost", 80)
    agency = AgencySettings.for_site(default_site)
    assert agency.parent_name == "Tỉnh Hưng Yên"
    assert agency.name == "Ủy ban nhân dân thành phố Hưng Yên"
    assert agency.address and agency.phone and agency.email and agency.responsible_person
    assert "GP-TTĐT" in agency.licence
    assert agency.emblem is not None and agency.emblem.width == agency.emblem.height

    counters = CounterSettings.for_site(default_site)
    assert counters.visit_offset == 4238431
    assert counters.most_read_window == 7

    current = list(CampaignBanner.objects.current())
    assert len(current) >= 2
    assert any(banner.text.startswith("10/10") for banner in current)
    expired = CampaignBanner.objects.exclude(pk__in=[banner.pk for banner in current])
    assert expired.filter(ends_at__lt=timezone.now()).exists()

    places = list(WeatherPlace.objects.all())
    assert len(places) == 3
    assert all(20 < place.latitude < 21.5 and 105.5 < place.longitude < 106.5 for place in places)


@pytest.mark.django_db
def test_video_clips_have_uploaded_files_and_posters(demo: str) -> None:
    from loa.media.models import VideoPage

    clips = list(VideoPage.objects.live().select_related("video", "poster"))
    assert len(clips) >= 3
    for clip in clips:
        assert clip.video is not None and clip.video.type == "video"
        assert clip.video.file.storage.exists(clip.video.file.name)
        assert (clip.video.width, clip.video.height) == (640, 360) and clip.video.duration > 0
        assert clip.poster is not None and clip.description


@pytest.mark.django_db
def test_second_run_changes_nothing(demo: str) -> None:
    from wagtail.images.models import Image
    from wagtail.models import Page

    from loa.widgets.models import CampaignBanner

    before = (Page.objects.count(), Image.objects.count(), CampaignBanner.objects.count())
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert "không nạp" in output.getvalue()
    assert (Page.objects.count(), Image.objects.count(), CampaignBanner.objects.count()) == before


@pytest.mark.django_db
def test_womens_union_cluster_article(demo: str) -> None:
    from loa.news.models import ArticlePage

    article = ArticlePage.objects.get(slug=demo_articles.WOMEN_CLUSTER_SLUG)
    assert article.get_parent().slug == "phu-nu-gia-dinh"
    published = article.first_published_at.astimezone(VIETNAM)
    assert (published.date(), published.hour, published.minute) == (dt.date(2022, 11, 21), 9, 30)
    assert article.byline() == "Hoàng Anh – Minh Thu (Trung tâm Văn hóa và Truyền thanh thành phố)"
    text = article.sapo + " ".join(str(block.value) for block in article.body if block.block_type == "paragraph")
    for fact in (
        "18/11/2022",
        "10 tỉnh",
        "Mẹ đỡ đầu",
        "3.037",
        "16,5 tỷ đồng",
        "486",
        "3 tỷ đồng",
        "240",
        "Quảng Ninh",
    ):
        assert fact in text, fact


@pytest.mark.django_db
def test_every_article_is_complete(demo: str) -> None:
    now = timezone.now()
    pinned = {demo_articles.WOMEN_CLUSTER_SLUG}
    for article in _articles():
        assert article.main_image is not None and article.main_image_caption, article.title
        assert article.byline() and article.sapo, article.title
        assert 2 <= article.tags.count() <= 4, article.title
        paragraphs = [block for block in article.body if block.block_type == "paragraph"]
        assert 3 <= len(paragraphs) <= 6, article.title
        assert all(str(block.value).startswith("<p") for block in paragraphs)
        assert "{d" not in article.sapo + "".join(str(block.value) for block in paragraphs)
        assert article.first_published_at <= now
        if article.slug not in pinned:
            assert now - article.first_published_at < dt.timedelta(days=62), article.title
    assert 2 <= _articles().filter(featured=True).count() <= 3


@pytest.mark.django_db
def test_bodies_carry_photos_quotes_and_tables(demo: str) -> None:
    counts: Counter[str] = Counter()
    for article in _articles():
        kinds = {block.block_type for block in article.body}
        counts.update(kinds)
        for block in article.body:
            if block.block_type == "photo":
                assert block.value["image"] is not None and block.value["caption"] and block.value["credit"]
            if block.block_type == "table":
                value = block.value
                assert value["first_row_is_table_header"] is True and value["first_col_is_header"] is False
                assert value["table_caption"] and len(value["data"]) >= 3
                assert len({len(row) for row in value["data"]}) == 1
    assert counts["photo"] >= 10
    assert counts["quote"] >= 4
    assert counts["table"] >= 3


@pytest.mark.django_db
def test_published_pages_are_searchable(demo: str) -> None:
    from loa.news.models import ArticlePage

    results = list(ArticlePage.objects.live().search("Quảng Ninh"))
    assert demo_articles.WOMEN_CLUSTER_SLUG in {page.slug for page in results}


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["testserver", "127.0.0.1:8000"])
def test_demo_pages_render(demo: str, client, host: str) -> None:
    from loa.media.models import VideoPage
    from loa.news.models import ArticlePage

    paths = [
        "/",
        "/gioi-thieu/",
        "/thoi-su-chinh-tri/",
        "/van-hoa-xa-hoi/giao-duc/",
        "/video/",
        "/so-do-trang/",
        VideoPage.objects.live().first().url,
        ArticlePage.objects.get(slug=demo_articles.WOMEN_CLUSTER_SLUG).url,
        ArticlePage.objects.get(slug=vn_slugify(next(item for item in demo_articles.ARTICLES if item.table).title)).url,
    ]
    for path in paths:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
    home = client.get("/", HTTP_HOST=host).content.decode()
    assert "Ủy ban nhân dân thành phố Hưng Yên" in home
    assert "Ngày Chuyển đổi số quốc gia" in home
    assert "Hưởng ứng Tháng hành động vì an toàn thực phẩm" not in home  # the expired banner


@pytest.mark.django_db
def test_a_site_whose_articles_were_deleted_is_filled_again_without_duplicates(demo: str) -> None:
    from wagtailmedia.models import Media

    from loa.media.models import VideoPage
    from loa.news.models import ArticlePage, SectionPage

    sections, clips, media = SectionPage.objects.count(), VideoPage.objects.count(), Media.objects.count()
    for article in ArticlePage.objects.all():
        article.delete()
    call_command("load_demo", stdout=io.StringIO())
    assert ArticlePage.objects.count() == len(demo_articles.ARTICLES)
    assert (SectionPage.objects.count(), VideoPage.objects.count(), Media.objects.count()) == (sections, clips, media)


@pytest.mark.django_db
def test_reloading_keeps_what_an_operator_entered(demo: str) -> None:
    from wagtail.models import Site

    from loa.core.models import AgencySettings
    from loa.news.models import ArticlePage
    from loa.stats.models import CounterSettings

    default_site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=default_site.pk).update(hostname="congthongtin.example", port=443)
    AgencySettings.objects.filter(site=default_site).update(address="Số 1 phố Thử", emblem=None)
    CounterSettings.objects.filter(site=default_site).update(visit_offset=12, most_read_window=30)
    for article in ArticlePage.objects.all():
        article.delete()
    call_command("load_demo", stdout=io.StringIO())

    default_site.refresh_from_db()
    assert (default_site.hostname, default_site.port) == ("congthongtin.example", 443)
    agency = AgencySettings.objects.get(site=default_site)
    assert agency.address == "Số 1 phố Thử"
    assert agency.emblem is not None  # a blank field is filled
    counters = CounterSettings.objects.get(site=default_site)
    assert (counters.visit_offset, counters.most_read_window) == (12, 30)


@pytest.mark.django_db
def test_demo_newsroom_accounts_and_drafts_on_the_desks(demo: str) -> None:
    from django.contrib.auth import authenticate

    from loa.news.models import ArticlePage
    from loa.newsroom.demo import create_demo_accounts, put_articles_in_the_workflow

    created = create_demo_accounts()
    put_articles_in_the_workflow()
    assert {role for _, _, role in created} == {"Phóng viên", "Biên tập viên", "Lãnh đạo duyệt", "Quản trị"}
    for username, password, _ in created:
        assert authenticate(username=username, password=password) is not None
    waiting = {page.title: page.status_string for page in ArticlePage.objects.filter(live=False)}
    assert sorted(waiting.values()) == ["chờ biên tập", "chờ duyệt"]
    # Idempotent: no second set of accounts or drafts.
    assert create_demo_accounts() == []
    put_articles_in_the_workflow()
    assert ArticlePage.objects.filter(live=False).count() == 2


# --- accessibility: every picture described, the sample video captioned -------------------------


def _decorative(img) -> bool:
    """alt="" and said so: aria-hidden on the image or on the link or figure around it, or a presentation role."""
    from bs4 import Tag

    if img.get("alt") != "":
        return False
    if img.get("role") in {"presentation", "none"}:
        return True
    return any(node.get("aria-hidden") == "true" for node in [img, *img.parents] if isinstance(node, Tag))


@pytest.mark.django_db
def test_every_image_has_alt_text_or_is_marked_decorative(demo: str, client) -> None:
    """One page of each kind: images reach pages through a handful of templates (cards, the article's
    photo, body photos, emblem, banners, portraits), and every kind of page uses some of them."""
    from bs4 import BeautifulSoup

    from loa.about.models import OrganisationPage
    from loa.news.models import ArticlePage

    with_body_photo = next(
        page for page in ArticlePage.objects.live().order_by("pk") if any(b.block_type == "photo" for b in page.body)
    )
    paths = [
        "/",
        "/thoi-su-chinh-tri/",
        with_body_photo.url,
        "/video/",
        "/gioi-thieu/",
        *[page.url for page in OrganisationPage.objects.live()],  # portraits, in Vietnamese and English
        "/en/",
        "/van-ban/",
        "/lich-cong-tac/",
        "/hoi-dap/",
        "/thu-tuc-hanh-chinh/",
    ]
    problems: dict[str, list[str]] = {}
    described = 0
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        for img in BeautifulSoup(response.content, "html.parser").find_all("img"):
            alt = img.get("alt")
            if alt is None or (not alt.strip() and not _decorative(img)):
                problems.setdefault(path, []).append(str(img)[:160])
            described += bool(alt and alt.strip())
    assert problems == {}
    assert described >= 10


@pytest.mark.django_db
def test_demo_pictures_are_described_in_vietnamese_by_what_they_show(demo: str) -> None:
    from wagtail.images.models import Image

    images_ = list(Image.objects.all())
    assert images_ and all(image.description.strip() for image in images_)
    drawn = [image for image in images_ if image.description.startswith("Tranh minh họa")]
    assert len(drawn) > 40
    # Each kind of scene is told by what it shows, and the words painted on a picture are read out.
    for described in images.SCENE_DESCRIPTIONS.values():
        assert any(image.description.startswith(described) for image in drawn), described
    assert any("dòng chữ “Hội nghị đối thoại với nhân dân”" in image.description for image in drawn)


@pytest.mark.django_db
def test_the_sample_video_has_vietnamese_captions_on_its_page(demo: str, client) -> None:
    from bs4 import BeautifulSoup

    from loa.media.models import VideoCaptions, VideoPage

    track = VideoCaptions.objects.select_related("media").get()
    assert track.language == "vi" and track.display_label == "Tiếng Việt"
    page = VideoPage.objects.live().get(video=track.media)
    element = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("article video track")
    assert element is not None and (element["kind"], element["srclang"]) == ("captions", "vi")
    served = client.get(element["src"])
    assert served["Content-Type"].startswith("text/vtt")
    text = served.content.decode("utf-8")
    assert text.startswith("WEBVTT") and "Thuyền đánh cá trở về bến" in text
