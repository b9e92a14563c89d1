"""What happens to a question: received, assigned, answered (published), unpublished, rejected.

Each step changes the question and, where the public or the asker should know,
the answer page and a mail. Mails go out after the transaction commits, so a step
that fails sends nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from loa.core.unicode import nfc

from . import attachments
from .models import Question, QuestionIndexPage, QuestionPage

logger = logging.getLogger(__name__)


class StepRefused(Exception):
    """A step that cannot be taken in the question's current state (the message says why)."""


def receive(question: Question, index_page: QuestionIndexPage, uploaded=None, kind: str | None = None) -> Question:
    """Save a new question (and its file under a random name); the asker gets a receipt by mail."""
    question.index_page = index_page
    question.status = Question.Status.NEW
    with transaction.atomic():
        if uploaded is not None and kind:
            question.attachment_name = nfc(uploaded.name)[-200:]  # NFD from some systems' file pickers
            # A random name: what the asker called the file is kept only as text (attachment_name).
            stored = secrets.token_hex(12) + attachments.STORED_EXTENSIONS[kind]
            question.attachment.save(stored, uploaded, save=False)
        question.save()
        transaction.on_commit(lambda: _mail_asker(question, "received"))
    return question


def assign(question: Question, unit, now: dt.datetime | None = None) -> None:
    """Give a question to a unit: it is then in progress, and the unit is told if it has an address."""
    question.unit = unit
    if unit is None:
        return
    if question.status == Question.Status.NEW:
        question.status = Question.Status.IN_PROGRESS
    question.assigned_at = now or timezone.now()
    if unit.email:
        transaction.on_commit(lambda: _mail_unit(question))


def publish_answer(question: Question, user, now: dt.datetime | None = None, notify: bool = True) -> QuestionPage:
    """Publish (or republish) the answer as a page under the index page; the asker is told by mail."""
    if not question.answer.strip():
        raise StepRefused(_("Write the answer before publishing it."))
    if question.unit_id is None:
        raise StepRefused(_("Choose the answering unit before publishing the answer."))
    if question.status == Question.Status.REJECTED:
        raise StepRefused(_("A rejected question cannot be answered."))
    now = now or timezone.now()
    index_page = question.index_page or QuestionIndexPage.objects.order_by("path").first()
    if index_page is None:
        raise StepRefused(_("There is no questions and answers page to publish the answer on."))
    with transaction.atomic():
        page = question.page or QuestionPage()
        page.title = question.title
        page.asker = question.public_name
        page.topic = question.topic
        page.question = question.text
        page.answer = question.answer.strip()
        page.unit_name = question.unit.name
        page.asked_at = question.received_at
        page.answered_at = page.answered_at or question.answered_at or now
        if page.pk is None:
            index_page.add_child(instance=page)
        page.save_revision(user=user, log_action=True).publish(user=user)
        question.page = page
        question.status = Question.Status.ANSWERED
        question.answered_at = question.answered_at or now
        question.answered_by = user
        question.save()
        if notify:
            transaction.on_commit(lambda: _mail_asker(question, "answered"))
    return page


def unpublish_answer(question: Question, user) -> None:
    """Take the answer off the portal; the question goes back to "in progress" with its draft kept."""
    if question.status != Question.Status.ANSWERED:
        raise StepRefused(_("Only a published answer can be unpublished."))
    with transaction.atomic():
        if question.page is not None and question.page.live:
            question.page.unpublish(user=user, log_action=True)
        question.status = Question.Status.IN_PROGRESS
        question.save(update_fields=["status"])


def reject(question: Question, user) -> None:
    """Decline to answer (spam, out of the agency's remit…): the asker is told why."""
    if not question.rejection_reason.strip():
        raise StepRefused(_("Give the reason for rejecting the question: it is sent to the asker."))
    if question.status == Question.Status.ANSWERED:
        raise StepRefused(_("Unpublish the answer before rejecting the question."))
    question.status = Question.Status.REJECTED
    question.save()
    transaction.on_commit(lambda: _mail_asker(question, "rejected"))


def reopen(question: Question) -> None:
    if question.status != Question.Status.REJECTED:
        raise StepRefused(_("Only a rejected question can be reopened."))
    question.status = Question.Status.IN_PROGRESS if question.unit_id else Question.Status.NEW
    question.save(update_fields=["status"])


# --- mail -------------------------------------------------------------------------------------


def _agency_name() -> str:
    from loa.core.models import AgencySettings

    site = Site.objects.filter(is_default_site=True).first()
    return AgencySettings.for_site(site).name if site else ""


def _follow_url(question: Question) -> str:
    index_page = question.index_page or QuestionIndexPage.objects.order_by("path").first()
    return (index_page.full_url + "tra-cuu/") if index_page and index_page.full_url else ""


def _mail_asker(question: Question, kind: str) -> None:
    """Tell the asker (by email, when they gave one): kind is received, answered or rejected."""
    if not question.email:
        return
    question = Question.objects.select_related("unit", "page", "index_page").get(pk=question.pk)
    subjects = {
        "received": f"Đã nhận câu hỏi của bạn – mã {question.code}",
        "answered": f"Câu hỏi {question.code} đã được trả lời",
        "rejected": f"Phản hồi về câu hỏi {question.code}",
    }
    context = {
        "question": question,
        "agency": _agency_name(),
        "follow_url": _follow_url(question),
        "page_url": question.page.full_url if question.page and question.page.live else "",
    }
    body = render_to_string(f"qa/mail/{kind}.txt", context)
    _send(subjects[kind], body, question.email)


def _mail_unit(question: Question) -> None:
    question = Question.objects.select_related("unit").get(pk=question.pk)
    if not question.unit or not question.unit.email:
        return
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    context = {"question": question, "admin_url": base + reverse("qa_questions:edit", args=[question.pk])}
    body = render_to_string("qa/mail/assigned.txt", context)
    _send(f"Giao trả lời câu hỏi {question.code}", body, question.unit.email)


def _send(subject: str, body: str, to: str) -> None:
    try:
        send_mail(subject, body, None, [to])
    except Exception:  # a mail server down must not undo or hide the step that was taken
        logger.exception("could not send the question mail %r to %s", subject, to)
