"""Leaders, the schedule page, entries and users of every newsroom role."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from loa.core.testing import home_page
from loa.schedule.models import Leader, ScheduleEntry, SchedulePage, ScheduleWeek
from loa.schedule.weeks import Week

# Week 48 of 2026: Monday 23/11/2026 to Sunday 29/11/2026.
WEEK_48 = Week(dt.date(2026, 11, 23))


@pytest.fixture
def leaders() -> dict[str, Leader]:
    return {
        "hoa": Leader.objects.create(name="Nguyễn Đức Hòa", title="Chủ tịch UBND thành phố", sort_order=0),
        "huong": Leader.objects.create(name="Trần Thị Thu Hương", title="Phó Chủ tịch UBND thành phố", sort_order=1),
    }


@pytest.fixture
def schedule_page() -> SchedulePage:
    page = SchedulePage(title="Lịch công tác", slug="lich-cong-tac", show_in_menus=True)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def add_entry(leader: Leader, day: dt.date, content: str, **fields) -> ScheduleEntry:
    fields.setdefault("start_time", dt.time(8, 0))
    return ScheduleEntry.objects.create(host=leader, date=day, content=content, **fields)


def publish(week: Week, at: dt.datetime | None = None) -> ScheduleWeek:
    """Publish the week (as the admin form does), optionally pretending it happened at ``at``."""
    record = ScheduleWeek.for_date(week.monday)
    record.published = True
    record.save()
    if at is not None:
        ScheduleWeek.objects.filter(pk=record.pk).update(published_at=at)
        record.refresh_from_db()
    return record


def hours_ago(hours: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=hours)


def xlsx(*rows: list) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("lich-tuan.xlsx", buffer.getvalue())


@pytest.fixture
def login(client, django_user_model):
    """Log the test client in as a new user of a newsroom role (or a superuser with role=None)."""

    def as_role(role: str | None):
        username = f"user{django_user_model.objects.count() + 1}"
        if role is None:
            user = django_user_model.objects.create_superuser(username, f"{username}@example.invalid", "mat-khau-123")
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "mat-khau-123")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return as_role
