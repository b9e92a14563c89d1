"""The words printed on the payment list, shared by the admin page and the XLSX file.

The national heading is the same on every Vietnamese administrative document
and has no other language, so it is not translatable.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from .money import format_dong, format_percent
from .payroll import Payroll

REPUBLIC = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

#: The table's columns, left to right.
COLUMNS = (
    pgettext_lazy("payment list", "No."),
    pgettext_lazy("payment list", "Full name"),
    pgettext_lazy("payment list", "Article"),
    pgettext_lazy("payment list", "Genre"),
    pgettext_lazy("payment list", "Published"),
    pgettext_lazy("payment list", "Points"),
    pgettext_lazy("payment list", "Share"),
    pgettext_lazy("payment list", "Amount (đ)"),
    pgettext_lazy("payment list", "Due by"),
    pgettext_lazy("payment list", "Signature"),
)


def agency_lines(payroll: Payroll) -> tuple[str, str]:
    """The governing body and the agency, in capitals, as the top-left corner of a form has them."""
    return payroll.agency.parent_name.upper(), payroll.agency.name.upper()


def title() -> str:
    return pgettext("payment list", "Royalty payment list").upper()


def month_line(payroll: Payroll) -> str:
    return _("Month %(month)02d/%(year)d") % {"month": payroll.month.month, "year": payroll.month.year}


def rules_line(payroll: Payroll) -> str:
    """'Giá trị một điểm: 253.000 đ (từ 01/07/2026). Hệ số của trang: 100%.'"""
    values = "; ".join(str(value) for value in payroll.point_values) or format_dong(0)
    return _("Value of one point: %(values)s. Site multiplier: %(multiplier)s.") % {
        "values": values,
        "multiplier": format_percent(payroll.settings.multiplier_percent),
    }


def subtotal_label() -> str:
    return pgettext("payment list", "Subtotal")


def total_label() -> str:
    return pgettext("payment list", "Total")


def words_line(payroll: Payroll) -> str:
    return _("In words: %(words)s.") % {"words": payroll.total_in_words}


def empty_line() -> str:
    return _("No article first published this month has a royalty yet.")


def date_line() -> str:
    return _("……, day …… month …… year ……")


def signatures() -> list[tuple[str, str]]:
    """(title, hint) of each signature block, left to right."""
    return [
        (_("Prepared by"), _("(Signature and full name)")),
        (_("Accountant"), _("(Signature and full name)")),
        (_("Head of the agency"), _("(Signature, full name and seal)")),
    ]
