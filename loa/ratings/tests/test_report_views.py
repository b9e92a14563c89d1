"""The report screen as leaders meet it: who may open it, what it shows, bad filters, the downloads."""

from __future__ import annotations

import csv
import io
from http import HTTPStatus

import pytest
from django.test import RequestFactory
from openpyxl import load_workbook
from wagtail.admin.menu import reports_menu

from loa.newsroom import roles

from .test_report import give, vn_time

pytestmark = pytest.mark.django_db

URL = "/admin/ratings/report/"
JULY = {"date_from": "01/07/2026", "date_to": "31/07/2026"}


@pytest.fixture
def rated(portal):
    give(portal.article, 5, 4, 4, 3, comment="Bài viết <b>rất</b> rõ ràng")
    give(portal.article, 2, at=vn_time(2026, 7, 11), comment='=HYPERLINK("http://evil.example","Bấm")')
    give(portal.history, 1)
    return portal


def reports_menu_names(user) -> set[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    return {item.name for item in reports_menu.menu_items_for_request(request)}


class TestPermission:
    @pytest.mark.parametrize("role", [roles.APPROVER, roles.ADMINISTRATOR, None])
    def test_leaders_and_administrators_open_it_from_the_reports_menu(self, client, login, role):
        user = login(role)
        assert "satisfaction-ratings" in reports_menu_names(user)
        assert client.get(URL).status_code == HTTPStatus.OK

    @pytest.mark.parametrize("role", [roles.REPORTER, roles.EDITOR])
    def test_reporters_and_editors_are_refused_and_see_no_menu_item(self, client, login, rated, role):
        user = login(role)
        assert "satisfaction-ratings" not in reports_menu_names(user)
        assert client.get(URL).status_code == HTTPStatus.FORBIDDEN
        assert client.get(URL, {"export": "xlsx", **JULY}).status_code == HTTPStatus.FORBIDDEN
        assert client.get(URL, {"export": "csv", "table": "comments", **JULY}).status_code == HTTPStatus.FORBIDDEN

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get(URL)
        assert response.status_code == HTTPStatus.FOUND
        assert "/admin/login/" in response["Location"]

    def test_the_permission_can_be_granted_in_the_group_editor(self):
        from wagtail import hooks

        codenames = {p.codename for fn in hooks.get_hooks("register_permissions") for p in fn()}
        assert "view_report" in codenames


class TestScreen:
    def test_numbers_per_section_and_per_page(self, client, login, rated):
        login(roles.APPROVER)
        html = client.get(URL, JULY).content.decode()
        assert '<li data-summary="count"><strong>6</strong>' in html
        assert '<li data-summary="average"><strong>3,17</strong>' in html
        assert f'<tr data-page="{rated.article.pk}">' in html
        assert f'<tr data-section="{rated.news.path}">' in html
        assert "Tin tức › Chính trị" in html

    def test_comments_are_shown_as_text(self, client, login, rated):
        login(roles.APPROVER)
        html = client.get(URL, JULY).content.decode()
        assert "Bài viết &lt;b&gt;rất&lt;/b&gt; rõ ràng" in html
        assert "<b>rất</b>" not in html

    def test_this_month_by_default_with_quick_links(self, client, login, rated):
        login(roles.APPROVER)
        response = client.get(URL)
        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].is_valid()
        labels = [link["label"] for link in response.context["quick_periods"]]
        assert len(labels) == 2 and response.context["quick_periods"][0]["current"]

    def test_an_empty_period_says_so(self, client, login, rated):
        login(roles.APPROVER)
        response = client.get(URL, {"date_from": "01/01/2025", "date_to": "31/01/2025"})
        assert response.context["report"].is_empty
        assert "data-summary" not in response.content.decode()

    @pytest.mark.parametrize(
        "params",
        [
            {"date_from": "31/07/2026", "date_to": "01/07/2026"},
            {"date_from": "hôm qua", "date_to": "01/07/2026"},
            {**JULY, "order": "random"},
        ],
    )
    def test_bad_filters_are_a_message_not_an_error(self, client, login, rated, params):
        login(roles.APPROVER)
        response = client.get(URL, params)
        assert response.status_code == HTTPStatus.OK
        assert response.context["report"] is None
        assert client.get(URL, {**params, "export": "xlsx"}).status_code == HTTPStatus.OK  # no file from bad filters

    def test_order_by_lowest_average(self, client, login, rated):
        login(roles.APPROVER)
        report = client.get(URL, {**JULY, "order": "worst"}).context["report"]
        assert [row.page_id for row in report.pages] == [rated.history.pk, rated.article.pk]


class TestExport:
    def test_xlsx_has_a_summary_the_sections_the_pages_and_the_comments(self, client, login, rated):
        login(roles.ADMINISTRATOR)
        response = client.get(URL, {**JULY, "export": "xlsx"})
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Disposition"] == 'attachment; filename="danh-gia-20260701-20260731.xlsx"'
        book = load_workbook(io.BytesIO(response.content))
        assert len(book.sheetnames) == 4
        summary, sections, pages, comments = (book[name] for name in book.sheetnames)
        assert [row[1] for row in summary.iter_rows(values_only=True)][4:6] == [6, 3.17]
        page_rows = list(pages.iter_rows(min_row=2, values_only=True))
        assert page_rows[0][:9] == (rated.article.title, "Tin tức › Chính trị", 5, 3.6, 0, 1, 1, 2, 1)
        assert [row[0] for row in sections.iter_rows(min_row=2, max_row=4, values_only=True)] == [
            "Tin tức",
            "— Chính trị",
            "Giới thiệu",
        ]
        texts = [row[3] for row in comments.iter_rows(min_row=2, values_only=True)]
        assert texts[0].startswith("'=HYPERLINK")  # never a formula in the reader's spreadsheet
        assert all(cell.data_type != "f" for row in comments.iter_rows() for cell in row)

    @pytest.mark.parametrize("table", ["sections", "pages", "comments"])
    def test_each_table_as_csv(self, client, login, rated, table):
        login(roles.APPROVER)
        response = client.get(URL, {**JULY, "export": "csv", "table": table})
        assert response.status_code == HTTPStatus.OK
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text[1:])))
        assert len(rows) > 1

    def test_csv_of_pages_has_the_numbers(self, client, login, rated):
        login(roles.APPROVER)
        text = client.get(URL, {**JULY, "export": "csv", "table": "pages"}).content.decode("utf-8")[1:]
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[1][:4] == [rated.article.title, "Tin tức › Chính trị", "5", "3.6"]

    def test_an_unknown_table_is_not_found(self, client, login, rated):
        login(roles.APPROVER)
        assert client.get(URL, {**JULY, "export": "csv", "table": "users"}).status_code == HTTPStatus.NOT_FOUND
