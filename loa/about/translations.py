"""Where each page's translations live, for the language switch."""

from __future__ import annotations

from wagtail.models import Locale, Page

from loa.core.versioning import cached_for_version

from .locales import language_of


def translation_urls() -> dict[str, dict[str, str]]:
    """{translation key: {language: URL}} of the live pages that exist in a second language.

    Built once per content change (a few dozen pages: only translated ones), so the
    switch shown on every page costs a cache read, not a query.
    """

    def compute() -> dict[str, dict[str, str]]:
        default = Locale.get_default()
        translated = Page.objects.live().exclude(locale_id=default.pk).values("translation_key")
        result: dict[str, dict[str, str]] = {}
        pages = Page.objects.live().filter(translation_key__in=translated)
        for page in pages.only("id", "path", "depth", "url_path", "translation_key", "locale_id"):
            if url := page.url:
                result.setdefault(str(page.translation_key), {})[language_of(page.locale_id)] = url
        return result

    return cached_for_version("translation-urls", compute)


def switch_targets(page: Page | None, home: Page | None) -> dict[str, str]:
    """The URL of each language's version of `page`, else of that language's home page."""
    urls = translation_urls()
    homes = urls.get(str(home.translation_key), {}) if home is not None else {}
    own = urls.get(str(page.translation_key), {}) if isinstance(page, Page) else {}
    return {language: own.get(language) or url for language, url in homes.items()}
