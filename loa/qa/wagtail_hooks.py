from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem

from .admin_views import QuestionsPanel, can_see_questions
from .viewsets import QAViewSetGroup


@hooks.register("register_admin_viewset")
def register_qa_menu():
    return QAViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_questions_panel(request, panels):
    panels.append(QuestionsPanel(request))


class OverdueSummaryItem(SummaryItem):
    """ "N câu hỏi quá hạn" in the dashboard's summary line, for staff who handle questions."""

    order = 450
    template_name = "qa/admin/summary_item.html"

    def get_context_data(self, parent_context):
        from .models import Question

        return {"overdue_count": Question.objects.overdue().count()}

    def is_shown(self):
        return can_see_questions(self.request.user)


@hooks.register("construct_homepage_summary_items")
def add_overdue_summary(request, items):
    items.append(OverdueSummaryItem(request))


@hooks.register("register_log_actions")
def register_qa_log_actions(actions):
    actions.register_action("loa_qa.publish_answer", _("Publish the answer"), _("Answer published"))
    actions.register_action("loa_qa.unpublish_answer", _("Unpublish the answer"), _("Answer unpublished"))
    actions.register_action("loa_qa.reject", _("Reject the question"), _("Question rejected"))
    actions.register_action("loa_qa.reopen", _("Reopen the question"), _("Question reopened"))


@hooks.register("insert_global_admin_css")
def qa_admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("qa/admin.css"))
