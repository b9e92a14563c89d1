"""An editor sets an article's royalty in the admin; bad input is refused whole, with the reason, nothing saved."""

from __future__ import annotations

from decimal import Decimal
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from loa.newsroom import roles
from loa.royalties.models import ArticleRoyalty, RoyaltyShare

from .conftest import genre, royalty_form, set_royalty

pytestmark = pytest.mark.django_db


def edit_url(article) -> str:
    return f"/admin/royalties/articles/edit/{article.pk}/"


def error_text(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        element.get_text(" ", strip=True) for element in soup.select(".messages .error, .error-message, .help-critical")
    )


@pytest.fixture
def editor(login):
    return login(roles.EDITOR, "bientap")


def test_the_list_shows_published_articles_and_which_still_need_a_royalty(editor, articles, authors):
    set_royalty(articles["conference"], "Tin có ảnh", "1.5", [(authors["anh"], "author", "100")])

    html = editor.get("/admin/royalties/articles/").content.decode()

    for article in articles.values():
        assert article.title in html
    assert html.count(edit_url(articles["conference"])) >= 1
    assert "Tin có ảnh" in html


def test_the_list_filters_by_month_section_and_royalty(editor, articles, sections, authors):
    set_royalty(articles["conference"], "Tin có ảnh", "1.5", [(authors["anh"], "author", "100")])

    july_missing = editor.get("/admin/royalties/articles/?month=2026-07&royalty=missing").content.decode()
    economy = editor.get(f"/admin/royalties/articles/?section={sections['economy'].pk}").content.decode()

    assert articles["unrated"].title in july_missing and articles["harvest"].title in july_missing
    assert articles["conference"].title not in july_missing and articles["june"].title not in july_missing
    assert articles["harvest"].title in economy and articles["june"].title in economy
    assert articles["conference"].title not in economy


def test_a_new_royalty_starts_with_the_authors_sharing_equally(editor, articles, authors):
    html = editor.get(edit_url(articles["conference"])).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert soup.select_one("#id_shares-0-payee")["value"] == str(authors["anh"].pk)
    assert soup.select_one("#id_shares-1-payee")["value"] == str(authors["thu"].pk)
    assert soup.select_one("#id_shares-0-percent")["value"] == "50"
    assert soup.select_one("#id_shares-1-percent")["value"] == "50"
    assert not ArticleRoyalty.objects.exists()  # showing the form saves nothing


def test_saving_the_prefilled_form_creates_the_royalty_and_its_shares(editor, articles, authors):
    """What the browser sends back: the prefilled rows as initial forms without ids."""
    data = nested_form_data(
        {
            "genre": genre("Tin có ảnh").pk,
            "points": "1.5",
            "note": "",
            "shares": inline_formset(
                [
                    {"id": "", "payee": authors["anh"].pk, "role": "author", "percent": "50.00"},
                    {"id": "", "payee": authors["thu"].pk, "role": "photo", "percent": "50.00"},
                ],
                initial=2,
            ),
        }
    )

    response = editor.post(edit_url(articles["conference"]), data)

    assert response.status_code == HTTPStatus.FOUND, error_text(response)
    royalty = ArticleRoyalty.objects.get(article=articles["conference"])
    assert (royalty.genre.name, royalty.points) == ("Tin có ảnh", Decimal("1.5"))
    assert [(s.payee.name, s.role, s.percent) for s in royalty.shares.order_by("sort_order")] == [
        ("Hoàng Anh", "author", Decimal("50")),
        ("Minh Thu", "photo", Decimal("50")),
    ]
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(royalty.pk)).exists()


def test_editing_keeps_one_royalty_per_article(editor, articles, authors):
    royalty = set_royalty(articles["harvest"], "Tin có ảnh", "1.5", [(authors["thu"], "author", "100")])
    share = royalty.shares.get()
    data = nested_form_data(
        {
            "genre": genre("Phóng sự").pk,
            "points": "12",
            "note": "Loạt bài 3 kỳ",
            "shares": inline_formset(
                [
                    {"id": share.pk, "payee": authors["thu"].pk, "role": "author", "percent": "70"},
                    {"payee": authors["binh"].pk, "role": "contributor", "percent": "30"},
                ],
                initial=1,
            ),
        }
    )

    response = editor.post(edit_url(articles["harvest"]), data)

    assert response.status_code == HTTPStatus.FOUND, error_text(response)
    assert ArticleRoyalty.objects.count() == 1
    royalty.refresh_from_db()
    assert (royalty.points, royalty.note) == (Decimal(12), "Loạt bài 3 kỳ")
    assert sorted(royalty.shares.values_list("percent", flat=True)) == [Decimal(30), Decimal(70)]


