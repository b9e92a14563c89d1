"""Vietnamese typed composed (NFC) or decomposed (NFD) is stored, matched and slugified the same.

NFD comes from macOS keyboards, some Telex/VNI input methods ("Unicode tổ hợp")
and text copied out of PDFs. The boundary (loa.core.unicode's middleware, the
rich-text block, the public forms' own cleaning) turns it into NFC, so nothing
behind it has to care; search folds both anyway.
"""

from __future__ import annotations

import json
import unicodedata
from http import HTTPStatus

import pytest
from django.http import QueryDict
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from loa.core.testing import make_article, make_section
from loa.core.text import vn_slugify
from loa.core.unicode import normalised
from loa.news.models import ArticlePage, Author
from loa.qa.models import Question, Topic
from loa.ratings.models import PageRating

from .portal import SAME_ORIGIN, VISITOR, forget_rate_limits, question_data

pytestmark = pytest.mark.django_db


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


TITLE = "Hội nghị tổng kết cụm thi đua"
SAPO = "Sáng nay, Ủy ban nhân dân thành phố tổ chức hội nghị tổng kết."
assert nfd(TITLE) != TITLE and len(nfd(TITLE)) > len(TITLE)


@pytest.fixture
def editor(client, django_user_model) -> Client:
    client.force_login(django_user_model.objects.create_superuser("bientap", "bt@example.invalid", "mat-khau-123"))
    return client


def form_errors(response) -> object:
    """What the admin's form said, for a failing assertion's message."""
    form = (response.context or {}).get("form")
    return form.errors if form is not None else response.status_code


# --- the middleware ---------------------------------------------------------------------------------


def test_values_already_in_nfc_are_left_as_they_are():
    data = QueryDict("q=h%E1%BB%99i+ngh%E1%BB%8B&page=2")
    assert normalised(data) is data


def test_every_value_of_a_repeated_key_is_normalised():
    data = QueryDict(mutable=True)
    data.setlist("tag", [nfd("Hưng Yên"), "ascii", nfd("Đường")])
    assert normalised(data).getlist("tag") == ["Hưng Yên", "ascii", "Đường"]
    assert not normalised(data)._mutable


def test_the_rich_text_editor_content_state_is_left_for_the_block():
    """Its ranges are offsets into the text: composing the text here would move the bold elsewhere."""
    state = json.dumps({"blocks": [{"text": nfd("Hội nghị")}], "entityMap": {}}, ensure_ascii=False)
    data = QueryDict(mutable=True)
    data["body-0-value"] = state
    assert normalised(data)["body-0-value"] == state


# --- public forms ----------------------------------------------------------------------------------


def test_a_question_typed_in_nfd_is_stored_in_nfc(hostile_portal, client):
    forget_rate_limits()
    topic = Topic.objects.filter(active=True).first()
    data = question_data(topic.pk, name=nfd("Nguyễn Thị Hường"), title=nfd(TITLE), text=nfd(SAPO + " Xin hỏi."))
    response = client.post(hostile_portal.qa.url + "dat-cau-hoi/", data)
    assert response.status_code == HTTPStatus.FOUND
    question = Question.objects.get(title=TITLE)
    assert question.asker_name == "Nguyễn Thị Hường"
    assert is_nfc(question.text)


def test_a_rating_comment_in_nfd_is_stored_in_nfc_from_json_and_from_the_form(hostile_portal, client):
    article, other = hostile_portal.articles[:2]
    body = {"page": article.pk, "rating": 5, "comment": nfd("Rất hữu ích"), "visitor": VISITOR}
    assert (
        client.post("/api/danh-gia/", json.dumps(body), content_type="application/json", **SAME_ORIGIN).status_code
        == 200
    )
    form = QueryDict(mutable=True)
    form.update({"page": other.pk, "rating": "4", "comment": nfd("Cảm ơn cổng thông tin")})
    response = client.post(
        "/api/danh-gia/", form.urlencode(), content_type="application/x-www-form-urlencoded", **SAME_ORIGIN
    )
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert PageRating.objects.get(page_id=article.pk).comment == "Rất hữu ích"
    assert PageRating.objects.get(page_id=other.pk).comment == "Cảm ơn cổng thông tin"


