"""Photos come as <picture>s (AVIF, WebP, then JPEG/PNG), sized for the layout, lazy below the fold,
with their box reserved; the web font is served by the portal itself.

Issue 6: "responsive AVIF/WebP renditions, lazy loading, width/height set to avoid layout
shift; fonts self-hosted as WOFF2".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import features
from wagtail.images.models import Rendition

from loa.core import pictures
from loa.core.models import AgencySettings
from loa.core.testing import default_site, home_page, make_article, make_image, make_section, service_missing
from loa.widgets.models import CampaignBanner

pytestmark = pytest.mark.django_db

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "loa" / "fonts"
PORTAL_CSS = Path(__file__).resolve().parents[2] / "static" / "loa" / "css" / "portal.css"
TEMPLATE_ROOTS = [Path(__file__).resolve().parents[2]]  # loa/: loa/templates and every loa/<app>/templates


@pytest.fixture
def article():
    """An article with a main photo and two photos in its body, in a section."""
    section = make_section("Thời sự – Chính trị")
    photo = make_image("Ảnh chính", size=(960, 540))
    inline = make_image("Ảnh trong bài", size=(900, 600))
    return make_article(
        section,
        "Hội nghị tổng kết công tác năm",
        main_image=photo,
        main_image_caption="Quang cảnh hội nghị.",
        body=[
            ("paragraph", "<p>Sáng nay, hội nghị đã diễn ra.</p>"),
            ("photo", {"image": inline, "caption": "Đại biểu phát biểu", "credit": "TTVH"}),
            ("paragraph", "<p>Hội nghị bế mạc.</p>"),
            ("photo", {"image": photo, "caption": "", "credit": ""}),
        ],
    )


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def sources(picture: Tag) -> dict[str, str]:
    """{'image/avif': srcset, 'image/webp': srcset} of a <picture>."""
    return {source["type"]: source["srcset"] for source in picture.find_all("source")}


def widths(srcset: str) -> list[int]:
    """'/a.avif 800w, /b.avif 400w' → [800, 400]; every candidate must carry a width descriptor."""
    found = []
    for candidate in srcset.split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w"), candidate
        found.append(int(descriptor[:-1]))
    return found


class TestArticlePictures:
    def test_every_photo_is_a_picture_with_avif_and_webp_sources(self, client, article):
        page = soup_of(client, article.url)
        figures = page.select("article.article figure.photo")
        assert len(figures) == 3  # the main photo and two in the body
        for figure in figures:
            picture = figure.find("picture")
            assert picture is not None, figure
            srcsets = sources(picture)
            assert list(srcsets) == ["image/avif", "image/webp"]  # the browser takes the first it can show
            for mime, extension in (("image/avif", ".avif"), ("image/webp", ".webp")):
                candidates = [candidate.split()[0] for candidate in srcsets[mime].split(",")]
                assert all(url.endswith(extension) for url in candidates), srcsets[mime]
            assert widths(srcsets["image/avif"]) == [800, 400]  # the desktop column, then phones
            img = picture.find("img")
            assert img["src"].endswith(".jpg")  # JPEG for browsers without AVIF or WebP
            assert "sizes" in img.attrs and "100vw" in img["sizes"]

    def test_the_main_photo_is_fetched_first_and_body_photos_lazily(self, client, article):
        page = soup_of(client, article.url)
        main, *body = page.select("article.article figure.photo img")
        assert main.get("fetchpriority") == "high"
        assert "loading" not in main.attrs or main["loading"] == "eager"
        assert main["alt"] == "Quang cảnh hội nghị."
        for img in body:
            assert img["loading"] == "lazy"
            assert img["decoding"] == "async"
            assert "fetchpriority" not in img.attrs
        assert [img["alt"] for img in body] == ["Đại biểu phát biểu", "Ảnh chính"]  # caption, else the title

    def test_captions_stay_in_figcaption(self, client, article):
        page = soup_of(client, article.url)
        captions = [figcaption.get_text(" ", strip=True) for figcaption in page.select("figure.photo figcaption")]
        assert captions == ["Quang cảnh hội nghị.", "Đại biểu phát biểu (Ảnh: TTVH)"]

    def test_the_box_of_every_image_is_reserved(self, client, article):
        """width and height on each <img>, with the photo's own proportions (no layout shift)."""
        page = soup_of(client, article.url)
        images = page.find_all("img")
        assert images
        for img in images:
            assert int(img["width"]) > 0 and int(img["height"]) > 0, img
        main = page.select_one("article.article figure.photo img")
        assert (main["width"], main["height"]) == ("800", "450")

    def test_a_photo_that_opens_an_article_without_main_photo_is_not_lazy(self, client):
        section = make_section("Tin tức")
        article = make_article(
            section,
            "Bài chỉ có ảnh trong thân bài",
            body=[("photo", {"image": make_image(size=(900, 600)), "caption": "Ảnh đầu bài"})],
        )
        (img,) = soup_of(client, article.url).select("article.article figure.photo img")
        assert img.get("fetchpriority") == "high"
        assert "loading" not in img.attrs

    def test_the_share_image_is_the_jpeg_the_page_shows(self, client, article):
        """og:image stays a JPEG for social networks, and is the file the <img> falls back to."""
        page = soup_of(client, article.url)
        og_image = page.find("meta", property="og:image")["content"]
        main = page.select_one("article.article figure.photo img")
        assert og_image.endswith(main["src"])
        assert page.find("meta", property="og:image:type")["content"] == "image/jpeg"

    def test_renditions_are_made_once_then_found_without_a_query(self, client, article):
        client.get(article.url)
        made = Rendition.objects.filter(image=article.main_image).count()
        assert made == len(pictures.specs(pictures.ARTICLE))  # the share image is one of them
        with CaptureQueriesContext(connection) as queries:
            client.get(article.url)
        assert not [q for q in queries if "wagtailimages_rendition" in q["sql"]]
        assert Rendition.objects.filter(image=article.main_image).count() == made

    def test_publishing_makes_the_renditions_before_the_first_reader(self, client, django_capture_on_commit_callbacks):
        """The task (run at once by the test task backend) makes every size and format the pages show."""
        photo, inline = make_image("Ảnh chính", size=(960, 540)), make_image("Ảnh trong bài", size=(900, 600))
        section = make_section("Tin tức")
        with django_capture_on_commit_callbacks(execute=True):
            article = make_article(
                section, "Bài mới", main_image=photo, body=[("photo", {"image": inline, "caption": "Ảnh"})]
            )
        main_specs = {spec for pattern in pictures.MAIN_IMAGE_PATTERNS for spec in pictures.specs(pattern)}
        assert set(Rendition.objects.filter(image=photo).values_list("filter_spec", flat=True)) == main_specs
        assert Rendition.objects.filter(image=inline).count() == len(pictures.specs(pictures.ARTICLE))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
            assert client.get(section.url).status_code == 200
        assert not [q for q in queries if "wagtailimages_rendition" in q["sql"]]  # all in the renditions cache
        assert Rendition.objects.filter(image=photo).count() == len(main_specs)

    def test_the_task_skips_pages_that_are_not_live(self):
        article = make_article(make_section("Tin tức"), "Bài nháp", main_image=make_image())
        article.unpublish()
        assert pictures.make_page_renditions.call(article.pk) == 0
        assert not Rendition.objects.filter(image=article.main_image).exists()

    def test_avif_files_are_avif(self, article):
        if not features.check("avif"):
            service_missing("this Pillow cannot encode AVIF")
        renditions = pictures.make_renditions(article.main_image, pictures.ARTICLE)
        avif = renditions["width-400|format-avif"]
        with avif.file.open("rb") as handle:
            head = handle.read(32)
        assert head[4:12] in (b"ftypavif", b"ftypavis")
        assert (avif.width, avif.height) == (400, 225)


