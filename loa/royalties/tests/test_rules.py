"""The rules: genres inside their category's cap, points inside the genre, the point value of the publication day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from loa.core.models import AgencySettings
from loa.core.testing import home_page, make_article, make_section
from loa.royalties.models import (
    CATEGORY_CAPS,
    ArticleRoyalty,
    Genre,
    GenreCategory,
    PointValue,
    RoyaltySettings,
    ShareRole,
    equal_shares,
)
from loa.royalties.payroll import Calculator, PointValues

from .conftest import genre, set_royalty, vn_time

pytestmark = pytest.mark.django_db


def messages_of(error: ValidationError, field: str) -> str:
    return " ".join(error.message_dict.get(field, []))


# --- the data a new site starts with ----------------------------------------------------------------


def test_a_new_site_has_the_provincial_table_of_genres():
    names = list(Genre.objects.order_by("sort_order").values_list("name", flat=True))
    assert names[:4] == ["Tin (không có ảnh)", "Tin có ảnh", "Tin tổng hợp", "Tin đăng lại"]
    assert {"Ảnh", "Phản ánh", "Bình luận", "Nghiên cứu", "Phóng sự", "Chính luận", "Trả lời bạn đọc"} <= set(names)
    media = genre("Media (video, âm thanh)")
    assert (media.min_points, media.max_points, media.category) == (Decimal(4), Decimal(5), GenreCategory.ONLINE)
    for row in Genre.objects.all():
        row.full_clean()  # every default row obeys its cap
        assert row.max_points <= CATEGORY_CAPS[row.category]


def test_a_new_site_values_a_point_at_253000_dong_from_1_july_2026():
    value = PointValue.in_effect_on(dt.date(2026, 7, 1))
    assert value.amount == 253_000
    assert value.effective_from == dt.date(2026, 7, 1)


def test_categories_cap_points_as_decree_18_2014_article_7():
    assert {
        GenreCategory.NEWS: Decimal(10),
        GenreCategory.COMMENTARY: Decimal(30),
        GenreCategory.ONLINE: Decimal(50),
    } == CATEGORY_CAPS


# --- genres -------------------------------------------------------------------------------------------


def test_a_genre_above_its_category_cap_is_refused_with_the_cap_and_the_decree():
    too_much = Genre(name="Tin đặc biệt", category=GenreCategory.NEWS, min_points=1, max_points=Decimal("12"))
    with pytest.raises(ValidationError) as refused:
        too_much.full_clean()
    message = messages_of(refused.value, "max_points")
    assert "10" in message and "18/2014/NĐ-CP" in message


def test_an_online_genre_may_go_up_to_50_points():
    Genre(name="Tọa đàm trực tuyến", category=GenreCategory.ONLINE, min_points=20, max_points=50).full_clean()


def test_a_genre_whose_range_is_upside_down_is_refused():
    with pytest.raises(ValidationError) as refused:
        Genre(name="Bài lạ", category=GenreCategory.COMMENTARY, min_points=8, max_points=3).full_clean()
    assert "max_points" in refused.value.message_dict


def test_negative_points_are_refused_for_a_genre():
    with pytest.raises(ValidationError) as refused:
        Genre(name="Bài âm", category=GenreCategory.NEWS, min_points=Decimal("-1"), max_points=1).full_clean()
    assert "min_points" in refused.value.message_dict


def test_a_negative_point_value_or_zero_is_refused():
    for amount in (0, -5):
        with pytest.raises(ValidationError) as refused:
            PointValue(amount=amount, effective_from=dt.date(2027, 1, 1)).full_clean()
        assert "amount" in refused.value.message_dict


# --- an article's points ------------------------------------------------------------------------------


def test_points_outside_the_genre_range_are_refused_with_the_range(articles):
    royalty = ArticleRoyalty(article=articles["conference"], genre=genre("Phản ánh"), points=Decimal("9"))
    with pytest.raises(ValidationError) as refused:
        royalty.full_clean()
    message = messages_of(refused.value, "points")
    assert "Phản ánh" in message and "3" in message and "8" in message


def test_points_at_either_end_of_the_range_are_accepted(articles):
    for points in ("3", "8"):
        ArticleRoyalty(article=articles["conference"], genre=genre("Phản ánh"), points=Decimal(points)).full_clean()


def test_negative_points_are_refused_for_an_article(articles):
    with pytest.raises(ValidationError) as refused:
        ArticleRoyalty(article=articles["conference"], genre=genre("Tin đăng lại"), points=Decimal("-0.5")).full_clean()
    assert "points" in refused.value.message_dict


def test_equal_shares_add_up_to_exactly_100(authors):
    shares = equal_shares([authors["anh"], authors["thu"], authors["binh"]])
    assert [share.percent for share in shares] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert sum(share.percent for share in shares) == 100
    assert {share.role for share in shares} == {ShareRole.AUTHOR}
    assert equal_shares([authors["anh"], authors["anh"]])[0].percent == 100


# --- computation --------------------------------------------------------------------------------------


def test_the_point_value_is_the_one_in_effect_on_the_first_publication_day(articles, authors):
    PointValue.objects.update_or_create(effective_from=dt.date(2024, 7, 1), defaults={"amount": 234_000})
    june = set_royalty(articles["june"], "Phản ánh", "4", [(authors["anh"], "author", "100")])
    july = set_royalty(articles["harvest"], "Phản ánh", "4", [(authors["thu"], "author", "100")])

    calculator = Calculator()

    assert calculator.amount(june).point_value.amount == 234_000  # 30/06/2026 23:30 in Hà Nội
    assert calculator.amount(june).total == 4 * 234_000
    assert calculator.amount(july).total == 4 * 253_000


def test_the_latest_value_not_after_the_day_wins():
    values = PointValues(
        [
            PointValue(amount=100, effective_from=dt.date(2020, 1, 1)),
            PointValue(amount=300, effective_from=dt.date(2030, 1, 1)),
            PointValue(amount=200, effective_from=dt.date(2025, 1, 1)),
        ]
    )
    assert values.on(dt.date(2019, 12, 31)) is None
    assert values.on(dt.date(2024, 12, 31)).amount == 100
    assert values.on(dt.date(2025, 1, 1)).amount == 200
    assert values.on(dt.date(2031, 1, 1)).amount == 300


def test_a_site_multiplier_scales_every_share(authors):
    department_home = Page.get_first_root_node().add_child(
        instance=type(home_page())(title="Phòng Văn hóa", slug="phong-van-hoa")
    )
    department = Site.objects.create(hostname="vanhoa.localhost", port=80, root_page=department_home)
    RoyaltySettings.objects.create(site=department, multiplier_percent=Decimal("20"))
    AgencySettings.for_site(department)
    section = make_section("Tin hoạt động", parent=department_home)
    article = make_article(section, "Hội diễn văn nghệ", authors=[authors["anh"]], published=vn_time(2026, 8, 3))
    royalty = set_royalty(
        article, "Tin có ảnh", "1.5", [(authors["anh"], "author", "60"), (authors["thu"], "photo", "40")]
    )

    amount = Calculator().amount(royalty)

    assert amount.multiplier_percent == 20
    # 1,5 × 253.000 × 20% = 75.900 đ, split 60/40
    assert [value for _share, value in amount.shares] == [45_540, 30_360]
    assert amount.total == 75_900


def test_the_due_date_is_sixty_days_after_publication_by_default(articles, authors):
    royalty = set_royalty(articles["conference"], "Tin có ảnh", "1.5", [(authors["anh"], "author", "100")])
    amount = Calculator().amount(royalty)
    assert amount.published == dt.date(2026, 7, 10)
    assert amount.due == dt.date(2026, 9, 8)
