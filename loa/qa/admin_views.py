"""The moderation queue, the question form with its steps, the attachment download, the dashboard counts.

Who may do what (roles.py): editors (Biên tập viên, ``change_question``) sort the
queue, assign units, draft answers and reject what is not for the agency; leaders
(Lãnh đạo duyệt, ``publish_answer``) publish and unpublish answers, which speak for
the agency in public.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.log_actions import log

from loa.core.formats import vn_date

from . import attachments, services
from .filters import QuestionFilterSet
from .models import Question

PUBLISH_PERMISSION = "loa_qa.publish_answer"
CHANGE_PERMISSION = "loa_qa.change_question"
VIEW_PERMISSIONS = ("loa_qa.change_question", "loa_qa.view_question")


def can_handle(user) -> bool:
    return bool(user and user.has_perm(CHANGE_PERMISSION))


def can_publish(user) -> bool:
    return bool(user and user.has_perm(PUBLISH_PERMISSION))


def can_see_questions(user) -> bool:
    return bool(user and any(user.has_perm(permission) for permission in VIEW_PERMISSIONS))


class DeadlineColumn(Column):
    """The due date, and for open questions past it a warning icon and the words "Quá hạn"."""

    cell_template_name = "qa/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(date=vn_date(instance.deadline), overdue=instance.is_overdue())
        return context


class QuestionIndexView(IndexView):
    """New questions first, then the others by how soon they are due."""

    any_permission_required = ["change", "view"]
    filterset_class = QuestionFilterSet
    default_ordering = ("queue_rank", "deadline", "-received_at")
    search_fields = ["code", "title", "text", "asker_name"]
    search_backend_name = None

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("topic", "unit")
            .annotate(
                queue_rank=Case(
                    When(status=Question.Status.NEW, then=Value(0)),
                    When(status=Question.Status.IN_PROGRESS, then=Value(1)),
                    When(status=Question.Status.ANSWERED, then=Value(2)),
                    default=Value(3),
                    output_field=IntegerField(),
                )
            )
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("code"),
            Column("title", label=_("Title")),
            Column("topic", label=_("Topic"), sort_key="topic__name"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda question: question.status == Question.Status.NEW,
                sort_key="queue_rank",
            ),
            Column("unit", label=_("Answering unit"), sort_key="unit__name"),
            Column("received", label=_("Received"), accessor=lambda q: vn_date(q.received_at), sort_key="received_at"),
            DeadlineColumn("deadline", label=_("Answer due"), sort_key="deadline"),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


class QuestionEditView(EditView):
    """Save the draft, or take a step: publish, unpublish, reject, reopen (buttons in the footer)."""

    template_name = "qa/admin/edit.html"
    actions = ["edit", "publish", "unpublish", "reject", "reopen"]
    submit_button_label = gettext_lazy("Save")
    success_messages = {
        "edit": gettext_lazy("Question “%(object)s” saved."),
        "publish": gettext_lazy("The answer to “%(object)s” is published on the portal."),
        "unpublish": gettext_lazy("The answer to “%(object)s” is no longer on the portal."),
        "reject": gettext_lazy("Question “%(object)s” rejected."),
        "reopen": gettext_lazy("Question “%(object)s” reopened."),
    }

    def get_action(self, request):
        """The step asked for; one the user may not take is refused, never quietly saved as a draft."""
        for action in self.actions[1:]:
            if request.POST.get(f"action-{action}"):
                if action not in self.permitted_actions(request.user):
                    raise PermissionDenied
                return action
        return "edit"

    @staticmethod
    def permitted_actions(user) -> list[str]:
        permitted = ["edit"]
        if can_handle(user):
            permitted += ["reject", "reopen"]
        if can_publish(user):
            permitted += ["publish", "unpublish"]
        return permitted

    def step_buttons(self) -> list[dict]:
        """The steps that make sense for this question now, for this user."""
        status = self.object.status
        permitted = self.permitted_actions(self.request.user)
        wanted = []
        if status != Question.Status.REJECTED:
            label = _("Publish the answer") if status != Question.Status.ANSWERED else _("Publish the updated answer")
            wanted.append(("publish", label, "upload"))
        if status == Question.Status.ANSWERED:
            wanted.append(("unpublish", _("Unpublish the answer"), "download"))
        if status in (Question.Status.NEW, Question.Status.IN_PROGRESS):
            wanted.append(("reject", _("Reject (reason required)"), "cross"))
        if status == Question.Status.REJECTED:
            wanted.append(("reopen", _("Reopen"), "rotate"))
        return [{"name": name, "label": label, "icon": icon} for name, label, icon in wanted if name in permitted]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.action}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["step_buttons"] = self.step_buttons()
        return context

    def save_instance(self):
        question = self.form.instance
        if "unit" in self.form.changed_data:
            services.assign(question, self.form.cleaned_data.get("unit"))
        question = super().save_instance()
        user = self.request.user
        if self.action == "publish":
            services.publish_answer(question, user)
            log(instance=question, action="loa_qa.publish_answer", user=user)
        elif self.action == "unpublish":
            services.unpublish_answer(question, user)
            log(instance=question, action="loa_qa.unpublish_answer", user=user)
        elif self.action == "reject":
            services.reject(question, user)
            log(instance=question, action="loa_qa.reject", user=user)
        elif self.action == "reopen":
            services.reopen(question)
            log(instance=question, action="loa_qa.reopen", user=user)
        return question

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.StepRefused as refusal:
            form.add_error(None, str(refusal))
            self.produced_error_message = str(refusal)
            return self.form_invalid(form)

    def get_success_message(self):
        message = self.success_messages[self.action] % {"object": self.object.code}
        if self.action in ("publish", "reject"):
            if self.object.email:
                message += " " + _("An email was sent to the asker.")
            else:
                message += " " + _("The asker gave no email address: they can follow the question with its code.")
        return message

    def get_success_url(self):
        if self.action == "edit":
            return self.get_edit_url()
        return super().get_success_url()

    def get_success_buttons(self):
        return []


def attachment(request, pk: int):
    """The asker's file, to staff who may see questions only; always as a download, never rendered inline."""
    if not can_see_questions(request.user):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    if not question.attachment:
        raise Http404
    kind = next((k for k, ext in attachments.STORED_EXTENSIONS.items() if question.attachment.name.endswith(ext)), "")
    return FileResponse(
        question.attachment.open("rb"),
        as_attachment=True,
        filename=question.attachment_name or question.attachment.name.rsplit("/", 1)[-1],
        content_type=attachments.CONTENT_TYPES.get(kind, "application/octet-stream"),
    )


class QuestionsPanel(Component):
    """Dashboard: new and overdue questions, with links to the filtered queue."""

    name = "loa_qa_questions"
    order = 90
    template_name = "qa/admin/dashboard_panel.html"

    def __init__(self, request) -> None:
        self.request = request

    def render_html(self, parent_context=None):
        if not can_see_questions(self.request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "new_count": Question.objects.filter(status=Question.Status.NEW).count(),
            "open_count": Question.objects.open().count(),
            "overdue_count": Question.objects.overdue(today).count(),
            "overdue": list(Question.objects.overdue(today).select_related("unit").order_by("deadline")[:5]),
            "today": today,
        }