class TestListPictures:
    @pytest.fixture
    def home(self):
        home_page()
        section = make_section("Kinh tế")
        for n in range(3):
            make_article(section, f"Tin kinh tế {n}", main_image=make_image(f"Ảnh {n}", size=(1280, 720)))
        return section

    def test_home_fetches_the_featured_photo_first_and_the_rest_lazily(self, client, home):
        page = soup_of(client, "/")
        featured = page.select_one(".card--featured img")
        assert featured.get("fetchpriority") == "high" and "loading" not in featured.attrs
        others = [img for img in page.select(".card img") if img is not featured]
        assert others
        for img in others:
            assert img["loading"] == "lazy" and img["decoding"] == "async"
        for picture in page.select(".card picture"):
            assert list(sources(picture)) == ["image/avif", "image/webp"]
        for img in page.find_all("img"):
            assert int(img["width"]) > 0 and int(img["height"]) > 0, img

    def test_section_list_thumbnails_are_small_and_lazy(self, client, home):
        page = soup_of(client, home.url)
        thumbnails = page.select(".article-list .card img")
        assert len(thumbnails) == 3
        for img in thumbnails:
            assert img["loading"] == "lazy"
            assert img["sizes"] == "(min-width: 640px) 200px, 120px"
            assert (img["width"], img["height"]) == ("240", "135")

    def test_emblem_and_banner_keep_a_png_fallback_for_transparency(self, client, home):
        agency = AgencySettings.for_site(default_site())
        agency.emblem = make_image("Biểu trưng", size=(300, 300))
        agency.save()
        CampaignBanner.objects.create(text="Chào mừng Đại hội", image=make_image("Băng rôn", size=(300, 60)))
        page = soup_of(client, "/")
        emblem = page.select_one("img.brand__emblem")
        banner = page.select_one("img.campaign__image")
        for img in (emblem, banner):
            assert img["src"].endswith(".png")
            assert list(sources(img.find_parent("picture"))) == ["image/avif", "image/webp"]
            assert "loading" not in img.attrs  # the header is in view
            assert int(img["width"]) > 0 and int(img["height"]) > 0
        assert (emblem["width"], emblem["height"]) == ("72", "72")


