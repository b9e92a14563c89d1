"""Who may do what in the admin: editors type entries, approvers and administrators also publish and keep leaders."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from loa.newsroom import roles
from loa.schedule.models import Leader, ScheduleEntry, ScheduleWeek

from .conftest import add_entry, xlsx
from .test_import import HEADERS, row

pytestmark = pytest.mark.django_db

ENTRIES = "/admin/schedule/entries/"
WEEKS = "/admin/schedule/weeks/"
LEADERS = "/admin/schedule/leaders/"
IMPORT = "/admin/schedule/import/"


def denied(response) -> bool:
    """Wagtail answers a refused admin page with 403 or a redirect to the dashboard."""
    if response.status_code == HTTPStatus.FORBIDDEN:
        return True
    return response.status_code == HTTPStatus.FOUND and response["Location"].rstrip("/").endswith("/admin")


def schedule_permissions(role: str) -> set[str]:
    return set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__app_label="loa_schedule")
        .values_list("codename", flat=True)
    )


def entry_form(leader: Leader, **fields) -> dict:
    data = {
        "date": "2026-11-24",
        "start_time": "08:00",
        "end_time": "",
        "part_of_day": "",
        "content": "Họp giao ban",
        "location": "Phòng họp số 1",
        "host": leader.pk,
        "participants": "",
        "preparing_unit": "",
        "notes": "",
    }
    return {**data, **fields}


def test_the_migration_gives_each_role_its_schedule_permissions():
    entries = {"add_scheduleentry", "change_scheduleentry", "delete_scheduleentry", "view_scheduleentry"}
    manage = {*entries, "change_scheduleweek", "view_scheduleweek"} | {
        f"{action}_leader" for action in ("add", "change", "delete", "view")
    }
    assert schedule_permissions(roles.REPORTER) == set()
    assert schedule_permissions(roles.EDITOR) == entries
    assert schedule_permissions(roles.APPROVER) == manage
    assert schedule_permissions(roles.ADMINISTRATOR) == manage


def test_a_reporter_sees_no_schedule_screen(login, leaders):
    reporter = login(roles.REPORTER)
    entry = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    for url in (ENTRIES, f"{ENTRIES}new/", f"{ENTRIES}edit/{entry.pk}/", WEEKS, LEADERS, IMPORT):
        assert denied(reporter.get(url)), url
    assert denied(reporter.post(f"{ENTRIES}new/", entry_form(leaders["hoa"])))
    assert denied(reporter.post(IMPORT, {"file": xlsx(HEADERS, row("24/11/2026", "8h00", "Họp"))}))
    assert ScheduleEntry.objects.count() == 1
    assert "/admin/schedule/" not in reporter.get("/admin/").content.decode()


def test_an_editor_adds_an_entry_through_the_admin(login, leaders):
    editor = login(roles.EDITOR)
    assert editor.get(ENTRIES).status_code == HTTPStatus.OK
    response = editor.post(f"{ENTRIES}new/", entry_form(leaders["hoa"]))
    assert response.status_code == HTTPStatus.FOUND
    entry = ScheduleEntry.objects.get()
    assert entry.week.monday == dt.date(2026, 11, 23)
    assert not entry.week.published


def test_the_admin_form_wants_a_time_or_a_part_of_the_day(login, leaders):
    editor = login(roles.EDITOR)
    response = editor.post(f"{ENTRIES}new/", entry_form(leaders["hoa"], start_time=""))
    assert response.status_code == HTTPStatus.OK
    assert "start_time" in response.context["form"].errors
    response = editor.post(f"{ENTRIES}new/", entry_form(leaders["hoa"], end_time="07:00"))
    assert "end_time" in response.context["form"].errors
    assert not ScheduleEntry.objects.exists()


def test_an_editor_may_neither_publish_weeks_nor_manage_leaders(login, leaders):
    editor = login(roles.EDITOR)
    entry = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    for url in (
        WEEKS,
        f"{WEEKS}edit/{entry.week_id}/",
        LEADERS,
        f"{LEADERS}new/",
        f"{LEADERS}edit/{leaders['hoa'].pk}/",
    ):
        assert denied(editor.get(url)), url
    assert denied(editor.post(f"{WEEKS}edit/{entry.week_id}/", {"published": "on", "note": ""}))
    assert not ScheduleWeek.objects.get(pk=entry.week_id).published


def test_an_approver_publishes_a_week(login, leaders):
    approver = login(roles.APPROVER)
    entry = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    assert approver.get(WEEKS).status_code == HTTPStatus.OK
    response = approver.post(f"{WEEKS}edit/{entry.week_id}/", {"published": "on", "note": "Lịch có thể thay đổi."})
    assert response.status_code == HTTPStatus.FOUND
    week = ScheduleWeek.objects.get(pk=entry.week_id)
    assert week.published and week.published_at is not None
    assert week.monday == dt.date(2026, 11, 23)  # read-only in the form


def test_weeks_cannot_be_added_or_deleted_from_the_admin(login, leaders):
    admin = login(None)
    entry = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    assert admin.get(f"{WEEKS}new/").status_code == HTTPStatus.NOT_FOUND
    assert admin.get(f"{WEEKS}delete/{entry.week_id}/").status_code == HTTPStatus.NOT_FOUND


def test_an_administrator_manages_leaders(login):
    administrator = login(roles.ADMINISTRATOR)
    response = administrator.post(
        f"{LEADERS}new/",
        {"name": "Phạm Văn Tuấn", "title": "Phó Chủ tịch UBND thành phố", "sort_order": 3, "active": "on"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert str(Leader.objects.get()) == "Đ/c Phạm Văn Tuấn – Phó Chủ tịch UBND thành phố"


def test_entries_are_filtered_by_week_and_leader(login, leaders):
    editor = login(roles.EDITOR)
    first = add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Việc tuần 48")
    add_entry(leaders["huong"], dt.date(2026, 12, 1), "Việc tuần 49")
    html = editor.get(ENTRIES, {"week": first.week_id}).content.decode()
    assert "Việc tuần 48" in html and "Việc tuần 49" not in html
    html = editor.get(ENTRIES, {"host": leaders["huong"].pk}).content.decode()
    assert "Việc tuần 49" in html and "Việc tuần 48" not in html


def test_an_editor_imports_a_week_after_the_preview(login, leaders):
    editor = login(roles.EDITOR)
    assert editor.get(IMPORT).status_code == HTTPStatus.OK
    assert IMPORT in editor.get(ENTRIES).content.decode()  # the list's "import" button
    preview = editor.post(IMPORT, {"file": xlsx(HEADERS, row("24/11/2026", "8h00", "Họp giao ban"))})
    assert preview.context["preview"].ok
    assert not ScheduleEntry.objects.exists()
    done = editor.post(IMPORT, {"token": preview.context["token"]})
    assert done.status_code == HTTPStatus.FOUND and done["Location"] == ENTRIES
    assert ScheduleEntry.objects.get().content == "Họp giao ban"


def test_a_leader_who_chairs_entries_cannot_be_deleted(login, leaders):
    administrator = login(roles.ADMINISTRATOR)
    add_entry(leaders["hoa"], dt.date(2026, 11, 24), "Họp giao ban")
    response = administrator.post(f"{LEADERS}delete/{leaders['hoa'].pk}/", follow=True)
    assert response.status_code == HTTPStatus.OK
    assert "Nguyễn Đức Hòa" in str(list(response.context["messages"])[0])
    assert Leader.objects.filter(pk=leaders["hoa"].pk).exists()
    assert administrator.post(f"{LEADERS}delete/{leaders['huong'].pk}/").status_code == HTTPStatus.FOUND
