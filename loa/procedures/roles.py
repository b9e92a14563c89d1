"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES).

Editors (Biên tập viên) keep the list current (add, change, import); removing a procedure
from the public list is left to approvers (Lãnh đạo duyệt) and administrators (Quản trị).
"""

_EDIT = (
    ("loa_procedures", "add_procedure"),
    ("loa_procedures", "change_procedure"),
    ("loa_procedures", "view_procedure"),
)
_MANAGE = (*_EDIT, ("loa_procedures", "delete_procedure"))

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Biên tập viên": _EDIT,
    "Lãnh đạo duyệt": _MANAGE,
    "Quản trị": _MANAGE,
}
