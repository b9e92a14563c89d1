"""StreamField blocks for article and page bodies."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock

from .html import sanitize_rich_text

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3", "blockquote", "hr", "superscript", "subscript"]


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text passed through nh3 on the way in, whatever path it took."""

    def get_prep_value(self, value):
        return sanitize_rich_text(super().get_prep_value(value))


class PhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("photo"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "core/blocks/photo.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    video = VideoChooserBlock(label=_("uploaded video"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "core/blocks/video.html"


class EmbedVideoBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("video link (YouTube, Facebook…)"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "core/blocks/embed.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = SafeRichTextBlock(features=RICH_FEATURES, label=_("Paragraph"), template="core/blocks/paragraph.html")
    photo = PhotoBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="core/blocks/table.html")
    video = VideoBlock()
    embed = EmbedVideoBlock()
