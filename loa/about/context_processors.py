"""The language of the public page being rendered, for `<html lang>` and the header and footer."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def site_language(request) -> dict:
    """'en' under /en/, else 'vi'. Page types of loa.about override it with their own locale (previews)."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {"site_language": "en" if language == "en" else "vi"}
