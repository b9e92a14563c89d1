"""The "Nhuận bút" admin menu: article royalties, the payment list, genres and point values.

Wagtail's permission policies do the checks: editors see the articles
(``change_articleroyalty``), approvers the payment list too (``view_payroll``),
administrators the genres and point values. A reporter has none of these, so
the menu is not shown to them at all.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import ArticleRoyaltyForm
from .models import ArticleRoyalty, Genre, PointValue
from .money import format_decimal
from .panels import ArticleSummaryPanel, SharesPanel
from .permissions import can_view_payroll
from .views import ArticleRoyaltyEditView, ArticleRoyaltyIndexView, PayrollView, PayrollXlsxView
from .widgets import points_input


class ArticleRoyaltyViewSet(ModelViewSet):
    """Lists articles and edits each one's royalty at the article's id (no separate "add")."""

    model = ArticleRoyalty
    name = "article_royalties"
    url_prefix = "royalties/articles"
    icon = "doc-full"
    menu_label = _("Article royalties")
    index_view_class = ArticleRoyaltyIndexView
    edit_view_class = ArticleRoyaltyEditView
    copy_view_enabled = False
    list_per_page = 30
    search_fields = ["title"]
    search_backend_name = None
    edit_template_name = "royalties/edit.html"
    edit_handler = ObjectList(
        [
            ArticleSummaryPanel(heading=_("Article")),
            FieldRowPanel([FieldPanel("genre"), FieldPanel("points", widget=points_input())]),
            SharesPanel("shares", heading=_("People paid"), label=_("Person paid")),
            FieldPanel("note"),
        ],
        base_form_class=ArticleRoyaltyForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, delete_url_name=None, usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]

    def get_permissions_to_register(self):
        """All of them, so administrators can give "view" and "see the payment list" in the group editor."""
        return Permission.objects.filter(content_type__app_label="loa_royalties", content_type__model="articleroyalty")


class PayrollViewSet(ViewSet):
    name = "royalty_payroll"
    url_prefix = "royalties/payroll"
    icon = "table"
    menu_label = _("Payment list")

    @cached_property
    def menu_item_class(self):
        class PayrollMenuItem(MenuItem):
            def is_shown(self, request):
                return can_view_payroll(request.user)

        return PayrollMenuItem

    def get_urlpatterns(self):
        return [
            path("", PayrollView.as_view(header_icon=self.icon), name="index"),
            path("xlsx/", PayrollXlsxView.as_view(), name="xlsx"),
        ]


class GenreViewSet(ModelViewSet):
    model = Genre
    name = "royalty_genres"
    url_prefix = "royalties/genres"
    icon = "tag"
    copy_view_enabled = False
    list_display = [
        "name",
        "category",
        Column(
            "min_points", label=capfirst(_("fewest points")), accessor=lambda genre: format_decimal(genre.min_points)
        ),
        Column("max_points", label=capfirst(_("most points")), accessor=lambda genre: format_decimal(genre.max_points)),
    ]
    list_filter = ["category"]
    ordering = "sort_order"


class PointValueViewSet(ModelViewSet):
    model = PointValue
    name = "royalty_point_values"
    url_prefix = "royalties/point-values"
    icon = "decimal"
    copy_view_enabled = False
    list_display = ["__str__", "note"]


class RoyaltiesViewSetGroup(ViewSetGroup):
    menu_label = _("Royalties")
    menu_icon = "clipboard-list"
    menu_order = 450
    items = (ArticleRoyaltyViewSet, PayrollViewSet, GenreViewSet, PointValueViewSet)