@pytest.mark.parametrize(("stored", "typed"), [(TITLE, nfd("tổng kết cụm thi đua")), (nfd(TITLE), "tổng kết cụm")])
def test_search_finds_nfc_with_nfd_and_nfd_with_nfc(hostile_portal, client, stored, typed):
    article = make_article(hostile_portal.section, stored, sapo=SAPO)
    response = client.get("/tim-kiem/", {"q": typed})
    assert article.pk in [hit.page_id for hit in response.context["results"].hits]
    suggestions = client.get("/tim-kiem/goi-y/", {"q": typed}).json()["suggestions"]
    assert any(suggestion["url"] == article.url for suggestion in suggestions)


def test_the_search_box_shows_the_query_back_in_nfc(hostile_portal, client):
    response = client.get("/tim-kiem/", {"q": nfd("Hưng Yên")})
    assert 'value="Hưng Yên"' in response.content.decode()


def test_question_list_words_in_nfd_find_answers_in_nfc(hostile_portal, client):
    page = hostile_portal.qa.get_children().live().specific().first()
    response = client.get(hostile_portal.qa.url, {"tu-khoa": nfd(page.title)})
    assert response.context["page_obj"].paginator.count >= 1
    assert page.title in response.content.decode()


def test_legal_and_procedure_searches_in_nfd_find_nfc(hostile_portal, client):
    from loa.legal.models import LegalDocumentPage
    from loa.procedures.models import Procedure

    document = LegalDocumentPage.objects.live().first()
    response = client.get(hostile_portal.legal.url, {"q": nfd(document.summary[:30])})
    assert response.context["result_count"] >= 1
    procedure = Procedure.objects.first()
    response = client.get(hostile_portal.procedures.url, {"q": nfd(procedure.name[:25])})
    assert procedure.name in response.content.decode()


# --- the admin ------------------------------------------------------------------------------------------


def article_form(paragraph: str | None = None, slug: str = "", publish: bool = False) -> dict:
    """What the admin's "add article" form sends, typed in NFD (without a slug, only a draft is accepted)."""
    author = Author.objects.create(name="Minh Thu")
    return nested_form_data(
        {
            "title": nfd(TITLE),
            "slug": slug,
            "sapo": nfd(SAPO),
            "main_image_caption": nfd("Quang cảnh hội nghị"),
            "body": streamfield([("paragraph", paragraph or rich_text(nfd("<p>Đoạn mở đầu của bài viết.</p>")))]),
            "article_authors": inline_formset([{"author": author.pk}]),
            "source": nfd("Báo Hưng Yên"),
            "tags": nfd("tổng kết, thi đua"),
            **({"action-publish": "1"} if publish else {}),
        }
    )


def test_an_article_written_in_nfd_in_the_admin_is_stored_in_nfc(editor):
    """The slug comes from the admin's script (tests/browser/test_vietnamese_slugs.py); without it, a message."""
    section = make_section("Thời sự")
    url = f"/admin/pages/add/loa_news/articlepage/{section.pk}/"
    response = editor.post(url, article_form())
    assert response.status_code == HTTPStatus.OK
    assert form_errors(response) == {"slug": ["Trường này là bắt buộc."]}

    response = editor.post(url, article_form(slug="hoi-nghi-tong-ket-cum-thi-dua", publish=True))
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    article = ArticlePage.objects.get(slug="hoi-nghi-tong-ket-cum-thi-dua")
    assert (article.title, article.draft_title, article.sapo) == (TITLE, TITLE, SAPO)
    assert article.main_image_caption == "Quang cảnh hội nghị" and article.source == "Báo Hưng Yên"
    assert "Đoạn mở đầu của bài viết." in article.body[0].value.source
    assert {tag.name for tag in article.tags.all()} == {"tổng kết", "thi đua"}
    assert article.get_latest_revision().content["title"] == TITLE


