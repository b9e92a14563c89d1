"""Permissions this module gives the newsroom roles (merged by loa.newsroom.roles.ROLE_MODULES).

The office staff who type the schedule are editors (Biên tập viên): they add, change and
delete entries, but publishing a week (``change_scheduleweek``) is a decision for approvers
(Lãnh đạo duyệt) and administrators (Quản trị), who also keep the list of leaders. An editor's
change to a week already published shows at once, marked "Đã điều chỉnh" with its time, so
the adjustment is visible to readers rather than silent. Reporters have no schedule rights.
"""

_ENTRIES = (
    ("loa_schedule", "add_scheduleentry"),
    ("loa_schedule", "change_scheduleentry"),
    ("loa_schedule", "delete_scheduleentry"),
    ("loa_schedule", "view_scheduleentry"),
)
_MANAGE = (
    *_ENTRIES,
    ("loa_schedule", "change_scheduleweek"),
    ("loa_schedule", "view_scheduleweek"),
    ("loa_schedule", "add_leader"),
    ("loa_schedule", "change_leader"),
    ("loa_schedule", "delete_leader"),
    ("loa_schedule", "view_leader"),
)

ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Biên tập viên": _ENTRIES,
    "Lãnh đạo duyệt": _MANAGE,
    "Quản trị": _MANAGE,
}
