"""The portal's home page."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from loa.core.models import BasePage
from loa.core.versioning import cached_for_version


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

    def route(self, request, path_components):
        """Find a descendant by its URL path in one query instead of one per level.

        Wagtail walks the tree a segment at a time (a query or two per level);
        portal URLs are three or four levels deep. The path → (id, type) map is
        cached until the content changes; pages not found fall back to Wagtail.
        """
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        found = cached_for_version(
            f"route:{url_path}",
            lambda: (
                Page.objects.filter(url_path=url_path).values_list("pk", "content_type_id", "live").first() or False
            ),
        )
        if not found:
            return super().route(request, path_components)
        pk, content_type_id, live = found
        if not live:
            raise Http404
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        related = getattr(model, "route_select_related", ())
        page = model.objects.select_related(*related).filter(pk=pk).first()
        if page is None:  # deleted a moment ago
            raise Http404
        return RouteResult(page)

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
            for section in SectionPage.objects.child_of(self).live().public().in_menu()
        ]
        return context