def test_bold_text_keeps_its_place_when_the_paragraph_was_typed_in_nfd(editor):
    """Draftail sends offsets into the decomposed text; the stored HTML is composed afterwards."""
    section = make_section("Kinh tế")
    text = nfd("Đường Nguyễn Văn Linh được mở rộng")
    bold = nfd("Nguyễn Văn Linh")
    state = {
        "blocks": [
            {
                "key": "b1",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [{"offset": text.index(bold), "length": len(bold), "style": "BOLD"}],
                "entityRanges": [],
                "data": {},
            }
        ],
        "entityMap": {},
    }
    data = article_form(json.dumps(state, ensure_ascii=False), slug="duong-nguyen-van-linh", publish=True)
    response = editor.post(f"/admin/pages/add/loa_news/articlepage/{section.pk}/", data)
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    html = ArticlePage.objects.get(slug="duong-nguyen-van-linh").body[0].value.source
    assert "Đường <b>Nguyễn Văn Linh</b> được mở rộng" in html


def test_a_snippet_and_a_setting_saved_in_nfd_are_stored_in_nfc(editor):
    from loa.core.models import AgencySettings
    from loa.core.testing import default_site

    response = editor.post(
        "/admin/snippets/loa_news/author/add/", {"name": nfd("Hoàng Anh"), "unit": nfd("Trung tâm Văn hóa")}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert Author.objects.filter(name="Hoàng Anh", unit="Trung tâm Văn hóa").exists()

    site = default_site()
    url = f"/admin/settings/loa_core/agencysettings/{site.pk}/"
    form = {"name": nfd("Ủy ban nhân dân thành phố Hưng Yên"), "parent_name": nfd("Tỉnh Hưng Yên")}
    form.update(dict.fromkeys(["address", "phone", "email", "responsible_person", "licence", "about_footer"], ""))
    response = editor.post(url, form)
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    agency = AgencySettings.for_site(site)
    assert (agency.name, agency.parent_name) == ("Ủy ban nhân dân thành phố Hưng Yên", "Tỉnh Hưng Yên")


# --- slugs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hội nghị tổng kết cụm thi đua", "hoi-nghi-tong-ket-cum-thi-dua"),
        ("Đường", "duong"),
        ("ĐƯỜNG ĐÊ SÔNG HỒNG", "duong-de-song-hong"),
        ("Phụ nữ – Gia đình", "phu-nu-gia-dinh"),
        ("Ｈội nghị ＜script＞alert(1)＜/script＞", "hoi-nghi-scriptalert1script"),
    ],
)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_page_created_without_a_slug_gets_a_readable_one(title, slug, form):
    section = make_section("Thời sự")
    article = make_article(section, unicodedata.normalize(form, title))
    assert article.slug == slug == vn_slugify(unicodedata.normalize(form, title))
    assert article.url.endswith(f"/{slug}/")


def test_a_question_topic_typed_in_nfd_gets_the_same_slug_as_in_nfc():
    topic = Topic.objects.create(name=nfd("Đường điện nông thôn"))
    assert topic.slug == "duong-dien-nong-thon"


def test_the_admin_slug_script_folds_letters_as_the_server_does():
    """The rules loa.core.slugs hands to Wagtail's slug script, run here with Python's re."""
    import re

    from loa.core.slugs import vietnamese_formatters
    from loa.core.text import ascii_fold

    for title in ["Hội nghị tổng kết cụm thi đua", "ĐƯỜNG ĐÊ Sông Hồng", "Phụ nữ – Gia đình", "Ưu tú, ỷ lại, ỹ"]:
        for form in ("NFC", "NFD"):
            text = unicodedata.normalize(form, title)
            for pattern, replacement, _flags in vietnamese_formatters():
                text = re.sub(pattern, replacement, text)
            assert text == ascii_fold(title), (form, title)


def test_every_admin_slug_field_uses_the_vietnamese_rules():
    from loa.core.slugs import VietnameseSlugInput

    form_class = ArticlePage.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["slug"].widget, VietnameseSlugInput)
