"""Answer deadlines: 15 working days from the day after receipt, without weekends, holidays and agency days off."""

from __future__ import annotations

import datetime as dt

import pytest

from loa.qa.models import AgencyDay, QASettings, Question, deadline_for
from loa.qa.workdays import WorkCalendar

from .conftest import make_question, vn_time

D = dt.date
plain = WorkCalendar()


def test_fifteen_working_days_skip_weekends():
    # Monday 2 March 2026: three weeks of weekdays later, Monday 23 March.
    assert plain.add_working_days(D(2026, 3, 2), 15) == D(2026, 3, 23)


def test_a_question_received_on_saturday_starts_counting_on_monday():
    assert plain.add_working_days(D(2026, 3, 7), 1) == D(2026, 3, 9)
    assert plain.add_working_days(D(2026, 3, 7), 15) == plain.add_working_days(D(2026, 3, 6), 15)


def test_tet_holidays_are_not_working_days():
    # Tết Bính Ngọ: 16–20 February 2026 (Monday to Friday) are public holidays.
    for day in range(16, 21):
        assert not plain.is_working_day(D(2026, 2, day))
    assert plain.holiday_name(D(2026, 2, 17)) == "Tết Nguyên Đán"
    # Received Friday 13 February: the count starts on Monday 23 February.
    assert plain.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert plain.add_working_days(D(2026, 2, 13), 15) == D(2026, 3, 13)


def test_national_day_and_its_substitute_day_are_not_working_days():
    # 2026: Quốc khánh on 1–2 September, and Monday 31 August given in exchange for Saturday 22 August.
    assert not plain.is_working_day(D(2026, 8, 31))
    assert not plain.is_working_day(D(2026, 9, 1))
    assert not plain.is_working_day(D(2026, 9, 2))
    assert plain.add_working_days(D(2026, 8, 28), 1) == D(2026, 9, 3)


def test_hung_kings_day_reunification_day_and_labour_day():
    assert plain.holiday_name(D(2026, 4, 26)) == "Ngày Giỗ Tổ Hùng Vương"
    assert not plain.is_working_day(D(2026, 4, 27))  # observed on Monday
    assert not plain.is_working_day(D(2026, 4, 30))
    assert not plain.is_working_day(D(2026, 5, 1))
    # Friday 24 April: Tuesday 28 and Wednesday 29 April, then Monday 4 May.
    assert plain.add_working_days(D(2026, 4, 24), 3) == D(2026, 5, 4)


def test_an_agency_day_off_and_a_make_up_saturday():
    bridging = WorkCalendar.of(days_off=[D(2026, 2, 23)])
    assert bridging.add_working_days(D(2026, 2, 13), 15) == D(2026, 3, 16)
    make_up = WorkCalendar.of(days_off=[D(2026, 2, 23)], extra_working_days=[D(2026, 2, 28)])
    assert make_up.add_working_days(D(2026, 2, 13), 15) == D(2026, 3, 13)


def test_working_days_between_counts_after_the_start_up_to_the_end():
    assert plain.working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1  # Friday → Monday
    assert plain.working_days_between(D(2026, 3, 9), D(2026, 3, 9)) == 0


@pytest.mark.django_db
def test_a_new_question_is_due_fifteen_working_days_after_receipt_by_default(topics):
    question = make_question(topics["civil"], received_at=vn_time(2026, 2, 13, 16))
    assert question.deadline == D(2026, 3, 13)


@pytest.mark.django_db
def test_receipt_late_in_the_evening_counts_in_vietnamese_time(topics):
    # 23:30 on Friday in Hà Nội is 16:30 UTC: still Friday.
    received = dt.datetime(2026, 3, 6, 16, 30, tzinfo=dt.UTC)
    assert deadline_for(received, days=1) == D(2026, 3, 9)


@pytest.mark.django_db
def test_the_site_setting_changes_the_number_of_days(topics):
    from loa.core.testing import default_site

    setting = QASettings.for_site(default_site())
    setting.working_days = 10
    setting.save()
    question = make_question(topics["civil"], received_at=vn_time(2026, 3, 2))
    assert question.deadline == D(2026, 3, 16)


@pytest.mark.django_db
def test_agency_days_from_the_admin_count_and_move_open_deadlines(topics):
    open_question = make_question(topics["civil"], received_at=vn_time(2026, 2, 13))
    closed = make_question(topics["civil"], received_at=vn_time(2026, 2, 13), status=Question.Status.REJECTED)
    assert open_question.deadline == D(2026, 3, 13)

    AgencyDay.objects.create(date=D(2026, 2, 23), name="Nghỉ bù Tết Nguyên đán")

    open_question.refresh_from_db()
    closed.refresh_from_db()
    assert open_question.deadline == D(2026, 3, 16)
    assert closed.deadline == D(2026, 3, 13)  # settled questions keep theirs

    AgencyDay.objects.create(date=D(2026, 2, 28), kind=AgencyDay.Kind.WORKING_DAY, name="Làm bù")
    open_question.refresh_from_db()
    assert open_question.deadline == D(2026, 3, 13)


@pytest.mark.django_db
def test_overdue_means_open_and_past_the_deadline(topics):
    question = make_question(topics["civil"], received_at=vn_time(2026, 2, 13))
    assert not question.is_overdue(today=D(2026, 3, 13))
    assert question.is_overdue(today=D(2026, 3, 14))
    assert list(Question.objects.overdue(D(2026, 3, 16))) == [question]
    question.status = Question.Status.ANSWERED
    assert not question.is_overdue(today=D(2026, 3, 16))
    assert question.working_days_left(today=D(2026, 3, 11)) == 2
