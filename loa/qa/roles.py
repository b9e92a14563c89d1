"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES).

Biên tập viên handle the queue: assign units, draft answers, reject what is not for
the agency. Lãnh đạo duyệt also publish and unpublish answers: an answer speaks
for the agency in public, as an article does, so it passes the same desk. Quản trị
can do everything and keep the lists (topics, units, days off) and the setting.
Phóng viên have nothing to do with citizens' questions.
"""

_HANDLE = (("loa_qa", "view_question"), ("loa_qa", "change_question"))
_PUBLISH = (("loa_qa", "publish_answer"),)
_LISTS = tuple(
    ("loa_qa", f"{action}_{model}")
    for model in ("topic", "unit", "agencyday")
    for action in ("add", "change", "delete", "view")
)

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Biên tập viên": _HANDLE,
    "Lãnh đạo duyệt": (*_HANDLE, *_PUBLISH),
    "Quản trị": (*_HANDLE, *_PUBLISH, ("loa_qa", "delete_question"), *_LISTS, ("loa_qa", "change_qasettings")),
}
