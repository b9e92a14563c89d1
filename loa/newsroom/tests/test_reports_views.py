"""The reports screen as its users meet it: who may open it, the page, the chart, the downloads, bad filters.

Expected texts are the Vietnamese an editor reads (the admin runs in Vietnamese).
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.menu import admin_menu

from loa.core.formats import local_date
from loa.newsroom import roles

from .test_reports import build_newsroom

pytestmark = pytest.mark.django_db

URL = "/admin/newsroom/reports/"
QUARTER = {"date_from": "01/01/2026", "date_to": "31/03/2026"}
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def report_data(db):
    return build_newsroom()


def member_of(django_user_model, role: str):
    user = django_user_model.objects.create_user(f"user-{len(role)}-{role[:3]}", password="mat-khau-123")
    user.groups.add(Group.objects.get(name=role))
    return user


def menu_names(user) -> set[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    return {item.name for item in admin_menu.menu_items_for_request(request)}


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg xmlns=\"http://www.w3.org/2000/svg\".*?</svg>", html, re.S)]


@pytest.fixture
def approver_client(client, django_user_model):
    client.force_login(member_of(django_user_model, roles.APPROVER))
    return client


class TestPermission:
    @pytest.mark.parametrize("role", [roles.APPROVER, roles.ADMINISTRATOR])
    def test_approvers_and_administrators_open_it_from_the_menu(self, client, django_user_model, role):
        user = member_of(django_user_model, role)
        assert "newsroom-reports" in menu_names(user)
        client.force_login(user)
        response = client.get(URL)
        assert response.status_code == HTTPStatus.OK
        assert "<title>Thống kê" in response.content.decode()

    @pytest.mark.parametrize("role", [roles.REPORTER, roles.EDITOR])
    def test_reporters_and_editors_are_refused_and_see_no_menu_item(self, client, django_user_model, role):
        user = member_of(django_user_model, role)
        assert "newsroom-reports" not in menu_names(user)
        client.force_login(user)
        assert client.get(URL).status_code == HTTPStatus.FORBIDDEN
        assert client.get(URL, {"export": "xlsx", **QUARTER}).status_code == HTTPStatus.FORBIDDEN

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get(URL)
        assert response.status_code == HTTPStatus.FOUND
        assert "/admin/login/" in response["Location"]

    def test_the_menu_item_reads_thong_ke(self, approver_client):
        html = approver_client.get("/admin/").content.decode()
        assert '"name": "newsroom-reports", "label": "Th\\u1ed1ng k\\u00ea"' in html  # the sidebar's JSON
        assert f'"url": "{URL}"' in html


class TestPage:
    def test_defaults_to_this_month(self, approver_client):
        today = local_date(timezone.now())
        response = approver_client.get(URL)
        form = response.context["form"]
        assert form.cleaned_data["date_from"] == today.replace(day=1)
        assert form.cleaned_data["date_to"] == today
        assert f'value="{today.replace(day=1):%d/%m/%Y}"' in response.content.decode()

    def test_shows_totals_tables_and_charts_in_vietnamese(self, approver_client, report_data):
        html = approver_client.get(URL, QUARTER).content.decode()
        assert 'data-summary="total_views"><strong>1.320</strong>' in html
        for text in ("Tin bài được đọc nhiều nhất", "Theo tác giả", "Theo chuyên mục", "Theo tháng", "Tác giả"):
            assert text in html
        assert html.count('<table class="listing">') == 4
        assert "Kinh tế › Nông nghiệp" in html
        assert "(Chưa ghi tác giả)" in html
        assert '<td class="loa-num">1.300</td>' in html  # Nguyễn Văn An's articles, all-time

    def test_quick_periods_keep_the_other_filters(self, approver_client, report_data):
        response = approver_client.get(URL, {**QUARTER, "section": report_data.economy.pk})
        links = {link["label"]: link["url"] for link in response.context["quick_periods"]}
        assert set(links) == {"Tháng này", "Tháng trước", "Năm nay"}
        assert f"section={report_data.economy.pk}" in links["Tháng trước"]

    def test_empty_period_says_so_kindly(self, approver_client, report_data):
        html = approver_client.get(URL, {"date_from": "01/06/2026", "date_to": "30/06/2026"}).content.decode()
        assert "Không có tin bài hay lượt xem nào trong khoảng 01/06/2026 – 30/06/2026" in html
        assert "<svg xmlns" not in html and "Tải Excel" not in html

    def test_page_runs_a_bounded_number_of_queries(self, approver_client, report_data, django_assert_max_num_queries):
        approver_client.get(URL, QUARTER)
        with django_assert_max_num_queries(30):  # the report itself: 8 (test_reports.py), the rest is the admin frame
            assert approver_client.get(URL, {**QUARTER, "author": report_data.an.pk}).status_code == HTTPStatus.OK


class TestBadFilters:
    @pytest.mark.parametrize(
        ("params", "field", "message"),
        [
            ({"date_from": "31/03/2026", "date_to": "01/01/2026"}, "date_to", "không được sớm hơn ngày bắt đầu"),
            ({"date_from": "hôm qua", "date_to": "01/01/2026"}, "date_from", "ngày/tháng/năm"),
            ({"date_from": "31/02/2026", "date_to": "01/03/2026"}, "date_from", "ngày/tháng/năm"),
            ({"date_from": "01/01/1990", "date_to": "01/01/2026"}, "date_to", "không quá 10 năm"),
            ({**QUARTER, "section": "999999"}, "section", "Chuyên mục này không còn"),
            ({**QUARTER, "section": "kinh-te"}, "section", "Chuyên mục này không còn"),
            ({**QUARTER, "author": "<script>"}, "author", "Tác giả này không còn"),
            ({**QUARTER, "status": "deleted"}, "status", "chọn một trạng thái"),
        ],
    )
    def test_bad_input_is_a_form_error_not_a_crash(self, approver_client, report_data, params, field, message):
        response = approver_client.get(URL, params)
        assert response.status_code == HTTPStatus.OK
        errors = response.context["form"].errors
        assert field in errors
        assert message in " ".join(errors[field])
        html = response.content.decode()
        assert "Một số điều kiện lọc chưa đúng" in html
        assert '<table class="listing">' not in html

    def test_a_download_with_bad_filters_shows_the_errors(self, approver_client, report_data):
        response = approver_client.get(URL, {"date_from": "x", "date_to": "y", "export": "xlsx"})
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"].startswith("text/html")

    def test_unknown_csv_table_is_not_found(self, approver_client, report_data):
        assert approver_client.get(URL, {**QUARTER, "export": "csv", "table": "nope"}).status_code == 404


class TestChart:
    def test_charts_are_well_formed_accessible_svg(self, approver_client, report_data):
        html = approver_client.get(URL, QUARTER).content.decode()
        articles, views = svgs(html)
        for svg in (articles, views):
            assert svg.get("role") == "img"
            title, desc = svg.find(f"{SVG_NS}title"), svg.find(f"{SVG_NS}desc")
            assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
            assert len(svg.findall(f".//{SVG_NS}rect")) == 3  # January, February, March
            texts = [text.text for text in svg.iter(f"{SVG_NS}text")]
            assert {"T1", "T2", "T3", "Tháng (năm 2026)"} <= set(texts)
        assert articles.find(f"{SVG_NS}title").text == "Số tin bài theo tháng, từ 01/2026 đến 03/2026"
        assert "Số tin bài" in [text.text for text in articles.iter(f"{SVG_NS}text")]
        assert views.find(f"{SVG_NS}desc").text.endswith("01/2026: 107; 02/2026: 80; 03/2026: 20.")
        bar_titles = [rect.find(f"{SVG_NS}title").text for rect in views.iter(f"{SVG_NS}rect")]
        assert bar_titles[0] == "01/2026: 107 lượt xem"


class TestDownloads:
    def test_xlsx_has_a_sheet_per_table_with_bold_vietnamese_headers(self, approver_client, report_data):
        response = approver_client.get(URL, {**QUARTER, "export": "xlsx"})
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        assert 'filename="thong-ke-20260101-20260331.xlsx"' in response["Content-Disposition"]
        book = load_workbook(io.BytesIO(response.content))
        assert book.sheetnames == [
            "Tổng quan",
            "Tin bài được đọc nhiều nhất",
            "Theo tác giả",
            "Theo chuyên mục",
            "Theo tháng",
        ]

        authors = book["Theo tác giả"]
        rows = list(authors.iter_rows(values_only=True))
        assert rows[0] == ("Tác giả", "Đơn vị", "Số tin bài", "Lượt xem trong kỳ", "Tổng lượt xem")
        assert all(cell.font.bold for cell in authors[1])
        assert rows[1] == ("Nguyễn Văn An", "Phòng Văn hóa và Thông tin", 3, 180, 1300)
        assert authors["E2"].number_format == "#,##0"
        assert authors.column_dimensions["B"].width >= 30

        months = list(book["Theo tháng"].iter_rows(values_only=True))
        assert months[0][0] == "Tháng"
        assert months[1:4] == [("01/2026", 2, 107, 1000), ("02/2026", 2, 80, 300), ("03/2026", 2, 20, 20)]
        assert months[4] == ("Tổng cộng", 6, 207, 1320)

        summary = dict(book["Tổng quan"].iter_rows(min_row=2, values_only=True))
        assert summary["Chuyên mục"] == "Tất cả chuyên mục"
        assert summary["Số tin bài"] == 6

    def test_csv_opens_in_excel_with_vietnamese_headers(self, approver_client, report_data):
        response = approver_client.get(URL, {**QUARTER, "export": "csv", "table": "sections"})
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert 'filename="thong-ke-chuyen-muc-20260101-20260331.csv"' in response["Content-Disposition"]
        assert response.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0] == ["Chuyên mục", "Số tin bài", "Lượt xem trong kỳ", "Tổng lượt xem"]
        assert rows[1:] == [
            ["Kinh tế", "2", "150", "1000"],
            ["Kinh tế › Nông nghiệp", "1", "30", "300"],
            ["Văn hóa", "3", "27", "20"],
            ["Tổng cộng", "6", "207", "1320"],
        ]

    def test_downloads_follow_the_filters(self, approver_client, report_data):
        response = approver_client.get(
            URL, {**QUARTER, "author": report_data.binh.pk, "export": "csv", "table": "authors"}
        )
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1:] == [["Trần Thị Bình", "", "3", "50", "320"]]
