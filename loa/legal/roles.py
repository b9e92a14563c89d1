"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES).

Editors, approvers and administrators keep the lists (types, issuing bodies, levels,
fields, signers). Documents themselves are pages: who may add, edit and publish them
follows the page permissions the roles already hold on the tree.
"""

LIST_MODELS = ("documenttype", "issuingbody", "issuinglevel", "sector", "signer")
MANAGE_LISTS = tuple(
    ("loa_legal", f"{action}_{model}") for model in LIST_MODELS for action in ("add", "change", "delete", "view")
)

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Biên tập viên": MANAGE_LISTS,
    "Lãnh đạo duyệt": MANAGE_LISTS,
    "Quản trị": MANAGE_LISTS,
}
