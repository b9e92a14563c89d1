"""Wagtail locales without a query per request.

With WAGTAIL_I18N_ENABLED, Wagtail asks `Locale.objects.get_for_language()` on
every page request (`Page.route_for_request` → `root_page.localized`) and on
every page creation; that one query would push each Vietnamese page past the
query budget of loa/news/tests/test_queries.py. Locales change almost never,
so the lookup is served from a map cached under the content version, which any
change to a locale bumps (`AboutConfig.ready`).
"""

from __future__ import annotations

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

from loa.core.versioning import cached_for_version


def locales() -> dict[str, Locale]:
    """Every locale by language code, read once per content change."""
    return cached_for_version("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def _get_for_language(self: LocaleManager, language_code: str) -> Locale:
    """Drop-in for `LocaleManager.get_for_language`: same lookups, same exceptions, no query when warm."""
    code = get_supported_content_language_variant(language_code)  # LookupError as before
    try:
        return locales()[code]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale for {code!r}") from None


def install() -> None:
    LocaleManager.get_for_language = _get_for_language


def language_of(locale_id: int | None) -> str:
    """The language code of a page's locale ('vi', 'en') without loading the Locale row."""
    for code, locale in locales().items():
        if locale.pk == locale_id:
            return code.split("-")[0]
    return settings.LANGUAGE_CODE


def is_default_language(language: str) -> bool:
    return language == settings.LANGUAGE_CODE
