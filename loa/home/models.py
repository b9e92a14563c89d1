"""The portal's home page."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from loa.core.models import BasePage


class HomePage(BasePage, Page):
    """Trang chủ: a featured story, the latest stories and a block per section."""

    intro = models.TextField(_("welcome line"), blank=True)
    latest_count = models.PositiveSmallIntegerField(_("number of latest stories"), default=8)
    section_count = models.PositiveSmallIntegerField(_("stories per section block"), default=4)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("latest_count"),
        FieldPanel("section_count"),
    ]
    parent_page_types: ClassVar[list[str]] = ["wagtailcore.Page"]
    max_count = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from loa.news.models import ArticlePage, SectionPage

        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("main_image")
            .order_by("-first_published_at")
        )
        featured = articles.filter(featured=True).first() or articles.first()
        context["featured"] = featured
        context["latest"] = list(articles.exclude(pk=getattr(featured, "pk", None))[: self.latest_count])
        context["section_blocks"] = [
            (section, list(articles.descendant_of(section)[: self.section_count]))
            for section in self.get_children().live().public().in_menu().type(SectionPage).specific()
        ]
        return context