def test_after_saving_the_editor_returns_to_the_filtered_list(editor, articles, authors):
    back = "/admin/royalties/articles/?month=2026-07&royalty=missing"
    response = editor.post(
        f"{edit_url(articles['unrated'])}?next=/admin/royalties/articles/%3Fmonth%3D2026-07%26royalty%3Dmissing",
        royalty_form(
            genre("Tin (không có ảnh)"), "1", [{"payee": authors["binh"].pk, "role": "author", "percent": "100"}]
        ),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == back


# --- refusals ---------------------------------------------------------------------------------------


def test_shares_that_do_not_add_up_to_100_are_refused_and_nothing_is_saved(editor, articles, authors):
    response = editor.post(
        edit_url(articles["conference"]),
        royalty_form(
            genre("Tin có ảnh"),
            "1.5",
            [
                {"payee": authors["anh"].pk, "role": "author", "percent": "50"},
                {"payee": authors["thu"].pk, "role": "author", "percent": "40"},
            ],
        ),
    )

    assert response.status_code == HTTPStatus.OK
    expected = gettext("The shares add up to %(total)s%%; they must add up to exactly 100%%.") % {"total": "90"}
    assert expected in error_text(response)
    assert not ArticleRoyalty.objects.exists()
    assert not RoyaltyShare.objects.exists()


def test_points_outside_the_genre_range_are_refused(editor, articles, authors):
    response = editor.post(
        edit_url(articles["conference"]),
        royalty_form(genre("Tin có ảnh"), "3", [{"payee": authors["anh"].pk, "role": "author", "percent": "100"}]),
    )

    assert response.status_code == HTTPStatus.OK
    assert "Tin có ảnh" in error_text(response)
    assert not ArticleRoyalty.objects.exists()


@pytest.mark.parametrize(("points", "percent"), [("-1", "100"), ("1.5", "-10")])
def test_negative_numbers_are_refused(editor, articles, authors, points, percent):
    shares = [{"payee": authors["anh"].pk, "role": "author", "percent": percent}]
    if percent.startswith("-"):
        shares.append({"payee": authors["thu"].pk, "role": "author", "percent": "110"})

    response = editor.post(edit_url(articles["conference"]), royalty_form(genre("Tin có ảnh"), points, shares))

    assert response.status_code == HTTPStatus.OK
    assert gettext("Enter zero or a positive number, not a negative one.") in error_text(response)
    assert not ArticleRoyalty.objects.exists()


def test_a_royalty_without_anyone_to_pay_is_refused(editor, articles):
    response = editor.post(edit_url(articles["conference"]), royalty_form(genre("Tin có ảnh"), "1.5", []))

    assert response.status_code == HTTPStatus.OK
    assert gettext("Add at least one person to pay.") in error_text(response)
    assert not ArticleRoyalty.objects.exists()


def test_the_same_person_twice_in_the_same_role_is_refused(editor, articles, authors):
    response = editor.post(
        edit_url(articles["conference"]),
        royalty_form(
            genre("Tin có ảnh"),
            "1.5",
            [
                {"payee": authors["anh"].pk, "role": "author", "percent": "50"},
                {"payee": authors["anh"].pk, "role": "author", "percent": "50"},
            ],
        ),
    )
    assert response.status_code == HTTPStatus.OK
    assert "Hoàng Anh" in error_text(response)
    assert not ArticleRoyalty.objects.exists()


def test_a_refused_edit_leaves_the_saved_royalty_exactly_as_it_was(editor, articles, authors):
    """Valid genre and points with bad shares: neither the royalty nor any share changes."""
    royalty = set_royalty(
        articles["harvest"], "Tin có ảnh", "1.5", [(authors["thu"], "author", "60"), (authors["anh"], "photo", "40")]
    )
    before = list(royalty.shares.order_by("pk").values_list("pk", "payee_id", "role", "percent"))
    first, second = royalty.shares.order_by("pk")
    data = nested_form_data(
        {
            "genre": genre("Phóng sự").pk,
            "points": "15",
            "note": "Đổi thể loại",
            "shares": inline_formset(
                [
                    {"id": first.pk, "payee": authors["thu"].pk, "role": "author", "percent": "60"},
                    {"id": second.pk, "payee": authors["anh"].pk, "role": "photo", "percent": "40", "DELETE": "1"},
                    {"payee": authors["binh"].pk, "role": "contributor", "percent": "30"},
                ],
                initial=2,
            ),
        }
    )

    response = editor.post(edit_url(articles["harvest"]), data)

    assert response.status_code == HTTPStatus.OK
    assert "90" in error_text(response)
    royalty.refresh_from_db()
    assert (royalty.genre.name, royalty.points, royalty.note) == ("Tin có ảnh", Decimal("1.5"), "")
    assert list(royalty.shares.order_by("pk").values_list("pk", "payee_id", "role", "percent")) == before


def test_the_history_of_a_royalty_shows_who_saved_it(editor, articles, authors):
    editor.post(
        edit_url(articles["harvest"]),
        royalty_form(genre("Tin có ảnh"), "1.5", [{"payee": authors["thu"].pk, "role": "author", "percent": "100"}]),
    )
    response = editor.get(f"/admin/royalties/articles/history/{articles['harvest'].pk}/")
    assert response.status_code == HTTPStatus.OK
    assert "bientap" in response.content.decode()
