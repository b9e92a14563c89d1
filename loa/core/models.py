"""Site-wide settings and the content version that keys fragment caches."""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import BodyBlock


@register_setting(icon="home")
class AgencySettings(BaseSiteSetting):
    """Who publishes the portal: shown in the header and footer of every page."""

    name = models.CharField(_("agency name"), max_length=255, default="Ủy ban nhân dân thành phố")
    parent_name = models.CharField(
        _("governing body"), max_length=255, blank=True, help_text=_("Shown above the name, e.g. the province.")
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    responsible_person = models.CharField(_("person responsible for content"), max_length=255, blank=True)
    licence = models.CharField(_("licence line"), max_length=500, blank=True)
    about_footer = models.CharField(_("extra footer line"), max_length=500, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("parent_name"), FieldPanel("name"), FieldPanel("emblem")], heading=_("Agency")),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("responsible_person"), FieldPanel("licence"), FieldPanel("about_footer")],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("agency details")


class ContentVersion(models.Model):
    """A number bumped whenever something a public page shows changes.

    Fragment caches (menu, sidebar, footer) include it in their keys, so one
    UPDATE invalidates them on every process and server at once; it lives in
    the database because the embedded default's local-memory cache is not
    shared between worker processes.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.PositiveBigIntegerField(default=1)

    @classmethod
    def current(cls) -> int:
        value = cls.objects.filter(pk=1).values_list("version", flat=True).first()
        return value or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(version=F("version") + 1):
            cls.objects.get_or_create(pk=1)


class BasePage:
    """Mixin for Loa's public pages: shared template context."""

    show_sidebar = True


class StandardPage(BasePage, Page):
    """An ordinary page such as Giới thiệu (about the agency)."""

    intro = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


class SitemapPage(BasePage, Page):
    """Sơ đồ trang: every live page in menu order, for people (sitemap.xml is for robots)."""

    intro = models.TextField(_("lead"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    template = "core/sitemap_page.html"
    max_count = 1

    class Meta:
        verbose_name = _("human sitemap page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root = self.get_site().root_page
        pages = list(root.get_descendants().live().public().in_menu().specific().order_by("path")) if root else []
        context["tree"] = [(page, page.depth - root.depth) for page in pages]
        return context
