"""The "Hỏi đáp" admin menu: the question queue, topics, units, the agency's days off and working days."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_forms import QuestionAdminForm
from .admin_views import QuestionEditView, QuestionIndexView, attachment
from .models import AgencyDay, Question, Topic, Unit
from .panels import QuestionSummaryPanel


class QuestionViewSet(ModelViewSet):
    """Questions come from citizens: there is no "add", and no copy."""

    model = Question
    name = "qa_questions"
    url_prefix = "qa/questions"
    icon = "help"
    menu_label = _("Questions")
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 30
    edit_handler = ObjectList(
        [
            QuestionSummaryPanel(heading=_("Question received")),
            MultiFieldPanel([FieldPanel("topic"), FieldPanel("unit")], heading=_("Handling")),
            FieldPanel("answer"),
            FieldPanel("rejection_reason"),
        ],
        base_form_class=QuestionAdminForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("attachment/<int:pk>/", attachment, name="attachment"),
        ]

    def get_permissions_to_register(self):
        """All of them (view and publish_answer too), so the group editor offers each."""
        return Permission.objects.filter(content_type__app_label="loa_qa", content_type__model="question")


class TopicViewSet(ModelViewSet):
    model = Topic
    name = "qa_topics"
    url_prefix = "qa/topics"
    icon = "tag"
    menu_label = _("Topics")
    copy_view_enabled = False
    list_display = ["name", "sort_order", "active"]


class UnitViewSet(ModelViewSet):
    model = Unit
    name = "qa_units"
    url_prefix = "qa/units"
    icon = "group"
    menu_label = _("Answering units")
    copy_view_enabled = False
    list_display = ["name", "email", "active"]


class AgencyDayViewSet(ModelViewSet):
    model = AgencyDay
    name = "qa_agency_days"
    url_prefix = "qa/agency-days"
    icon = "date"
    menu_label = _("Days off and working days")
    copy_view_enabled = False
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]


class QAViewSetGroup(ViewSetGroup):
    menu_label = _("Citizen questions")
    menu_icon = "help"
    menu_order = 460
    items = (QuestionViewSet, TopicViewSet, UnitViewSet, AgencyDayViewSet)
