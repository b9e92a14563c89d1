"""Admin views of the legal documents module."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from loa.core.sheets import SheetImportView

from .importer import LegalDocumentImporter
from .models import LegalDocumentIndexPage, LegalDocumentPage


def index_pages_for(user) -> list[LegalDocumentIndexPage]:
    """The "Văn bản" pages under which this user may create documents (page permissions, as in the editor)."""
    if not user.is_authenticated:
        return []
    return [
        index
        for index in LegalDocumentIndexPage.objects.order_by("path")
        if index.permissions_for_user(user).can_add_subpage()
        and LegalDocumentPage in index.specific_class.allowed_subpage_models()
    ]


class LegalImportView(SheetImportView):
    """Import needs what adding one document in the editor needs: "add" on the "Văn bản" page."""

    importer_class = LegalDocumentImporter
    page_title = _("Import legal documents")

    def has_permission(self, request: HttpRequest) -> bool:
        return self.index_page is not None

    @cached_property
    def index_page(self) -> LegalDocumentIndexPage | None:
        pages = index_pages_for(self.request.user)
        wanted = self.request.GET.get("index") or self.request.POST.get("index")
        if wanted:
            return next((page for page in pages if str(page.pk) == wanted), None)
        return pages[0] if pages else None

    def get_importer_context(self) -> dict[str, Any]:
        return {"parent": self.index_page, "user": self.request.user}

    @property
    def success_url(self) -> str:
        return reverse("wagtailadmin_explore", args=[self.index_page.pk])
