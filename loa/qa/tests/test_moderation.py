"""The staff's side: the queue, assigning, drafting, publishing (mail + page), unpublishing, rejecting."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from loa.newsroom import roles
from loa.qa.models import Question, QuestionPage
from loa.search.models import SearchDocument

from .conftest import make_question

pytestmark = pytest.mark.django_db

QUEUE = "/admin/qa/questions/"


def edit_url(question: Question) -> str:
    return f"{QUEUE}edit/{question.pk}/"


def form_data(question: Question, action: str | None = None, **changes) -> dict:
    data = {
        "topic": question.topic_id,
        "unit": question.unit_id or "",
        "answer": question.answer,
        "rejection_reason": question.rejection_reason,
        **changes,
    }
    if action:
        data[f"action-{action}"] = "1"
    return data


@pytest.fixture
def queue(qa_page, topics, units):
    """A new question, one in progress, one overdue, one answered, one rejected."""
    now = timezone.now()
    return {
        "new": make_question(topics["civil"], qa_page, title="Đăng ký kết hôn", received_at=now),
        "in_progress": make_question(
            topics["land"],
            qa_page,
            title="Tách thửa đất",
            unit=units["land"],
            status=Question.Status.IN_PROGRESS,
            received_at=now - dt.timedelta(days=3),
        ),
        "overdue": make_question(
            topics["land"],
            qa_page,
            title="Đính chính sổ đỏ",
            unit=units["land"],
            status=Question.Status.IN_PROGRESS,
            received_at=now - dt.timedelta(days=40),
        ),
        "answered": make_question(
            topics["insurance"], qa_page, title="Bảo hiểm xã hội một lần", status=Question.Status.ANSWERED
        ),
        "rejected": make_question(
            topics["civil"], qa_page, title="Quảng cáo", status=Question.Status.REJECTED, rejection_reason="Spam"
        ),
    }


@pytest.fixture
def editor(login):
    return login(roles.EDITOR, "bientap")


@pytest.fixture
def approver(login):
    return login(roles.APPROVER, "lanhdao")


def titles_in_order(response) -> list[str]:
    return [question.title for question in response.context["object_list"]]


def test_the_queue_puts_new_questions_first_then_the_most_urgent(editor, queue):
    response = editor.get(QUEUE)

    assert response.status_code == HTTPStatus.OK
    assert titles_in_order(response) == [
        "Đăng ký kết hôn",
        "Đính chính sổ đỏ",
        "Tách thửa đất",
        "Bảo hiểm xã hội một lần",
        "Quảng cáo",
    ]


def test_overdue_questions_are_marked_with_words_and_an_icon(editor, queue):
    html = editor.get(QUEUE).content.decode()
    assert html.count('class="qa-overdue"') == 1
    assert gettext("Overdue") in html
    assert "#icon-warning" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=new", ["Đăng ký kết hôn"]),
        ("status=rejected", ["Quảng cáo"]),
        ("overdue=overdue", ["Đính chính sổ đỏ"]),
        ("overdue=on_time", ["Đăng ký kết hôn", "Tách thửa đất"]),
    ],
)
def test_the_queue_filters_by_status_and_deadline(editor, queue, query, expected):
    assert titles_in_order(editor.get(f"{QUEUE}?{query}")) == expected


def test_the_queue_filters_by_topic_and_unit(editor, queue, topics, units):
    assert titles_in_order(editor.get(f"{QUEUE}?topic={topics['insurance'].pk}")) == ["Bảo hiểm xã hội một lần"]
    assert set(titles_in_order(editor.get(f"{QUEUE}?unit={units['land'].pk}"))) == {"Tách thửa đất", "Đính chính sổ đỏ"}


def test_the_dashboard_counts_overdue_questions(editor, queue):
    html = editor.get("/admin/").content.decode()
    assert "qa-questions" in html
    assert f"{QUEUE}?overdue=overdue" in html
    assert queue["overdue"].code in html
    assert queue["new"].code not in html


def test_the_edit_form_shows_the_question_and_the_contact_to_staff(editor, queue):
    question = queue["new"]
    html = editor.get(edit_url(question)).content.decode()
    assert question.code in html
    assert question.email in html
    assert question.text in html
    assert 'name="action-reject"' in html
    assert 'name="action-publish"' not in html  # editors do not publish


def test_an_editor_assigns_a_unit_and_drafts_the_answer(
    editor, queue, units, mailoutbox, django_capture_on_commit_callbacks
):
    question = queue["new"]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            edit_url(question), form_data(question, unit=units["justice"].pk, answer="Dự thảo câu trả lời.")
        )

    assert response.status_code == HTTPStatus.FOUND
    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS
    assert question.unit == units["justice"]
    assert question.assigned_at is not None
    assert question.answer == "Dự thảo câu trả lời."
    assert question.page is None
    # The unit is told; the asker is not (nothing public has happened yet).
    assert [mail.to for mail in mailoutbox] == [["tuphap@hungyen.gov.vn"]]
    assert f"/admin/qa/questions/edit/{question.pk}/" in mailoutbox[0].body


def test_publishing_makes_the_page_and_mails_the_asker(
    approver, queue, units, mailoutbox, django_capture_on_commit_callbacks
):
    question = queue["in_progress"]
    answer = "Theo Điều 220 Luật Đất đai năm 2024, ông/bà cần đáp ứng các điều kiện tách thửa."
    with django_capture_on_commit_callbacks(execute=True):
        response = approver.post(edit_url(question), form_data(question, "publish", answer=answer))

    assert response.status_code == HTTPStatus.FOUND
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.answered_by == approver.user
    page = question.page
    assert page.live
    assert page.get_parent().specific == question.index_page
    assert page.title == question.title
    assert page.answer == answer
    assert page.unit_name == units["land"].name
    assert page.asker == "Ông/bà Trần Thị Bình"
    assert [mail.to for mail in mailoutbox] == [[question.email]]
    assert question.code in mailoutbox[0].subject
    assert answer in mailoutbox[0].body
    assert page.full_url in mailoutbox[0].body
    # The site search finds it as a question.
    document = SearchDocument.objects.get(page_id=page.pk)
    assert document.kind == "question"
    assert "Điều 220" in document.body


def test_publishing_needs_an_answer_and_a_unit(approver, queue):
    question = queue["new"]
    response = approver.post(edit_url(question), form_data(question, "publish", answer=" "))

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert errors["answer"] == [gettext("Write the answer before publishing it.")]
    assert errors["unit"] == [gettext("Choose the answering unit before publishing the answer.")]
    question.refresh_from_db()
    assert question.status == Question.Status.NEW
    assert not QuestionPage.objects.exists()


def test_republishing_updates_the_same_page(approver, queue, django_capture_on_commit_callbacks, mailoutbox):
    question = queue["in_progress"]
    approver.post(edit_url(question), form_data(question, "publish", answer="Câu trả lời ban đầu."))
    question.refresh_from_db()
    approver.post(edit_url(question), form_data(question, "publish", answer="Câu trả lời đã bổ sung."))

    question.refresh_from_db()
    assert QuestionPage.objects.count() == 1
    assert question.page.answer == "Câu trả lời đã bổ sung."


def test_unpublishing_takes_the_page_off_and_keeps_the_draft(approver, queue, client):
    question = queue["in_progress"]
    approver.post(edit_url(question), form_data(question, "publish", answer="Câu trả lời."))
    question.refresh_from_db()
    url = question.page.url

    response = approver.post(edit_url(question), form_data(question, "unpublish"))

    assert response.status_code == HTTPStatus.FOUND
    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS
    assert question.answer == "Câu trả lời."
    assert not question.page.live
    assert not SearchDocument.objects.filter(page_id=question.page.pk).exists()
    approver.logout()
    assert approver.get(url).status_code == HTTPStatus.NOT_FOUND


def test_unpublishing_the_page_in_the_explorer_reopens_the_question(queue, units):
    from loa.qa import services

    question = queue["in_progress"]
    question.answer = "Câu trả lời."
    page = services.publish_answer(question, None)
    page.unpublish()

    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS


def test_an_editor_rejects_with_a_reason_and_the_asker_is_told(
    editor, queue, mailoutbox, django_capture_on_commit_callbacks
):
    question = queue["new"]
    response = editor.post(edit_url(question), form_data(question, "reject"))
    assert response.context["form"].errors["rejection_reason"]
    question.refresh_from_db()
    assert question.status == Question.Status.NEW

    reason = "Nội dung là đơn khiếu nại, đề nghị gửi Ban Tiếp công dân thành phố."
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(edit_url(question), form_data(question, "reject", rejection_reason=reason))

    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED
    assert [mail.to for mail in mailoutbox] == [[question.email]]
    assert reason in mailoutbox[0].body
    assert not QuestionPage.objects.exists()


def test_a_rejected_question_can_be_reopened_but_not_published(approver, queue):
    question = queue["rejected"]
    response = approver.post(edit_url(question), form_data(question, "publish", answer="Trả lời."))
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].non_field_errors()

    approver.post(edit_url(question), form_data(question, "reopen"))
    question.refresh_from_db()
    assert question.status == Question.Status.NEW


def test_steps_are_recorded_in_the_history(approver, queue):
    from wagtail.models import ModelLogEntry

    question = queue["in_progress"]
    approver.post(edit_url(question), form_data(question, "publish", answer="Câu trả lời."))
    actions = set(ModelLogEntry.objects.filter(object_id=str(question.pk)).values_list("action", flat=True))
    assert {"wagtail.edit", "loa_qa.publish_answer"} <= actions
    assert approver.get(f"{QUEUE}history/{question.pk}/").status_code == HTTPStatus.OK


def test_the_attachment_downloads_for_staff(editor, queue, private_files):
    from django.core.files.base import ContentFile

    question = queue["new"]
    question.attachment.save("abc.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    question.attachment_name = "Giấy chứng sinh.pdf"
    question.save()

    response = editor.get(f"{QUEUE}attachment/{question.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert "attachment;" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_deleting_a_question_takes_its_page_off_the_portal(login, queue):
    from loa.qa import services

    question = queue["in_progress"]
    question.answer = "Câu trả lời."
    page = services.publish_answer(question, None)
    admin = login(roles.ADMINISTRATOR, "quantri")

    admin.post(f"{QUEUE}delete/{question.pk}/")

    assert not Question.objects.filter(pk=question.pk).exists()
    page.refresh_from_db()
    assert not page.live
