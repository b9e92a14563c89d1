"""The monthly payment list: per payee, by first publication month in Hà Nội time, with due dates and totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup

from loa.core.models import AgencySettings
from loa.core.testing import default_site
from loa.newsroom import roles
from loa.royalties.models import RoyaltySettings
from loa.royalties.payroll import Month, build_payroll

from .conftest import set_royalty

pytestmark = pytest.mark.django_db

JULY = Month(2026, 7)


@pytest.fixture
def july(articles, authors):
    """Conference: Phản ánh 5 points, Hoàng Anh 60% / Minh Thu 40%; harvest: Tin có ảnh, Minh Thu; June: Hoàng Anh."""
    set_royalty(
        articles["conference"], "Phản ánh", "5", [(authors["anh"], "author", "60"), (authors["thu"], "photo", "40")]
    )
    set_royalty(articles["harvest"], "Tin có ảnh", "1.5", [(authors["thu"], "author", "100")])
    set_royalty(articles["june"], "Tin (không có ảnh)", "1", [(authors["anh"], "author", "100")])
    return articles


def test_the_list_groups_the_month_per_payee_with_their_articles(july, authors):
    payroll = build_payroll(default_site(), JULY)

    assert [group.payee.name for group in payroll.groups] == ["Hoàng Anh", "Minh Thu"]
    anh, thu = payroll.groups
    assert [line.article.title for line in anh.lines] == [july["conference"].title]
    assert [line.article.title for line in thu.lines] == [july["conference"].title, july["harvest"].title]
    # 5 × 253.000 = 1.265.000 đ: 60% and 40%; 1,5 × 253.000 = 379.500 đ
    assert anh.total == 759_000
    assert [line.amount for line in thu.lines] == [506_000, 379_500]
    assert payroll.total == 1_644_500
    assert payroll.total_in_words == "Một triệu sáu trăm bốn mươi bốn nghìn năm trăm đồng"


def test_each_line_has_its_genre_points_share_and_due_date(july):
    line = build_payroll(default_site(), JULY).groups[1].lines[0]
    assert (line.genre, line.points, line.percent) == ("Phản ánh", Decimal(5), Decimal(40))
    assert line.published == dt.date(2026, 7, 10)
    assert line.due == dt.date(2026, 9, 8)  # 60 days later


def test_the_month_follows_hanoi_time_not_utc(july):
    """The June article went out at 23:30 on 30/06 in Hà Nội (16:30 UTC): it belongs to June."""
    june = build_payroll(default_site(), Month(2026, 6))
    assert [line.article.title for group in june.groups for line in group.lines] == [july["june"].title]
    july_titles = {line.article.title for group in build_payroll(default_site(), JULY).groups for line in group.lines}
    assert july["june"].title not in july_titles


def test_the_site_settings_change_multiplier_and_due_date(july):
    RoyaltySettings.objects.update_or_create(
        site=default_site(), defaults={"multiplier_percent": Decimal(20), "payment_days": 30}
    )
    payroll = build_payroll(default_site(), JULY)
    assert payroll.total == 328_900  # 1.644.500 × 20%
    assert payroll.groups[0].lines[0].due == dt.date(2026, 8, 9)


def test_articles_without_a_royalty_are_counted_not_listed(july):
    payroll = build_payroll(default_site(), JULY)
    assert payroll.unrated_count == 1
    assert july["unrated"].title not in {line.article.title for group in payroll.groups for line in group.lines}


def test_a_person_paid_twice_for_one_article_gets_one_line(articles, authors):
    set_royalty(
        articles["harvest"], "Tin có ảnh", "1.5", [(authors["thu"], "author", "70"), (authors["thu"], "photo", "30")]
    )
    (group,) = build_payroll(default_site(), JULY).groups
    (line,) = group.lines
    assert (line.percent, line.amount) == (Decimal(100), 379_500)


def test_a_month_without_a_point_value_is_flagged(articles, authors):
    from loa.royalties.models import PointValue

    PointValue.objects.all().delete()
    set_royalty(articles["harvest"], "Tin có ảnh", "1.5", [(authors["thu"], "author", "100")])
    payroll = build_payroll(default_site(), JULY)
    assert payroll.total == 0
    assert payroll.days_without_value == [dt.date(2026, 7, 20)]


def test_the_admin_page_shows_the_sheet_ready_to_print(login, july):
    agency = AgencySettings.for_site(default_site())
    agency.parent_name = "Ủy ban nhân dân tỉnh Hưng Yên"
    agency.name = "Trung tâm Văn hóa và Truyền thanh"
    agency.save()
    approver = login(roles.APPROVER, "lanhdao")

    response = approver.get("/admin/royalties/payroll/?month=2026-07")

    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    paper = soup.select_one(".royalty-paper")
    text = paper.get_text(" ", strip=True)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "TRUNG TÂM VĂN HÓA VÀ TRUYỀN THANH" in text
    assert "1.644.500" in paper.select_one(".royalty-table__total").get_text()
    assert "Một triệu sáu trăm bốn mươi bốn nghìn năm trăm đồng" in text
    assert "08/09/2026" in text  # due date of the conference article
    assert len(paper.select("tbody tr")) == 5  # Hoàng Anh: 1 line + subtotal; Minh Thu: 2 lines + subtotal
    assert soup.select_one('a[href*="/admin/royalties/payroll/xlsx/?month=2026-07"]')
    assert soup.select_one('a[href*="royalty=missing"]')  # the unrated article is pointed at


def test_the_admin_page_defaults_to_last_month(login):
    approver = login(roles.APPROVER, "lanhdao")
    response = approver.get("/admin/royalties/payroll/")
    soup = BeautifulSoup(response.content, "html.parser")
    selected = soup.select_one('select[name="month"] option[selected]')
    assert selected["value"] == Month.of(dt.datetime.now(dt.UTC)).previous().key


def test_month_parsing():
    assert Month.parse("2026-07") == JULY
    assert Month.parse("2026-13") is None
    assert Month.parse("tháng bảy") is None
    assert JULY.label == "07/2026"
    assert Month(2026, 1).previous() == Month(2025, 12)
