"""The admin side: it stays Vietnamese, and who may translate pages and keep the English details."""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from loa.about.models import AboutIndexPage, ContactPage
from loa.core.testing import default_site

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def translate_url(page: Page) -> str:
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


def settings_url() -> str:
    return reverse("wagtailsettings:edit", args=["loa_about", "englishagencysettings", default_site().pk])


def test_migration_creates_the_vietnamese_and_english_locales() -> None:
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"vi", "en"}


def test_login_page_stays_vietnamese_for_an_english_browser(client) -> None:
    page = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER).content.decode()
    assert '<html lang="vi"' in page and "Đăng nhập" in page


def test_admin_stays_vietnamese_for_an_english_browser(login, about) -> None:
    client = login("Quản trị")
    response = client.get(reverse("wagtailadmin_explore", args=[about.pk]), **ENGLISH_BROWSER)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert '<html lang="vi"' in page and "Trang" in page
    assert "Accept-Language" not in response.get("Vary", "")


def test_administrator_opens_the_translate_form(login, about, english) -> None:
    response = login("Quản trị").get(translate_url(about))
    assert response.status_code == HTTPStatus.OK
    assert "English" in response.content.decode()


def test_approver_opens_the_translate_form(login, about, english) -> None:
    assert login("Lãnh đạo duyệt").get(translate_url(about)).status_code == HTTPStatus.OK


def test_reporter_may_not_translate(login, about, english) -> None:
    response = login("Phóng viên").get(translate_url(about))
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not AboutIndexPage.objects.filter(locale=english).exists()


def test_anonymous_visitor_is_sent_to_the_login(client, about) -> None:
    response = client.get(translate_url(about))
    assert response.status_code == HTTPStatus.FOUND and "/admin/login/" in response["Location"]


def test_translating_a_page_with_its_subtree_makes_english_drafts(login, home, about, contact, english) -> None:
    client = login("Quản trị")
    client.post(translate_url(home), {"locales": [english.pk]})
    response = client.post(translate_url(about), {"locales": [english.pk], "include_subtree": "on"})
    assert response.status_code == HTTPStatus.FOUND
    translated = ContactPage.objects.get(locale=english)
    assert translated.translation_key == contact.translation_key
    assert translated.get_parent().specific.locale == english and not translated.live


def test_administrator_edits_the_english_agency_details(login) -> None:
    client = login("Quản trị")
    assert client.get(settings_url()).status_code == HTTPStatus.OK
    response = client.post(settings_url(), {"name": "People's Committee of Hung Yen City", "parent_name": ""})
    assert response.status_code == HTTPStatus.FOUND
    from loa.about.models import EnglishAgencySettings

    assert EnglishAgencySettings.for_site(default_site()).name == "People's Committee of Hung Yen City"


@pytest.mark.parametrize("role", ["Biên tập viên", "Phóng viên"])
def test_newsroom_roles_may_not_edit_the_english_agency_details(login, role: str) -> None:
    response = login(role).get(settings_url())
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)


def test_approver_creates_about_pages_editor_of_a_section_does_not(login, home, about) -> None:
    add_contact = reverse("wagtailadmin_pages:add", args=["loa_about", "contactpage", about.pk])
    assert login("Lãnh đạo duyệt").get(add_contact).status_code == HTTPStatus.OK
    assert login("Biên tập viên").get(add_contact).status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)


def test_editing_an_organisation_page_in_the_admin(login, organisation) -> None:
    response = login("Quản trị").get(reverse("wagtailadmin_pages:edit", args=[organisation.pk]))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Trần Quốc Hưng" in page or json.dumps("Trần Quốc Hưng")[1:-1] in page  # inside the block editor's JSON
