"""Nháp → Chờ biên tập → Chờ duyệt → Đã xuất bản, through the admin as each role would use it."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, TaskState, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from loa.core.text import vn_slugify
from loa.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def article_form(newsroom, title: str = "Doanh nghiệp nhỏ tăng tốc chuyển đổi số", **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": vn_slugify(title),  # the admin fills it from the title as you type
            "sapo": "Nhiều doanh nghiệp nhỏ trong tỉnh đưa hóa đơn điện tử vào sử dụng.",
            "main_image": newsroom.image.pk,
            "main_image_caption": "Tập huấn hóa đơn điện tử",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
            "article_authors": inline_formset([{"author": newsroom.author.pk}]),
            "source": "",
            "tags": "",
            **extra,
        }
    )


def form_errors(response) -> str:
    context = response.context or {}
    form = context.get("form")
    return f"{response.status_code} {form.errors.as_json() if form else response.content.decode()[:2000]}"


def add_url(section) -> str:
    return f"/admin/pages/add/loa_news/articlepage/{section.pk}/"


def write_and_submit(newsroom, client=None) -> ArticlePage:
    client = client or as_user(newsroom.reporter)
    response = client.post(add_url(newsroom.economy), article_form(newsroom, **{"action-submit": "1"}))
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    return ArticlePage.objects.get(owner=newsroom.reporter)


def act(client, page, action: str, comment: str | None = None):
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    data = {"comment": comment} if comment is not None else {}
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", data)


def denied(response) -> bool:
    """Wagtail answers a forbidden admin action with 403, or a redirect to the dashboard with a message."""
    return response.status_code == HTTPStatus.FORBIDDEN or (
        response.status_code == HTTPStatus.FOUND and response.url == "/admin/"
    )


def current_step(page) -> str | None:
    state = WorkflowState.objects.filter(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS).first()
    return state.current_task_state.task.name if state else None


def test_workflow_is_preset_on_the_whole_tree():
    workflow = Workflow.objects.get(name="Quy trình duyệt tin bài")
    assert [task.name for task in workflow.tasks] == ["Chờ biên tập", "Chờ duyệt"]
    assert Page.get_first_root_node().get_workflow() == workflow


def test_the_full_path_from_draft_to_published(newsroom):
    reporter, editor, approver = as_user(newsroom.reporter), as_user(newsroom.editor), as_user(newsroom.approver)

    # Nháp: the reporter saves a draft (not public), then submits it.
    response = reporter.post(add_url(newsroom.economy), article_form(newsroom))
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    article = ArticlePage.objects.get()
    assert not article.live and article.status_string == "bản nháp"
    assert current_step(article) is None

    mail.outbox.clear()
    response = reporter.post(f"/admin/pages/{article.pk}/edit/", article_form(newsroom, **{"action-submit": "1"}))
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    article.refresh_from_db()
    assert current_step(article) == "Chờ biên tập"
    assert article.status_string == "chờ biên tập"
    # Only the section's editors (and approvers, who may edit everything) are told.
    notified = {address for message in mail.outbox for address in message.to}
    assert newsroom.editor.email in notified
    assert newsroom.politics_editor.email not in notified
    assert newsroom.reporter.email not in notified

    # While it waits, the reporter cannot change it.
    response = reporter.get(f"/admin/pages/{article.pk}/edit/")
    assert "locked" in response.content.decode() or response.status_code == HTTPStatus.OK
    assert article.permissions_for_user(newsroom.reporter).page_locked()

    # Chờ biên tập: the section editor passes it on; approvers get the next mail.
    mail.outbox.clear()
    assert act(editor, article, "approve").status_code == HTTPStatus.FOUND
    assert current_step(article) == "Chờ duyệt"
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert newsroom.approver.email in {address for message in mail.outbox for address in message.to}

    # Chờ duyệt: the leader approves, which publishes it.
    mail.outbox.clear()
    assert act(approver, article, "approve").status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.live and current_step(article) is None
    assert article.status_string == "đã xuất bản"
    assert newsroom.reporter.email in {address for message in mail.outbox for address in message.to}
    assert Client().get(article.url).status_code == HTTPStatus.OK


def test_editor_returns_the_article_with_a_comment(newsroom):
    article = write_and_submit(newsroom)
    mail.outbox.clear()
    response = act(as_user(newsroom.editor), article, "reject", comment="Cần bổ sung số liệu quý III.")
    assert response.status_code == HTTPStatus.FOUND
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.filter(workflow_state=state).latest("pk").comment == "Cần bổ sung số liệu quý III."
    # The author is told, with the comment, in Vietnamese.
    to_author = [m for m in mail.outbox if newsroom.reporter.email in m.to]
    assert to_author and "Cần bổ sung số liệu quý III." in to_author[0].body
    # Back with the author: editable again, not public.
    assert not ArticlePage.objects.get(pk=article.pk).live
    response = as_user(newsroom.reporter).get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == HTTPStatus.OK
    assert not article.permissions_for_user(newsroom.reporter).page_locked()


def test_editor_of_another_section_cannot_act(newsroom):
    article = write_and_submit(newsroom)
    response = act(as_user(newsroom.politics_editor), article, "approve")
    assert denied(response)
    assert current_step(article) == "Chờ biên tập"
    # Nor does the article appear among the reviews waiting for them.
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    assert task_state in TaskState.objects.reviewable_by(newsroom.editor)
    assert task_state not in TaskState.objects.reviewable_by(newsroom.politics_editor)
    assert task_state not in TaskState.objects.reviewable_by(newsroom.reporter)


def test_editor_cannot_skip_the_approval_step(newsroom):
    article = write_and_submit(newsroom)
    editor = as_user(newsroom.editor)
    act(editor, article, "approve")
    # At "Chờ duyệt" the editor has no action and publishing directly does nothing.
    assert denied(act(editor, article, "approve"))
    editor.post(f"/admin/pages/{article.pk}/edit/", article_form(newsroom, **{"action-publish": "1"}))
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_reporter_cannot_publish(newsroom):
    reporter = as_user(newsroom.reporter)
    reporter.post(add_url(newsroom.economy), article_form(newsroom, **{"action-publish": "1"}))
    article = ArticlePage.objects.get()
    assert not article.live


def test_approver_publishes_and_unpublishes_directly(newsroom):
    approver = as_user(newsroom.approver)
    response = approver.post(add_url(newsroom.politics), article_form(newsroom, **{"action-publish": "1"}))
    assert response.status_code == HTTPStatus.FOUND
    article = ArticlePage.objects.get()
    assert article.live
    assert approver.post(f"/admin/pages/{article.pk}/unpublish/").status_code == HTTPStatus.FOUND
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_approver_sees_the_audit_log_of_every_section(newsroom):
    write_and_submit(newsroom)
    as_user(newsroom.approver).post(add_url(newsroom.politics), article_form(newsroom, title="Kỳ họp HĐND tỉnh"))
    response = as_user(newsroom.approver).get("/admin/reports/site-history/results/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Doanh nghiệp nhỏ tăng tốc chuyển đổi số" in html and "Kỳ họp HĐND tỉnh" in html
    # The page's own history too.
    article = ArticlePage.objects.get(owner=newsroom.reporter)
    assert as_user(newsroom.approver).get(f"/admin/pages/{article.pk}/history/").status_code == HTTPStatus.OK
    # A reporter of another section does not see this section's entries.
    html = as_user(newsroom.politics_reporter).get("/admin/reports/site-history/results/").content.decode()
    assert "Doanh nghiệp nhỏ tăng tốc chuyển đổi số" not in html


def test_a_locked_page_cannot_be_edited_by_others(newsroom):
    response = as_user(newsroom.reporter).post(add_url(newsroom.economy), article_form(newsroom))
    article = ArticlePage.objects.get()
    editor = as_user(newsroom.editor)
    assert editor.post(f"/admin/pages/{article.pk}/lock/").status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.locked and article.locked_by == newsroom.editor
    response = as_user(newsroom.reporter).post(
        f"/admin/pages/{article.pk}/edit/", article_form(newsroom, title="Sửa khi đang khóa")
    )
    assert ArticlePage.objects.get(pk=article.pk).draft_title != "Sửa khi đang khóa"
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)


def test_scheduled_publishing_and_unpublishing_take_effect(newsroom):
    from django.core.management import call_command

    approver = as_user(newsroom.approver)
    go_live = (timezone.now() + dt.timedelta(minutes=1)).astimezone(timezone.get_current_timezone())
    expire = go_live + dt.timedelta(minutes=2)
    fmt = "%Y-%m-%d %H:%M"
    response = approver.post(
        add_url(newsroom.economy),
        article_form(
            newsroom, go_live_at=go_live.strftime(fmt), expire_at=expire.strftime(fmt), **{"action-publish": "1"}
        ),
    )
    assert response.status_code == HTTPStatus.FOUND, form_errors(response)
    article = ArticlePage.objects.get()
    assert not article.live and article.status_string == "đã lên lịch"

    # The admin shows the time as typed, in Asia/Ho_Chi_Minh.
    html = approver.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert go_live.strftime("%H:%M") in html

    from wagtail.models import Revision

    from loa.core.tasks import publish_scheduled

    # A minute later (moved back rather than waiting): the worker's next run publishes it.
    revision = Revision.objects.get(object_id=str(article.pk), approved_go_live_at__isnull=False)
    past = timezone.now() - dt.timedelta(seconds=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    publish_scheduled.call()
    article.refresh_from_db()
    assert article.live

    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))
    publish_scheduled.call()
    article.refresh_from_db()
    assert not article.live and article.expired
    call_command("publish_scheduled")  # a second run changes nothing
    article.refresh_from_db()
    assert not article.live
