"""Video clips: uploaded through wagtailmedia, or embedded from a video site."""

from __future__ import annotations

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from loa.core.models import BasePage
from loa.core.versioning import LoaPageManager

from .captions import language_name


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
            .select_related("video", "video__captions", "poster")
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


class VideoCaptions(models.Model):
    """Captions of an uploaded video: a WebVTT file the player offers as a <track> (WCAG 2.1, 1.2.2).

    One track per video, attached in the video's own admin form (loa.media.forms.MediaForm),
    checked there (loa.media.captions) and served from the storage by loa.media.views.captions,
    on the portal's own origin, so the player may load it whether uploads live on disk or in
    object storage.
    """

    media = models.OneToOneField(
        "wagtailmedia.Media", verbose_name=_("video"), on_delete=models.CASCADE, related_name="captions"
    )
    file = models.FileField(_("captions file (WebVTT)"), upload_to="media_captions/", max_length=255)
    language = models.CharField(
        _("captions language"),
        max_length=35,
        default="vi",
        validators=[RegexValidator(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", _("Enter a language code such as vi or en."))],
    )
    label = models.CharField(_("captions label"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("video captions")
        verbose_name_plural = _("video captions")

    def __str__(self) -> str:
        return f"{self.media} ({self.language})"

    @property
    def display_label(self) -> str:
        """What the player's captions menu shows: the editor's label, else the language's own name."""
        return self.label or language_name(self.language)

    @property
    def url(self) -> str:
        """The track's address; a new file gets a new one, so caches never serve the old captions."""
        return f"{reverse('video-captions', args=[self.media_id])}?v={int(self.updated_at.timestamp())}"
