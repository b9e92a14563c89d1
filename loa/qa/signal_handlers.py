"""Keep questions in step with their pages and deadlines with the agency's calendar.

An approver may unpublish or delete an answer page from Wagtail's page explorer
rather than from the question: the question then goes back to "in progress".
Adding a day off (a Tết bridging day announced late) moves the deadlines of the
questions still open.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_unpublished

from .models import AgencyDay, QASettings, Question, QuestionPage, deadline_for, work_calendar


@receiver(page_unpublished, sender=QuestionPage, dispatch_uid="loa_qa_page_unpublished")
def question_back_in_progress(sender, instance, **kwargs):
    Question.objects.filter(page_id=instance.pk, status=Question.Status.ANSWERED).update(
        status=Question.Status.IN_PROGRESS
    )


@receiver(pre_delete, sender=QuestionPage, dispatch_uid="loa_qa_page_deleted")
def question_page_deleted(sender, instance, **kwargs):
    Question.objects.filter(page_id=instance.pk, status=Question.Status.ANSWERED).update(
        status=Question.Status.IN_PROGRESS
    )


@receiver(pre_delete, sender=Question, dispatch_uid="loa_qa_question_deleted")
def unpublish_deleted_question(sender, instance, **kwargs):
    """A question deleted (at the asker's request, say) takes its public page off the portal."""
    if instance.page_id and (page := QuestionPage.objects.filter(pk=instance.page_id, live=True).first()):
        page.unpublish()


def recompute_deadlines() -> int:
    """Deadlines of the open questions under today's calendar and setting; the number changed."""
    calendar = work_calendar()
    changed = 0
    with transaction.atomic():
        for question in Question.objects.open().only("pk", "received_at", "deadline"):
            deadline = deadline_for(question.received_at, calendar)
            if deadline != question.deadline:
                Question.objects.filter(pk=question.pk).update(deadline=deadline)
                changed += 1
    return changed


@receiver(post_save, sender=AgencyDay, dispatch_uid="loa_qa_day_saved")
@receiver(post_delete, sender=AgencyDay, dispatch_uid="loa_qa_day_deleted")
@receiver(post_save, sender=QASettings, dispatch_uid="loa_qa_settings_saved")
def calendar_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return  # loading fixtures
    recompute_deadlines()
