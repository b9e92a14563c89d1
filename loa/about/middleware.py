"""Activate the language named by the URL, and nothing else."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class PathLanguageMiddleware:
    """/en/… is English; every other address (pages, admin, search, API) is Vietnamese.

    Django's LocaleMiddleware would do the URL part too, but it also adds
    `Vary: Accept-Language` to every unprefixed (Vietnamese) response, which
    splits any shared cache in front of the portal, and it leaves the language
    active on the thread after the response. Here the address alone decides, so
    a page's HTML — and every fragment cache it fills — depends only on its URL,
    and the admin starts from LANGUAGE_CODE whatever the browser asks for
    (Wagtail then applies each user's own admin language preference).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return self.get_response(request)
