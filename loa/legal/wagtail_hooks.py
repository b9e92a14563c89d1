"""The "Văn bản" admin menu: the lists staff keep, and the import from a sheet.

The documents themselves are pages, added and published in the page explorer
under "Văn bản" like articles (revisions, workflow, audit log).
"""

from __future__ import annotations

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DocumentType, IssuingBody, IssuingLevel, Sector, Signer
from .views import LegalImportView, index_pages_for


class ListViewSet(SnippetViewSet):
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


class DocumentTypeViewSet(ListViewSet):
    model = DocumentType
    icon = "tag"


class IssuingBodyViewSet(ListViewSet):
    model = IssuingBody
    icon = "site"


class IssuingLevelViewSet(ListViewSet):
    model = IssuingLevel
    icon = "list-ol"


class SectorViewSet(ListViewSet):
    model = Sector
    icon = "folder-open-inverse"


class SignerViewSet(ListViewSet):
    model = Signer
    icon = "user"
    list_display = ["name", "position", "sort_order"]


class LegalImportViewSet(ViewSet):
    name = "legal_import"
    url_prefix = "legal/import"
    icon = "upload"
    menu_label = _("Import from a sheet")

    @cached_property
    def menu_item_class(self):
        class ImportMenuItem(MenuItem):
            def is_shown(self, request):
                return bool(index_pages_for(request.user))

        return ImportMenuItem

    def get_urlpatterns(self):
        return [path("", LegalImportView.as_view(header_icon=self.icon), name="index")]


class LegalViewSetGroup(ViewSetGroup):
    menu_label = _("Legal documents")
    menu_icon = "doc-full-inverse"
    menu_order = 460
    items = (
        DocumentTypeViewSet,
        IssuingBodyViewSet,
        IssuingLevelViewSet,
        SectorViewSet,
        SignerViewSet,
        LegalImportViewSet,
    )


@hooks.register("register_admin_viewset")
def register_legal_menu():
    return LegalViewSetGroup()
