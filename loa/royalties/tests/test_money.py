"""Amounts: points × point value × site multiplier × share, to whole đồng; and the amount in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loa.royalties.money import amount_in_words, format_decimal, format_dong, format_percent, share_amount


def test_amount_is_points_times_value_times_multiplier_times_share():
    assert share_amount(Decimal("5"), 253_000, Decimal("100"), Decimal("100")) == 1_265_000
    assert share_amount(Decimal("5"), 253_000, Decimal("100"), Decimal("50")) == 632_500
    assert share_amount(Decimal("5"), 253_000, Decimal("20"), Decimal("100")) == 253_000


def test_amount_is_rounded_to_whole_dong_halves_up():
    # 1,5 × 253.000 × 20% × 33,33% = 25.297,47 đ
    assert share_amount(Decimal("1.5"), 253_000, Decimal("20"), Decimal("33.33")) == 25_297
    # 0,5 đ goes up to 1 đ, 0,49 đ down to nothing.
    assert share_amount(Decimal("0.5"), 1, Decimal("100"), Decimal("100")) == 1
    assert share_amount(Decimal("0.49"), 1, Decimal("100"), Decimal("100")) == 0


def test_nothing_is_owed_for_zero_points_or_a_zero_multiplier():
    assert share_amount(Decimal("0"), 253_000, Decimal("100"), Decimal("100")) == 0
    assert share_amount(Decimal("8"), 253_000, Decimal("0"), Decimal("100")) == 0


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (253_000, "Hai trăm năm mươi ba nghìn đồng"),
        (1_265_000, "Một triệu hai trăm sáu mươi lăm nghìn đồng"),
        (4_238_431, "Bốn triệu hai trăm ba mươi tám nghìn bốn trăm ba mươi mốt đồng"),
    ],
)
def test_amount_in_words_is_vietnamese_capitalised_and_ends_in_dong(amount, words):
    assert amount_in_words(amount) == words


@pytest.mark.parametrize(
    ("value", "text"),
    [("1.50", "1,5"), ("10.00", "10"), ("33.33", "33,33"), ("0.5", "0,5"), ("12345.5", "12.345,5")],
)
def test_points_are_written_with_a_decimal_comma(value, text):
    assert format_decimal(Decimal(value)) == text


def test_money_and_shares_are_written_the_vietnamese_way():
    assert format_dong(1_265_000) == "1.265.000\u00a0đ"
    assert format_percent(Decimal("33.34")) == "33,34%"
    assert format_percent(Decimal("100.00")) == "100%"
