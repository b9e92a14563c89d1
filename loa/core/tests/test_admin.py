"""The newsroom's admin opens in Vietnamese and every Loa screen an editor needs answers."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.management import call_command

from loa.core.testing import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bientap", "bt@example.invalid", "mat-khau-123"))
    return client


def test_login_page_is_vietnamese(client):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="vi"' in html
    assert "Tên đăng nhập" in html  # Wagtail's catalogue is partial: the full translation is issue 3


def test_anonymous_is_sent_to_login(client):
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/snippets/loa_widgets/campaignbanner/",
        "/admin/snippets/loa_widgets/campaignbanner/add/",
        "/admin/snippets/loa_widgets/weatherplace/",
        "/admin/snippets/loa_news/author/add/",
        "/admin/settings/loa_core/agencysettings/",
        "/admin/settings/loa_stats/countersettings/",
        "/admin/images/",
        "/admin/media/",
    ],
)
def test_editor_screens_open(editor, path):
    assert editor.get(path, follow=True).status_code == HTTPStatus.OK


def test_article_form_under_a_section(editor):
    section = make_section("Kinh tế")
    response = editor.get(f"/admin/pages/add/loa_news/articlepage/{section.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert 'name="sapo"' in response.content.decode()


def test_setup_creates_one_admin_and_prints_it(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("loa_setup", "--no-demo")
    call_command("loa_setup", "--no-demo")
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    out = capsys.readouterr().out
    password = (tmp_path / "admin-credentials.txt").read_text().split("\n")[1]
    assert out.count(f"admin / {password}") == 2
