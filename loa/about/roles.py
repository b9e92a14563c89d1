"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES).

The about pages are pages: who edits and publishes them follows the page permissions
the roles hold on the tree. Approvers and administrators, who hold those on the
whole tree (the English one included), may also start a translation ("Translate");
administrators keep the English agency details and the list of languages.
"""

TRANSLATE = (("simple_translation", "submit_translation"),)

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Lãnh đạo duyệt": TRANSLATE,
    "Quản trị": (
        *TRANSLATE,
        ("loa_about", "change_englishagencysettings"),
        ("wagtailcore", "add_locale"),
        ("wagtailcore", "change_locale"),
        ("wagtailcore", "delete_locale"),
    ),
}
