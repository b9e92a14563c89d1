"""Who may see money: the ``view_payroll`` permission on ArticleRoyalty (approvers and administrators)."""

from __future__ import annotations

PAYROLL_PERMISSION = "loa_royalties.view_payroll"


def can_view_payroll(user) -> bool:
    """Amounts, the payment list and its XLSX file are shown only to holders of ``view_payroll``."""
    return bool(user is not None and user.has_perm(PAYROLL_PERMISSION))
