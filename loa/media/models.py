"""Video clips: uploaded through wagtailmedia, or embedded from a video site."""

from __future__ import annotations

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from loa.core.models import BasePage
from loa.core.versioning import LoaPageManager


class VideoIndexPage(BasePage, Page):
    """The Video section: every clip, newest first."""

    objects = LoaPageManager()

    intro = models.TextField(_("description"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: ClassVar[list[str]] = ["loa_media.VideoPage"]
    parent_page_types: ClassVar[list[str]] = ["loa_home.HomePage"]
    template = "media/video_index_page.html"
    max_count = 1

    class Meta:
        verbose_name = _("video section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        clips = (
            VideoPage.objects.live()
            .public()
            .child_of(self)
            .select_related("video", "poster")
            .order_by("-first_published_at")
        )
        context["page_obj"] = Paginator(clips, 12).get_page(request.GET.get("trang"))
        return context


class VideoPage(BasePage, Page):
    """One clip: an uploaded file (wagtailmedia) or an embed link."""

    objects = LoaPageManager()

    video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("uploaded video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    embed_url = models.URLField(_("video link (YouTube, Facebook…)"), blank=True)
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("video"),
        FieldPanel("embed_url"),
        FieldPanel("poster"),
        FieldPanel("description"),
    ]
    parent_page_types: ClassVar[list[str]] = ["loa_media.VideoIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "media/video_page.html"

    class Meta:
        verbose_name = _("video clip")
        verbose_name_plural = _("video clips")

    def clean(self) -> None:
        super().clean()
        if not self.video and not self.embed_url:
            raise ValidationError(_("Choose an uploaded video or give a video link."))
