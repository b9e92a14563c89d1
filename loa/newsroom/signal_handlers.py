"""Section teams follow the sections; section editors get the review e-mails."""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from loa.news.models import SectionPage

from .models import SectionReviewTask
from .roles import ensure_section_team


def is_top_level_section(page: SectionPage) -> bool:
    """Sections directly under a home page get a team; sub-sections inherit their parent's."""
    parent = page.get_parent()
    return parent is not None and not isinstance(parent.specific_deferred, SectionPage)


@receiver(post_save, sender=SectionPage, dispatch_uid="loa_newsroom_section_team")
def section_saved(sender, instance: SectionPage, raw: bool = False, **kwargs) -> None:
    if raw or not instance.pk or instance.depth is None:
        return
    if is_top_level_section(instance):
        ensure_section_team(global_apps, instance)


class SectionReviewSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Mail the editors of the article's section when it reaches the editing step.

    Wagtail's notifier handles its group approval task only; this one uses the
    task's own reviewers with the same templates and preferences.
    """

    notification = "submitted"

    def can_handle(self, instance, **kwargs) -> bool:
        return isinstance(instance, TaskState) and isinstance(instance.task.specific, SectionReviewTask)

    def get_recipient_users(self, task_state: TaskState, **kwargs):
        page = task_state.workflow_state.content_object
        recipients = task_state.task.specific.reviewers(page)
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return recipients

    def get_template_base_prefix(self, instance, **kwargs) -> str:
        return "task_state_"


section_review_notifier = SectionReviewSubmissionNotifier()
task_submitted.connect(section_review_notifier, sender=TaskState, dispatch_uid="loa_section_review_submitted_email")

__all__ = ["get_user_model", "section_saved", "section_review_notifier"]
