"""The "Thủ tục hành chính" admin menu: the list (filters by field, level, service level) and its imports."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from .importer import ProcedureImportView, ProcedureUpdateImportView
from .models import Procedure


class ProcedureIndexView(IndexView):
    """The list, with buttons to import new procedures or update listed ones from a sheet."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        user = self.request.user
        if user.has_perm("loa_procedures.add_procedure"):
            buttons.append(HeaderButton(_("Import"), url=reverse("procedures:import"), icon_name="upload"))
            if user.has_perm("loa_procedures.change_procedure"):
                buttons.append(
                    HeaderButton(_("Import and update"), url=reverse("procedures:import_update"), icon_name="upload")
                )
        return buttons


class ProcedureViewSet(ModelViewSet):
    model = Procedure
    name = "procedures"
    url_prefix = "procedures"
    icon = "list-ul"
    menu_label = _("Administrative procedures")
    menu_order = 470
    add_to_admin_menu = True
    index_view_class = ProcedureIndexView
    copy_view_enabled = False
    list_per_page = 50
    list_display = ["code", "name", "field", "level", "service_level"]
    list_filter = ["field", "level", "service_level"]
    search_fields = ["code", "name", "field"]
    search_backend_name = None

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", ProcedureImportView.as_view(header_icon="upload"), name="import"),
            path("import/update/", ProcedureUpdateImportView.as_view(header_icon="upload"), name="import_update"),
        ]
