"""StreamField blocks for article and page bodies."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtailmedia.blocks import VideoChooserBlock

from .html import sanitize_rich_text
from .unicode import nfc

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3", "blockquote", "hr", "superscript", "subscript"]


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text passed through nh3 on the way in, whatever path it took, and put in NFC.

    NFC here rather than at the request boundary: the editor sends offsets into its text,
    which composing the text first would shift (loa.core.unicode).
    """

    def get_prep_value(self, value):
        return nfc(sanitize_rich_text(super().get_prep_value(value)))


class PhotoImageBlock(ImageBlock):
    """Wagtail's ImageBlock, also reading bodies in which only some photos predate it.

    Photos saved while PhotoBlock used ImageChooserBlock are bare image ids. ImageBlock reads
    those, but only when every photo of a page is one (`bulk_to_python` takes a page's photos
    together); a body written partly before and partly after (by a script, an import) is
    read here in two groups. It deconstructs as ImageBlock, so migrations never name it.
    """

    def bulk_to_python(self, values):
        values = list(values)
        bare = {index for index, value in enumerate(values) if value is None or isinstance(value, int)}
        if not bare or len(bare) == len(values):
            return super().bulk_to_python(values)
        groups = (sorted(bare), [index for index in range(len(values)) if index not in bare])
        converted = {}
        for group in groups:
            converted.update(zip(group, super().bulk_to_python([values[index] for index in group]), strict=True))
        return [converted[index] for index in range(len(values))]


class PhotoBlock(blocks.StructBlock):
    """A photo in a body, with its alt text from Wagtail's ImageBlock.

    The image's description comes prefilled as the alt text, which the editor may reword for
    this article; marking the photo decorative is the only way to an empty alt.
    """

    image = PhotoImageBlock(label=_("photo"))
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
