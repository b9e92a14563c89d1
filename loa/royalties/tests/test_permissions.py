"""Who sees what: reporters nothing, editors the royalties but not the money, approvers the payment list too."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.utils.translation import gettext

from loa.newsroom import roles

from .conftest import genre, royalty_form, set_royalty

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/royalties/articles/"
PAYROLL = "/admin/royalties/payroll/?month=2026-07"
XLSX = "/admin/royalties/payroll/xlsx/?month=2026-07"
GENRES = "/admin/royalties/genres/"
POINT_VALUES = "/admin/royalties/point-values/"
SETTINGS = "/admin/settings/loa_royalties/royaltysettings/"


def denied(response) -> bool:
    """Wagtail answers a refused admin page with a redirect to the dashboard and an explanation."""
    if response.status_code == HTTPStatus.FORBIDDEN:
        return True
    return response.status_code == HTTPStatus.FOUND and response["Location"].rstrip("/").endswith("/admin")


def menu_of(client) -> str:
    return client.get("/admin/").content.decode()


def group_permissions(role: str) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=role).permissions.values_list("content_type__app_label", "codename")
        if app == "loa_royalties"
    }


def test_the_migration_gives_each_role_its_royalty_permissions():
    assert group_permissions(roles.REPORTER) == set()
    assert group_permissions(roles.EDITOR) == {
        "loa_royalties.change_articleroyalty",
        "loa_royalties.view_articleroyalty",
    }
    assert group_permissions(roles.APPROVER) == {
        "loa_royalties.change_articleroyalty",
        "loa_royalties.view_articleroyalty",
        "loa_royalties.view_payroll",
    }
    assert {
        "loa_royalties.view_payroll",
        "loa_royalties.add_genre",
        "loa_royalties.change_genre",
        "loa_royalties.delete_genre",
        "loa_royalties.add_pointvalue",
        "loa_royalties.change_pointvalue",
        "loa_royalties.delete_pointvalue",
        "loa_royalties.change_royaltysettings",
    } <= group_permissions(roles.ADMINISTRATOR)


def test_a_reporter_sees_no_royalty_screen_and_no_menu(login, articles):
    reporter = login(roles.REPORTER, "phongvien")
    article = articles["conference"]

    for url in (ARTICLES, f"{ARTICLES}edit/{article.pk}/", PAYROLL, XLSX, GENRES, POINT_VALUES, SETTINGS):
        response = reporter.get(url)
        assert denied(response), url
    menu = menu_of(reporter)
    assert "/admin/royalties/" not in menu
    assert gettext("Royalties") not in menu


def test_a_reporter_cannot_post_a_royalty(login, articles, authors):
    reporter = login(roles.REPORTER, "phongvien")
    response = reporter.post(
        f"{ARTICLES}edit/{articles['conference'].pk}/",
        royalty_form(genre("Tin có ảnh"), "1.5", [{"payee": authors["anh"].pk, "role": "author", "percent": "100"}]),
    )
    assert denied(response)
    from loa.royalties.models import ArticleRoyalty

    assert not ArticleRoyalty.objects.exists()


def test_an_editor_sets_royalties_but_never_sees_the_payment_list_or_amounts(login, articles, authors):
    set_royalty(articles["conference"], "Phản ánh", "5", [(authors["anh"], "author", "100")])
    editor = login(roles.EDITOR, "bientap")

    assert editor.get(ARTICLES).status_code == HTTPStatus.OK
    assert editor.get(f"{ARTICLES}edit/{articles['conference'].pk}/").status_code == HTTPStatus.OK
    assert denied(editor.get(PAYROLL))
    assert denied(editor.get(XLSX))
    listing = editor.get(ARTICLES).content.decode()
    assert "1.265.000" not in listing  # 5 × 253.000 đ
    form = editor.get(f"{ARTICLES}edit/{articles['conference'].pk}/").content.decode()
    assert "1.265.000" not in form
    menu = menu_of(editor)
    assert "/admin/royalties/articles/" in menu
    assert "/admin/royalties/payroll/" not in menu
    assert "/admin/royalties/genres/" not in menu


def test_an_editor_cannot_change_genres_point_values_or_the_multiplier(login):
    editor = login(roles.EDITOR, "bientap")
    for url in (GENRES, f"{GENRES}new/", POINT_VALUES, f"{POINT_VALUES}new/", SETTINGS):
        assert denied(editor.get(url)), url


def test_an_approver_sees_the_payment_list_and_amounts(login, articles, authors):
    set_royalty(articles["conference"], "Phản ánh", "5", [(authors["anh"], "author", "100")])
    approver = login(roles.APPROVER, "lanhdao")

    response = approver.get(PAYROLL)

    assert response.status_code == HTTPStatus.OK
    assert "1.265.000" in response.content.decode()
    assert approver.get(XLSX).status_code == HTTPStatus.OK
    assert "1.265.000" in approver.get(ARTICLES).content.decode()
    assert "/admin/royalties/payroll/" in menu_of(approver)


def test_an_administrator_manages_genres_point_values_and_the_site_multiplier(login):
    admin = login(roles.ADMINISTRATOR, "quantri")

    for url in (GENRES, f"{GENRES}new/", POINT_VALUES, f"{POINT_VALUES}new/"):
        assert admin.get(url).status_code == HTTPStatus.OK, url
    assert admin.get(SETTINGS, follow=True).status_code == HTTPStatus.OK
    menu = menu_of(admin)
    assert "/admin/royalties/genres/" in menu and "/admin/royalties/point-values/" in menu


def test_an_administrator_is_told_the_cap_when_a_genre_exceeds_it(login):
    from loa.royalties.models import Genre

    admin = login(roles.ADMINISTRATOR, "quantri")
    response = admin.post(
        f"{GENRES}new/", {"name": "Tin đặc biệt", "category": "news", "min_points": "1", "max_points": "11"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "18/2014/NĐ-CP" in response.content.decode()
    assert not Genre.objects.filter(name="Tin đặc biệt").exists()


def test_an_approver_cannot_change_genres(login):
    approver = login(roles.APPROVER, "lanhdao")
    assert denied(approver.get(f"{GENRES}new/"))


def test_a_genre_in_use_cannot_be_deleted_but_an_unused_one_can(login, articles, authors):
    from loa.royalties.models import Genre

    set_royalty(articles["conference"], "Phản ánh", "5", [(authors["anh"], "author", "100")])
    admin = login(roles.ADMINISTRATOR, "quantri")
    used, unused = genre("Phản ánh"), genre("Nghiên cứu")

    admin.post(f"{GENRES}delete/{used.pk}/")
    admin.post(f"{GENRES}delete/{unused.pk}/")

    assert Genre.objects.filter(pk=used.pk).exists()
    assert not Genre.objects.filter(pk=unused.pk).exists()
