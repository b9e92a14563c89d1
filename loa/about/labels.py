"""The words of the about pages and of the English header and footer, per page language.

Public templates in Loa are written in Vietnamese, not through gettext: a
reader's language must never depend on the server's catalogues or the
browser. The English pages need the same few words in English, so both sets
live here side by side and a page's template receives the set of its locale.
"""

from __future__ import annotations

VI = {
    "home": "Trang chủ",
    "breadcrumbs": "Đường dẫn",
    "in_section": "Các trang trong mục",
    "org_contents": "Sơ đồ tổ chức",
    "leaders": "Lãnh đạo",
    "phone": "Điện thoại",
    "fax": "Fax",
    "email": "Email",
    "address": "Địa chỉ",
    "hours": "Giờ làm việc",
    "map": "Xem vị trí trên bản đồ OpenStreetMap",
    "contact_points": "Các đầu mối liên hệ",
    "agency": "Cơ quan",
    "functions": "Chức năng",
    "duties": "Nhiệm vụ, quyền hạn",
    "legal_basis": "Căn cứ pháp lý",
    "milestones": "Các mốc lịch sử",
    "no_units": "Chưa có thông tin cơ cấu tổ chức.",
}

EN = {
    "home": "Home",
    "breadcrumbs": "Breadcrumbs",
    "in_section": "In this section",
    "org_contents": "Structure",
    "leaders": "Leaders",
    "phone": "Phone",
    "fax": "Fax",
    "email": "Email",
    "address": "Address",
    "hours": "Working hours",
    "map": "See the location on OpenStreetMap",
    "contact_points": "Contact points",
    "agency": "Agency",
    "functions": "Functions",
    "duties": "Duties and powers",
    "legal_basis": "Legal basis",
    "milestones": "Milestones",
    "no_units": "The organisation chart has not been published yet.",
    # The English header and footer (loa/about/templates/about/chrome/).
    "skip": "Skip to main content",
    "search_label": "Search the portal (content in Vietnamese)",
    "search_placeholder": "Search…",
    "search_button": "Search",
    "tagline": "Electronic information portal",
    "menu": "Main menu",
    "menu_toggle": "Menu",
    "responsible": "Responsible for content",
}

LABELS = {"vi": VI, "en": EN}


def labels_for(language: str) -> dict[str, str]:
    return LABELS.get(language, VI)
