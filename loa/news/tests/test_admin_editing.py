"""An editor creates, publishes and unpublishes an article through the admin, with a byline and a photo."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from loa.core.testing import make_image, make_section
from loa.news.models import ArticlePage, Author

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bientap", "bt@example.invalid", "mat-khau-123"))
    return client


def article_form(image, author, **extra) -> dict:
    return nested_form_data(
        {
            "title": "Hội nghị tổng kết công tác năm",
            "slug": "hoi-nghi-tong-ket-cong-tac-nam",  # the admin fills it from the title as you type
            "sapo": "Sáng nay, thành phố tổ chức hội nghị tổng kết.",
            "main_image": image.pk,
            "main_image_caption": "Quang cảnh hội nghị",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Đoạn mở đầu của bài viết.</p>")),
                    (
                        "photo",
                        {
                            # Wagtail's ImageBlock: the photo and its alt text (or the decorative mark).
                            "image": {"image": image.pk, "alt_text": "Đại biểu ngồi kín hội trường"},
                            "caption": "Đại biểu dự hội nghị",
                            "credit": "Minh Thu",
                        },
                    ),
                ]
            ),
            "article_authors": inline_formset([{"author": author.pk}]),
            "source": "",
            "tags": "tổng kết, hội nghị",
            **extra,
        }
    )


def test_editor_publishes_then_unpublishes_an_article(editor, client):
    section = make_section("Thời sự – Chính trị")
    image = make_image("Ảnh hội nghị")
    author = Author.objects.create(name="Hoàng Anh", unit="Trung tâm Văn hóa và Truyền thanh thành phố")

    response = editor.post(
        f"/admin/pages/add/loa_news/articlepage/{section.pk}/", article_form(image, author, **{"action-publish": "1"})
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    article = ArticlePage.objects.get()
    assert article.live
    assert article.byline() == "Hoàng Anh (Trung tâm Văn hóa và Truyền thanh thành phố)"

    client.logout()
    html = client.get(article.url).content.decode()
    assert "Đại biểu dự hội nghị" in html and "(Ảnh: Minh Thu)" in html
    assert 'alt="Đại biểu ngồi kín hội trường"' in html

    editor.force_login(article.owner)
    response = editor.post(f"/admin/pages/{article.pk}/unpublish/")
    assert response.status_code == HTTPStatus.FOUND
    assert not ArticlePage.objects.get().live
    client.logout()
    assert client.get(article.url).status_code == HTTPStatus.NOT_FOUND


def test_draft_is_not_public(editor, client):
    section = make_section("Kinh tế")
    image = make_image()
    author = Author.objects.create(name="Minh Thu")
    response = editor.post(f"/admin/pages/add/loa_news/articlepage/{section.pk}/", article_form(image, author))
    assert response.status_code == HTTPStatus.FOUND
    article = ArticlePage.objects.get()
    assert not article.live
    client.logout()
    assert client.get(section.url + article.slug + "/").status_code == HTTPStatus.NOT_FOUND