class TestPictureTag:
    """loa_pictures' `{% picture %}`: Wagtail's tag, without its per-render re-parsing and cache write-back."""

    WAGTAIL = (
        "{% load wagtailimages_tags %}"
        '{% picture image width-{800,400} format-{avif,webp,jpeg} sizes="50vw" alt="Ảnh" %}'
    )
    LOA = WAGTAIL.replace("wagtailimages_tags", "loa_pictures")

    def render(self, source: str, image) -> str:
        from django.template import engines

        return engines["django"].from_string(source).render({"image": image})

    def test_it_renders_what_wagtails_tag_renders(self):
        image = make_image(size=(900, 600))
        cold = self.render(self.LOA, image)  # makes the renditions through Wagtail
        assert cold == self.render(self.WAGTAIL, image) == self.render(self.LOA, image)
        assert cold.startswith('<picture><source sizes="50vw" srcset="') and 'alt="Ảnh"' in cold

    def test_a_warm_render_reads_the_cache_once_and_writes_nothing(self, monkeypatch):
        image = make_image(size=(900, 600))
        self.render(self.LOA, image)
        backend = caches["renditions"]
        calls: list[str] = []

        def spy(name: str):
            original = getattr(backend, name)
            return lambda *args, **kwargs: calls.append(name) or original(*args, **kwargs)

        for name in ("get_many", "set", "set_many"):
            monkeypatch.setattr(backend, name, spy(name))
        with CaptureQueriesContext(connection) as queries:
            html = self.render(self.LOA, image)
        assert calls == ["get_many"]  # Wagtail's tag would also set_many what it just read
        assert len(queries) == 0
        assert html.count(".avif") == 2

    def test_a_missing_original_still_gives_a_sized_img(self):
        image = make_image(size=(900, 600))
        image.file.storage.delete(image.file.name)  # the row is there, the file is gone
        html = self.render(self.LOA, image)
        assert "<img" in html and 'width="0"' in html  # Wagtail's "not found" rendition, no error


PICTURE_TAG = re.compile(r"{%\s*picture\s+\S+\s+(?P<specs>(?:[\w{},.|-]+\s+)+?)(?=\w+=)")


def template_pictures() -> list[tuple[str, str]]:
    found = []
    for root in TEMPLATE_ROOTS:
        for path in root.glob("**/templates/**/*.html"):
            for match in PICTURE_TAG.finditer(path.read_text()):
                found.append((str(path.relative_to(root)), " ".join(match["specs"].split())))
    return found


def test_templates_use_the_named_presets():
    """Python code (share image, tests) names the same rendition files as the templates."""
    used = template_pictures()
    assert len(used) >= 10
    for path, pattern in used:
        assert pattern in pictures.PRESETS.values(), f"{path}: {pattern}"
    assert pictures.ARTICLE_SHARE in pictures.specs(pictures.ARTICLE)


def test_no_public_template_uses_a_single_image_tag():
    """`{% image %}` gives one format and size; only the video poster (an attribute, not an element) keeps it."""
    for root in TEMPLATE_ROOTS:
        for path in root.glob("**/templates/**/*.html"):
            if "wagtailadmin" in path.parts or path.name == "player.html":
                continue
            assert "{% image " not in path.read_text(), path


class TestFonts:
    FILES = [f"noto-sans-{subset}-{weight}-normal.woff2" for weight in (400, 700) for subset in ("latin", "vietnamese")]

    def test_font_files_are_woff2_with_their_licence(self):
        for name in self.FILES:
            assert (FONT_DIR / name).read_bytes()[:4] == b"wOF2", name
        assert "SIL Open Font License" in (FONT_DIR / "OFL.txt").read_text()

    def test_stylesheet_declares_each_subset_with_a_unicode_range(self):
        css = PORTAL_CSS.read_text()
        faces = re.findall(r"@font-face\s*{([^}]*)}", css)
        assert len(faces) == len(self.FILES)
        for name in self.FILES:
            (face,) = [face for face in faces if name in face]
            assert "font-display: swap" in face
            assert "unicode-range:" in face
        vietnamese = next(face for face in faces if "vietnamese-400" in face)
        assert "U+1EA0-1EF9" in vietnamese and "U+01A0-01A1" in vietnamese  # ạ…ỹ, ơ
        assert re.search(r'body\s*{[^}]*font:[^;]*"Noto Sans"', css)
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), "a font or image from another host"

    def test_pages_preload_the_regular_font_from_the_portal_itself(self, client, article):
        page = soup_of(client, article.url)
        preloads = page.select('link[rel="preload"][as="font"]')
        assert preloads
        for link in preloads:
            assert link["href"].startswith(settings.STATIC_URL) and link["type"] == "font/woff2"
            assert link.has_attr("crossorigin")  # else the browser fetches the font twice
            name = link["href"][len(settings.STATIC_URL) :]
            assert finders.find(re.sub(r"\.[0-9a-f]{12}\.woff2$", ".woff2", name)), name
        assert not page.select('link[href*="fonts.googleapis"], link[href*="fonts.gstatic"]')
