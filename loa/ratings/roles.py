"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES).

Readers' ratings are reported to the agency's leaders and administrators only.
"""

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Lãnh đạo duyệt": (("loa_ratings", "view_report"),),
    "Quản trị": (("loa_ratings", "view_report"),),
}
