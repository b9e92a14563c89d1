"""The admin's image form: no image gets in without a description, which is its alt text.

Wagtail 8 images have a `description` field that `{% picture %}` and `{% image %}` use as
the `alt` of the `<img>` (falling back to the title, usually a file name). A state portal
must give blind readers a text for every photo that carries information (TT 26/2020,
WCAG 2.1 1.1.1), so it is required here, on upload (single, multiple, and from the chooser:
Wagtail builds all of them from this base, settings.WAGTAILIMAGES_IMAGE_FORM_BASE) and on
edit, which also catches older images the next time someone touches them.

Where an image is only decoration in one place, the photo block's own alt text and
"decorative" flag (Wagtail's ImageBlock, loa.core.blocks.PhotoBlock) say so there; the
image itself still keeps a description for everywhere else it is used.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .uploads import ImageUploadChecks  # an unreadable image is a form error, not a 500

#: "IMG_2031.JPG", "anh-hoi-nghi.png": a file name says nothing about what the picture shows.
FILE_NAME = re.compile(r"^[\w.\- ]+\.(jpe?g|png|gif|webp|avif|heic|tiff?|bmp)$", re.IGNORECASE)

REQUIRED_MESSAGE = _("Please enter the alt text (a description of the image for readers who cannot see it).")


class ImageForm(ImageUploadChecks, BaseImageForm):
    """Wagtail's image form with the description required and explained as alt text."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Alt text (image description)")
            description.help_text = _(
                "What the image shows, in one sentence, for readers who cannot see it (screen readers "
                "read it aloud). Not the file name, and not a copy of the caption."
            )
            description.error_messages["required"] = REQUIRED_MESSAGE

    def clean_description(self) -> str:
        description = " ".join((self.cleaned_data.get("description") or "").split())
        if not description:
            raise forms.ValidationError(REQUIRED_MESSAGE, code="required")
        if FILE_NAME.match(description):
            raise forms.ValidationError(
                _("Describe what the image shows rather than giving its file name."), code="file_name"
            )
        return description
