"""About the agency (Giới thiệu): the index, organisation chart, functions and duties, history, contact.

Every type is translatable through Wagtail's localisation: the English tree
under /en/ holds translations of these pages, each rendered with the words of
its own locale (labels.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from loa.core.blocks import BodyBlock
from loa.core.models import AgencySettings, BasePage

from .blocks import ContactPointsBlock, DutiesBlock, MilestonesBlock, OrganisationBlock
from .labels import labels_for
from .locales import language_of


@register_setting(icon="globe")
class EnglishAgencySettings(BaseSiteSetting):
    """The agency's name and address in English, for the English pages' header, footer and contact page."""

    parent_name = models.CharField(
        _("governing body"), max_length=255, blank=True, help_text=_("E.g. Hung Yen Province.")
    )
    name = models.CharField(
        _("agency name"), max_length=255, blank=True, help_text=_("E.g. People's Committee of Hung Yen City.")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    responsible_person = models.CharField(_("person responsible for content"), max_length=255, blank=True)
    footer_note = models.CharField(_("extra footer line"), max_length=500, blank=True)

    panels: ClassVar[list] = [
        FieldPanel("parent_name"),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("responsible_person"),
        FieldPanel("footer_note"),
    ]

    class Meta:
        verbose_name = _("agency details in English")


class AboutPage(BasePage):
    """What every about page shares: the words and breadcrumbs of its own language."""

    show_sidebar = True

    @property
    def language(self) -> str:
        return language_of(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = self.language
        context["site_language"] = language  # previews render in the admin's language: the page decides
        context["labels"] = labels_for(language)
        if language != settings.LANGUAGE_CODE:
            context["crumbs"] = self.translated_crumbs(context["labels"]["home"])
        return context

    def translated_crumbs(self, home_label: str) -> list[tuple[str, str]]:
        """Home › … for a translated page (the shared breadcrumb tag names only "Trang chủ")."""
        ancestors = list(self.get_ancestors().filter(depth__gt=1))
        return [(home_label if page.depth == 2 else page.title, page.url) for page in ancestors]


class AboutIndexPage(AboutPage, Page):
    """Giới thiệu: a short presentation of the agency and the list of its about pages."""

    intro = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types: ClassVar[list[str]] = ["loa_home.HomePage"]
    subpage_types: ClassVar[list[str]] = [
        "loa_about.OrganisationPage",
        "loa_about.FunctionsPage",
        "loa_about.HistoryPage",
        "loa_about.ContactPage",
        "loa_core.StandardPage",
    ]
    max_count_per_parent = 1
    template = "about/about_index_page.html"

    class Meta:
        verbose_name = _("about the agency page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = list(self.get_children().live().public().specific())
        return context


class OrganisationPage(AboutPage, Page):
    """Cơ cấu tổ chức: units, nested one level, each with its leaders and contacts."""

    intro = models.TextField(_("lead"), blank=True)
    units = StreamField(OrganisationBlock(), verbose_name=_("units"), blank=True)

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro"), FieldPanel("units")]
    parent_page_types: ClassVar[list[str]] = ["loa_about.AboutIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "about/organisation_page.html"

    class Meta:
        verbose_name = _("organisation chart page")

    def search_text(self) -> str:
        """Unit names, leaders' names and positions: what a reader looks the chart up by."""
        parts: list[str] = []
        for block in self.units:
            for unit in (block.value, *block.value["units"]):
                parts.append(unit["name"])
                parts.extend(f"{leader['name']} {leader['position']}" for leader in unit["leaders"])
        return " ".join(parts)


class FunctionsPage(AboutPage, Page):
    """Chức năng, nhiệm vụ: what the agency is for, its duties by field, and the laws that set them."""

    intro = models.TextField(_("lead"), blank=True)
    functions = models.TextField(
        _("functions"), blank=True, help_text=_("Plain text; a blank line starts a new paragraph.")
    )
    duties = StreamField(DutiesBlock(), verbose_name=_("duties and powers"), blank=True)
    legal_basis = models.TextField(
        _("legal basis"),
        blank=True,
        help_text=_("One legal document per line, e.g. the Law on the Organisation of Local Government."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("more"), blank=True)

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("functions"),
        FieldPanel("duties"),
        FieldPanel("legal_basis"),
        FieldPanel("body"),
    ]
    parent_page_types: ClassVar[list[str]] = ["loa_about.AboutIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "about/functions_page.html"

    class Meta:
        verbose_name = _("functions and duties page")

    def legal_basis_lines(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]


class HistoryPage(AboutPage, Page):
    """Lịch sử hình thành: an account of the agency's past and a timeline of its milestones."""

    intro = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    milestones = StreamField(MilestonesBlock(), verbose_name=_("milestones"), blank=True)

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("milestones"),
    ]
    parent_page_types: ClassVar[list[str]] = ["loa_about.AboutIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "about/history_page.html"

    class Meta:
        verbose_name = _("history page")


class ContactPage(AboutPage, Page):
    """Liên hệ: the agency's contact details; blank fields show the agency settings' values."""

    intro = models.TextField(_("lead"), blank=True)
    agency_name = models.CharField(
        _("agency name"), max_length=255, blank=True, help_text=_("Blank: the name in the agency settings.")
    )
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("Blank: the address in the agency settings.")
    )
    phone = models.CharField(
        _("phone"), max_length=64, blank=True, help_text=_("Blank: the phone number in the agency settings.")
    )
    fax = models.CharField(_("fax"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True, help_text=_("Blank: the email in the agency settings."))
    working_hours = models.TextField(_("working hours"), blank=True, help_text=_("One line per period."))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("Blank: an OpenStreetMap link made from the coordinates.")
    )
    contact_points = StreamField(ContactPointsBlock(), verbose_name=_("contact points"), blank=True)

    content_panels: ClassVar[list] = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("agency_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            heading=_("Agency"),
        ),
        FieldPanel("working_hours"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]), FieldPanel("map_url")],
            heading=_("Map"),
        ),
        FieldPanel("contact_points"),
    ]
    parent_page_types: ClassVar[list[str]] = ["loa_about.AboutIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "about/contact_page.html"

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact"] = self.details(request)
        return context

    def details(self, request=None) -> dict[str, str]:
        """This page's own values, else (English pages) the English agency settings, else the agency settings."""
        site = self.get_site() if request is None else None
        agency = AgencySettings.for_request(request) if request is not None else AgencySettings.for_site(site)
        sources = [agency]
        if self.language != settings.LANGUAGE_CODE:
            english = (
                EnglishAgencySettings.for_request(request)
                if request is not None
                else EnglishAgencySettings.for_site(site)
            )
            sources.insert(0, english)

        def pick(own: str, field: str) -> str:
            if own:
                return own
            return next((value for source in sources if (value := getattr(source, field, ""))), "")

        return {
            "name": pick(self.agency_name, "name"),
            "address": pick(self.address, "address"),
            "phone": pick(self.phone, "phone"),
            "fax": self.fax,
            "email": pick(self.email, "email"),
            "hours": [line.strip() for line in self.working_hours.splitlines() if line.strip()],
            "map_url": self.map_link(),
        }

    def map_link(self) -> str:
        """A plain link to OpenStreetMap: nothing is fetched from a map service when the page renders."""
        if self.map_url:
            return self.map_url
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = f"{self.latitude:.6f}", f"{self.longitude:.6f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
