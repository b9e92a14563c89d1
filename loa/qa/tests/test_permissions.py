"""Who may do what: reporters nothing, editors the queue and drafts, leaders publish, administrators everything."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from loa.newsroom import roles
from loa.qa.models import Question, QuestionPage

from .conftest import make_question

pytestmark = pytest.mark.django_db

QUEUE = "/admin/qa/questions/"
LISTS = ("/admin/qa/topics/", "/admin/qa/units/", "/admin/qa/agency-days/")
SETTINGS = "/admin/settings/loa_qa/qasettings/"


def denied(response) -> bool:
    """Wagtail answers a refused admin page with a redirect to the dashboard, or 403."""
    if response.status_code == HTTPStatus.FORBIDDEN:
        return True
    return response.status_code == HTTPStatus.FOUND and response["Location"].rstrip("/").endswith("/admin")


def group_permissions(role: str) -> set[str]:
    return {
        codename
        for app, codename in Group.objects.get(name=role).permissions.values_list("content_type__app_label", "codename")
        if app == "loa_qa"
    }


@pytest.fixture
def question(qa_page, topics, units, private_files):
    question = make_question(topics["civil"], qa_page, unit=units["justice"], status=Question.Status.IN_PROGRESS)
    question.attachment.save("a.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return question


def publish_data(question) -> dict:
    return {
        "topic": question.topic_id,
        "unit": question.unit_id,
        "answer": "Câu trả lời.",
        "rejection_reason": "",
        "action-publish": "1",
    }


def test_the_migration_gives_each_role_its_question_permissions():
    assert group_permissions(roles.REPORTER) == set()
    assert group_permissions(roles.EDITOR) == {"view_question", "change_question"}
    assert group_permissions(roles.APPROVER) == {"view_question", "change_question", "publish_answer"}
    assert {
        "publish_answer",
        "delete_question",
        "add_topic",
        "change_unit",
        "add_agencyday",
        "change_qasettings",
    } <= group_permissions(roles.ADMINISTRATOR)


def test_a_reporter_sees_no_question_screen_and_no_menu(login, question):
    reporter = login(roles.REPORTER, "phongvien")
    urls = [
        QUEUE,
        f"{QUEUE}edit/{question.pk}/",
        f"{QUEUE}attachment/{question.pk}/",
        f"{QUEUE}delete/{question.pk}/",
        *LISTS,
        SETTINGS,
    ]
    for url in urls:
        assert denied(reporter.get(url)), url
    dashboard = reporter.get("/admin/").content.decode()
    assert "/admin/qa/" not in dashboard


def test_a_reporter_cannot_post_an_answer(login, question):
    reporter = login(roles.REPORTER, "phongvien")
    assert denied(reporter.post(f"{QUEUE}edit/{question.pk}/", publish_data(question)))
    question.refresh_from_db()
    assert question.answer == ""


def test_an_editor_handles_the_queue_but_cannot_publish(login, question):
    editor = login(roles.EDITOR, "bientap")

    assert editor.get(QUEUE).status_code == HTTPStatus.OK
    assert editor.get(f"{QUEUE}edit/{question.pk}/").status_code == HTTPStatus.OK
    assert editor.get(f"{QUEUE}attachment/{question.pk}/").status_code == HTTPStatus.OK
    response = editor.post(f"{QUEUE}edit/{question.pk}/", publish_data(question))

    assert denied(response)
    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS
    assert question.answer == ""  # refused, not quietly saved as a draft
    assert not QuestionPage.objects.exists()


def test_an_editor_cannot_unpublish_delete_or_keep_the_lists(login, question):
    from loa.qa import services

    question.answer = "Câu trả lời."
    services.publish_answer(question, None)
    editor = login(roles.EDITOR, "bientap")
    data = {**publish_data(question), "action-unpublish": "1"}
    del data["action-publish"]

    assert denied(editor.post(f"{QUEUE}edit/{question.pk}/", data))
    question.refresh_from_db()
    assert question.page.live
    assert denied(editor.post(f"{QUEUE}delete/{question.pk}/"))
    assert Question.objects.filter(pk=question.pk).exists()
    for url in (*LISTS, SETTINGS):
        assert denied(editor.get(url)), url


def test_a_leader_publishes(login, question):
    approver = login(roles.APPROVER, "lanhdao")
    response = approver.post(f"{QUEUE}edit/{question.pk}/", publish_data(question))

    assert response.status_code == HTTPStatus.FOUND
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.page.live


def test_an_administrator_keeps_topics_units_days_and_the_setting(login):
    admin = login(roles.ADMINISTRATOR, "quantri")
    for url in (*LISTS, *(f"{url}new/" for url in LISTS)):
        assert admin.get(url).status_code == HTTPStatus.OK, url
    assert admin.get(SETTINGS, follow=True).status_code == HTTPStatus.OK
    response = admin.post("/admin/qa/topics/new/", {"name": "Tư pháp – Hộ tịch", "slug": "", "sort_order": "1"})
    assert response.status_code == HTTPStatus.FOUND
    from loa.qa.models import Topic

    assert Topic.objects.get(name="Tư pháp – Hộ tịch").slug == "tu-phap-ho-tich"


def test_the_menu_shows_only_what_each_role_may_open(login):
    editor_menu = login(roles.EDITOR, "bientap").get("/admin/").content.decode()
    assert "/admin/qa/questions/" in editor_menu
    assert "/admin/qa/topics/" not in editor_menu
    admin_menu = login(roles.ADMINISTRATOR, "quantri").get("/admin/").content.decode()
    assert "/admin/qa/topics/" in admin_menu and "/admin/qa/agency-days/" in admin_menu


def test_anonymous_visitors_are_sent_to_the_login(client, question):
    for url in (QUEUE, f"{QUEUE}edit/{question.pk}/", f"{QUEUE}attachment/{question.pk}/"):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert "/admin/login/" in response["Location"]
