"""Administrative procedures (thủ tục hành chính) the agency handles, linked to the national portal.

The portal does not re-publish each procedure's dossier and fees: the National Public Service
Portal (Cổng Dịch vụ công quốc gia) is the authority, so each row links to its page there.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import quote, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Page

from loa.core.models import BasePage
from loa.search.text import fold, nfc, words

NATIONAL_PORTAL_HOST = "dichvucong.gov.vn"
NATIONAL_PORTAL_PAGE = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"

code_validator = RegexValidator(
    re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]*$"),
    _("Use the code of the national database: digits, letters, dots and hyphens, e.g. 1.001234.000.00.00.H31."),
)


def validate_portal_url(value: str) -> None:
    """Only https addresses of a public-service portal on gov.vn: a citizen following the link must land
    on the State's portal, not on a look-alike site or an unencrypted page."""
    URLValidator(schemes=["https"], message=_("Enter a web address starting with https://."))(value)
    host = (urlsplit(value).hostname or "").lower()
    if not (host == "gov.vn" or host.endswith(".gov.vn")):
        raise ValidationError(
            _("The link must lead to a public-service portal on gov.vn, e.g. https://dichvucong.gov.vn/…")
        )


def search_text(code: str, name: str, field: str) -> str:
    """' 1.001193.000.00.00.h31 thu tuc dang ky khai sinh ho tich ': folded whole words between spaces,
    so a search matches syllables, not pieces of them ('khai tu' must not find 'thủ tục … khai sinh')."""
    return f" {fold(code)} {' '.join(words(fold(f'{name} {field}')))} "


def national_portal_url(code: str) -> str:
    return NATIONAL_PORTAL_PAGE.format(code=quote(code, safe=""))


class Level(models.TextChoices):
    CENTRAL = "central", _("Central level")
    PROVINCE = "province", _("Province level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")


class ServiceLevel(models.TextChoices):
    FULL = "full", _("Full online public service")
    PARTIAL = "partial", _("Partial online public service")
    NONE = "none", _("No online public service")


#: What citizens read: the terms the national portal uses.
PUBLIC_LEVELS = {
    Level.CENTRAL: "Cấp trung ương",
    Level.PROVINCE: "Cấp tỉnh",
    Level.DISTRICT: "Cấp huyện",
    Level.COMMUNE: "Cấp xã",
}
PUBLIC_SERVICE_LEVELS = {
    ServiceLevel.FULL: "Toàn trình",
    ServiceLevel.PARTIAL: "Một phần",
    ServiceLevel.NONE: "Không",
}


class Procedure(models.Model):
    """One procedure of the agency's list, as the national database names and codes it."""

    code = models.CharField(
        _("procedure code"),
        max_length=50,
        unique=True,
        validators=[code_validator],
        help_text=_("e.g. 1.001234.000.00.00.H31"),
    )
    name = models.CharField(_("procedure name"), max_length=500)
    field = models.CharField(_("field"), max_length=255, help_text=_("e.g. Hộ tịch, Chứng thực, Xây dựng"))
    level = models.CharField(_("level of implementation"), max_length=16, choices=Level.choices)
    service_level = models.CharField(_("online public service"), max_length=16, choices=ServiceLevel.choices)
    url = models.URLField(
        _("link to the public-service portal"),
        max_length=500,
        blank=True,
        validators=[validate_portal_url],
        help_text=_("Left empty: the procedure's page on the National Public Service Portal, from its code."),
    )
    search_text = models.TextField(editable=False, default="")

    panels: ClassVar[list] = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("field"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("service_level")]),
        FieldPanel("url"),
    ]

    class Meta:
        ordering = ["field", "name"]
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def save(self, *args, **kwargs) -> None:
        self.code, self.name, self.field = nfc(self.code).strip(), nfc(self.name).strip(), nfc(self.field).strip()
        self.search_text = search_text(self.code, self.name, self.field)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def link(self) -> str:
        return self.url or national_portal_url(self.code)

    @property
    def on_national_portal(self) -> bool:
        return (urlsplit(self.link).hostname or "").lower() == NATIONAL_PORTAL_HOST

    @property
    def public_level(self) -> str:
        return PUBLIC_LEVELS.get(self.level, "")

    @property
    def public_service_level(self) -> str:
        return PUBLIC_SERVICE_LEVELS.get(self.service_level, "")


class ProcedureIndexPage(BasePage, Page):
    """Thủ tục hành chính: the list, searchable without diacritics, filtered by field and level."""

    intro = models.TextField(_("lead"), blank=True)

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["loa_home.HomePage"]
    subpage_types: ClassVar[list[str]] = []
    template = "procedures/procedure_index_page.html"
    show_sidebar = False

    class Meta:
        verbose_name = _("administrative procedures page")

    def get_context(self, request, *args, **kwargs):
        from .listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request))
        return context
