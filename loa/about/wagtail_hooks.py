"""Serve translated pages in their own language."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page

from .labels import labels_for
from .locales import language_of


@hooks.register("before_serve_page")
def serve_in_page_language(page, request, serve_args, serve_kwargs):
    """Keep each page at its own language's address, and translated pages free of Vietnamese-only parts.

    - /en/x/ resolves to a Vietnamese page when the English tree lacks one (Wagtail falls
      back to the default locale's home): send the reader to the page's real address.
    - Translated pages hide the sidebar: its boxes (most read, video, weather, visit
      counter) are Vietnamese and cached in fragments shared with every Vietnamese page.
    - The English home page shows a welcome and its sections: HomePage's own template is a
      Vietnamese news front page (latest stories, section blocks) with nothing to show there.
    """
    language = language_of(page.locale_id)
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language != active:
        return redirect(page.get_url(request) or "/")
    if language == settings.LANGUAGE_CODE:
        return None
    page.show_sidebar = False
    if page.depth == 2:  # a translation of the site's home page
        return _translated_home(page, request, language)
    return None


def _translated_home(page, request, language: str) -> TemplateResponse:
    context = Page.get_context(page, request)
    context["site_language"] = language
    context["labels"] = labels_for(language)
    context["children"] = list(page.get_children().live().public().in_menu().specific())
    return TemplateResponse(request, "about/translated_home.html", context)
