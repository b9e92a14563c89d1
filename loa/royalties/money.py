"""Amounts of nhuận bút: the one rounding rule, and numbers written the Vietnamese way.

Every amount is computed per share and rounded to whole đồng there, so a
payee's line, their subtotal and the sheet's total always add up on paper.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

from loa.core.formats import vn_number

HUNDRED = Decimal(100)


def share_amount(points: Decimal, point_value: int, multiplier_percent: Decimal, share_percent: Decimal) -> int:
    """points × value of a point × site multiplier × share, to the nearest đồng (halves up)."""
    exact = Decimal(points) * Decimal(point_value) * Decimal(multiplier_percent) * Decimal(share_percent)
    return int((exact / (HUNDRED * HUNDRED)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_decimal(value: Decimal | int | None) -> str:
    """'1,5', '10', '33,33': a decimal comma and no trailing zeros, as Vietnamese forms write points."""
    if value is None:
        return ""
    number = Decimal(value).normalize()
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    text = sign + vn_number(int(whole))
    return f"{text},{fraction}" if fraction else text


def format_percent(value: Decimal | int | None) -> str:
    return f"{format_decimal(value)}%" if value is not None else ""


def format_dong(amount: int | None) -> str:
    """'1.265.000 đ' (with a no-break space, so the unit never wraps onto a line of its own)."""
    return f"{vn_number(amount or 0)}\u00a0đ"


def amount_in_words(amount: int) -> str:
    """'Một triệu hai trăm sáu mươi lăm nghìn đồng': the line accountants write under a total.

    Always Vietnamese (the paper form is), whatever the admin's language.
    """
    words = num2words(int(amount), lang="vi")
    return f"{words[:1].upper()}{words[1:]} đồng"
