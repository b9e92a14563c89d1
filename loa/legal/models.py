"""Legal documents (văn bản): the staff-managed lists, the document page, its files and relations."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from loa.core.models import BasePage
from loa.core.text import vn_slugify
from loa.core.versioning import LoaPageManager
from loa.search.text import fold, nfc

from . import status as document_status
from .admin_forms import LegalDocumentPageForm
from .files import attachment_error

# --- The lists staff keep (snippets) ------------------------------------------------------------


class ListEntry(index.Indexed, models.Model):
    """One value of a list an agency adapts without a developer (a type, a body, a field…)."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    sort_order = models.IntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the lists; then alphabetical.")
    )

    panels: ClassVar[list] = [FieldPanel("name"), FieldPanel("sort_order")]
    search_fields: ClassVar[list] = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering: ClassVar[list[str]] = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name = " ".join(nfc(self.name).split())
        super().save(*args, **kwargs)


class DocumentType(ListEntry):
    """Loại văn bản: Quyết định, Chỉ thị, Kế hoạch…"""

    class Meta(ListEntry.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class IssuingBody(ListEntry):
    """Cơ quan ban hành: UBND tỉnh, UBND thành phố, a department…"""

    class Meta(ListEntry.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")


class IssuingLevel(ListEntry):
    """Cấp ban hành: Trung ương, Tỉnh, Xã/phường…"""

    class Meta(ListEntry.Meta):
        verbose_name = _("issuing level")
        verbose_name_plural = _("issuing levels")


class Sector(ListEntry):
    """Lĩnh vực: the area of administration a document governs."""

    class Meta(ListEntry.Meta):
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")


class Signer(ListEntry):
    """Người ký, with the position printed under the signature."""

    position = models.CharField(
        _("position"), max_length=255, blank=True, help_text=_("e.g. Chủ tịch Ủy ban nhân dân thành phố")
    )

    panels: ClassVar[list] = [FieldPanel("name"), FieldPanel("position"), FieldPanel("sort_order")]

    class Meta(ListEntry.Meta):
        verbose_name = _("signer")
        verbose_name_plural = _("signers")

    def __str__(self) -> str:
        return f"{self.name} ({self.position})" if self.position else self.name


# --- Pages ----------------------------------------------------------------------------------------


class LegalDocumentIndexPage(BasePage, Page):
    """Văn bản: every published document, with filters, search, sorting and pages."""

    objects = LoaPageManager()

    intro = models.TextField(_("description"), blank=True)

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["loa_home.HomePage"]
    subpage_types: ClassVar[list[str]] = ["loa_legal.LegalDocumentPage"]
    template = "legal/legal_document_index_page.html"
    max_count_per_parent = 1
    show_sidebar = False

    class Meta:
        verbose_name = _("legal documents list")
        verbose_name_plural = _("legal documents lists")

    def get_context(self, request, *args, **kwargs):
        from .listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


def number_key(number: str) -> str:
    """The number as duplicates are compared: '123/QĐ-UBND' and '123/qd-ubnd ' are the same document."""
    return "".join(fold(number).split())


def number_sort_key(number: str) -> str:
    """Sorts '9/KH-UBND' before '45/QĐ-UBND' before '123/QĐ-UBND', as people read numbers."""
    key = number_key(number)
    match = re.match(r"\d+", key)
    if match is None:
        return key
    return match.group().zfill(12) + key[match.end() :]


class LegalDocumentPage(BasePage, Page):
    """One legal document: its register entry (số ký hiệu, dates, signer…) and its files."""

    objects = LoaPageManager()

    number = models.CharField(_("document number"), max_length=50, help_text=_("e.g. 123/QĐ-UBND"))
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("document type"), on_delete=models.PROTECT, related_name="documents"
    )
    issuing_body = models.ForeignKey(
        IssuingBody, verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="documents"
    )
    issuing_level = models.ForeignKey(
        IssuingLevel, verbose_name=_("issuing level"), on_delete=models.PROTECT, related_name="documents"
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("field of activity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    signer = models.ForeignKey(
        Signer, verbose_name=_("signer"), null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    issued_on = models.DateField(_("date of issue"))
    effective_from = models.DateField(
        _("date of effect"), null=True, blank=True, help_text=_("Leave empty if it takes effect on the day of issue.")
    )
    effective_until = models.DateField(
        _("expiry date"), null=True, blank=True, help_text=_("The first day on which it no longer applies.")
    )
    summary = models.TextField(_("summary"), help_text=_("Trích yếu: what the document is about."))
    # Kept in step by save(): the list searches and sorts on them in the database.
    folded_text = models.TextField(editable=False, blank=True)
    number_key = models.CharField(max_length=80, editable=False, blank=True, db_index=True)
    number_sort = models.CharField(max_length=100, editable=False, blank=True, db_index=True)

    content_panels: ClassVar[list] = [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("document_type"), FieldPanel("summary"), FieldPanel("title")],
            heading=_("Document"),
        ),
        MultiFieldPanel(
            [FieldPanel("issuing_body"), FieldPanel("issuing_level"), FieldPanel("sector"), FieldPanel("signer")],
            heading=_("Issued by"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_from"), FieldPanel("effective_until")])],
            heading=_("Dates"),
        ),
        InlinePanel("attachments", heading=_("Attached files"), label=_("File")),
        InlinePanel("relations", heading=_("Related documents"), label=_("Relation")),
    ]
    search_fields: ClassVar[list] = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.AutocompleteField("number"),
    ]
    base_form_class = LegalDocumentPageForm
    parent_page_types: ClassVar[list[str]] = ["loa_legal.LegalDocumentIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "legal/legal_document_page.html"
    route_select_related = ("document_type", "issuing_body", "issuing_level", "sector", "signer")

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        indexes: ClassVar[list] = [models.Index(fields=["issued_on"], name="loa_legal_issued_on")]

    def default_title(self) -> str:
        """'Quyết định số 123/QĐ-UBND', the heading used when staff give no title."""
        return f"{self.document_type.name} số {self.number}" if self.document_type_id else self.number

    def _set_core_field_defaults(self) -> None:
        """'quyet-dinh-so-123-qd-ubnd': the number's slash becomes a hyphen instead of gluing its parts."""
        if not self.slug and self.title and (self.path or getattr(self, "_cached_parent_obj", None)):
            base = vn_slugify(self.title.replace("/", " "))
            if base:
                self.slug = self._get_autogenerated_slug(base)
        super()._set_core_field_defaults()

    def clean(self) -> None:
        super().clean()
        errors = date_errors(self.issued_on, self.effective_from, self.effective_until)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.number = nfc(self.number.strip())
        self.summary = nfc(self.summary.strip())
        self.folded_text = fold(f"{self.number} {self.summary}")
        self.number_key = number_key(self.number)
        self.number_sort = number_sort_key(self.number)
        return super().save(*args, **kwargs)

    def search_text(self) -> str:
        """What the site search indexes besides the title."""
        parts = [self.number, self.summary, self.document_type.name, self.issuing_body.name]
        if self.signer_id:
            parts.append(self.signer.name)
        return " ".join(parts)

    @property
    def effective_start(self) -> dt.date:
        return self.effective_from or self.issued_on

    @property
    def status(self) -> document_status.Status:
        return document_status.status_of(
            self.issued_on, self.effective_from, self.effective_until, document_status.today()
        )

    @property
    def status_label(self) -> str:
        return document_status.PUBLIC_LABELS[self.status]

    def files(self) -> list:
        return [item.document for item in self.attachments.select_related("document")]

    def related_documents(self) -> list[tuple[str, LegalDocumentPage]]:
        """(relation as read from this document, other document), both directions, live ones only."""
        outgoing = [
            (RELATION_LABELS[relation.kind][0], relation.target)
            for relation in self.relations.select_related("target").filter(target__live=True)
        ]
        incoming = [
            (RELATION_LABELS[relation.kind][1], relation.page)
            for relation in DocumentRelation.objects.filter(target=self, page__live=True)
            .select_related("page")
            .order_by("page__issued_on", "page__pk")
        ]
        return outgoing + incoming

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        files = self.files()
        context["files"] = files
        context["preview"] = next((document for document in files if document.file_extension == "pdf"), None)
        context["related"] = self.related_documents()
        context["print_view"] = request.GET.get("print") == "1"
        return context


def date_errors(issued_on, effective_from, effective_until) -> dict[str, str]:
    """Dates that cannot be right, by field: shared by the page editor and the import."""
    errors: dict[str, str] = {}
    if issued_on and effective_from and effective_from < issued_on:
        errors["effective_from"] = _("The date of effect cannot be before the date of issue.")
    start = effective_from or issued_on
    if start and effective_until and effective_until <= start:
        errors["effective_until"] = _("The expiry date must be after the date of effect.")
    return errors


# --- Files and relations --------------------------------------------------------------------------


class DocumentAttachment(Orderable):
    """A file of the document (the signed PDF, a DOC/DOCX annex), kept as a Wagtail document."""

    page = ParentalKey(LegalDocumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )

    panels: ClassVar[list] = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def clean(self) -> None:
        super().clean()
        if self.document_id and (error := attachment_error(self.document)):
            raise ValidationError({"document": error})


class RelationKind(models.TextChoices):
    REPLACES = "replaces", _("replaces")
    AMENDS = "amends", _("amends or supplements")


#: How the relation reads on each side: (from the document holding it, from its target).
RELATION_LABELS = {
    RelationKind.REPLACES: ("Thay thế văn bản", "Bị thay thế bởi"),
    RelationKind.AMENDS: ("Sửa đổi, bổ sung văn bản", "Được sửa đổi, bổ sung bởi"),
}


class DocumentRelation(Orderable):
    """'This document replaces / amends that one', stored once on the newer document.

    The other direction ("is replaced by", "is amended by") is read from the target's side,
    so the two can never disagree.
    """

    page = ParentalKey(LegalDocumentPage, related_name="relations", on_delete=models.CASCADE)
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices, default=RelationKind.REPLACES)
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )

    panels: ClassVar[list] = [FieldRowPanel([FieldPanel("kind"), FieldPanel("target")])]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")

    def clean(self) -> None:
        super().clean()
        if self.page_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("A document cannot be related to itself.")})
