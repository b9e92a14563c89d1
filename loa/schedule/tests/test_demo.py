"""The demo portal's schedule: the page, four leaders, three published weeks around today, a few adjustments."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.utils import timezone

from loa.core.testing import home_page
from loa.schedule.demo import load_demo
from loa.schedule.models import Leader, ScheduleEntry, SchedulePage, ScheduleWeek
from loa.schedule.weeks import Week

pytestmark = pytest.mark.django_db


def test_the_demo_fills_last_this_and_next_week(client):
    now = timezone.now()
    load_demo(home_page(), now)
    page = SchedulePage.objects.get()
    assert (page.slug, page.live, page.show_in_menus) == ("lich-cong-tac", True, True)
    assert Leader.objects.count() == 4
    this_week = Week.of(timezone.localdate())
    weeks = ScheduleWeek.objects.order_by("monday")
    assert [week.monday for week in weeks] == [this_week.previous().monday, this_week.monday, this_week.next().monday]
    assert all(week.published and week.published_at < now for week in weeks)
    marks = [entry.adjustment for entry in ScheduleEntry.objects.select_related("week")]
    assert sorted(mark[0] for mark in marks if mark) == ["added", "changed", "changed"]
    assert all(mark[1] <= now for mark in marks if mark)

    html = client.get("/lich-cong-tac/").content.decode()
    assert "Đã điều chỉnh</strong>" in html and "Bổ sung</strong>" in html
    response = client.get(f"/lich-cong-tac/?tuan={this_week.next().key}")
    assert response.status_code == HTTPStatus.OK
    assert "Kỳ họp chuyên đề HĐND thành phố" in response.content.decode()
