"""Which English catalogues the Vietnamese admin must cover, and how much of them it does.

Wagtail 8 ships a Vietnamese catalogue for about a fifth of its admin and Django
for about two thirds of the strings an editor meets, so Loa carries the rest in
``locale/admin/vi`` (see its README). Coverage is measured the way gettext
answers at run time: an English source string counts as translated when
Django's merged Vietnamese catalogue (Loa's locale paths, then every installed
app, then Django itself) has a non-empty translation for it.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

#: (package, sub-path of its locale folder, gettext domain) for every English
#: source catalogue whose strings an editor or administrator of Loa can meet.
SOURCES: tuple[tuple[str, str, str], ...] = (
    ("wagtail", "admin", "django"),
    ("wagtail", "admin", "djangojs"),
    ("wagtail", "", "django"),
    ("wagtail", "contrib/forms", "django"),
    ("wagtail", "contrib/redirects", "django"),
    ("wagtail", "contrib/settings", "django"),
    ("wagtail", "contrib/table_block", "django"),
    ("wagtail", "contrib/typed_table_block", "django"),
    ("wagtail", "contrib/simple_translation", "django"),
    ("wagtail", "documents", "django"),
    ("wagtail", "embeds", "django"),
    ("wagtail", "images", "django"),
    ("wagtail", "locales", "django"),
    ("wagtail", "search", "django"),
    ("wagtail", "sites", "django"),
    ("wagtail", "snippets", "django"),
    ("wagtail", "users", "django"),
    ("wagtailmedia", "", "django"),
    ("taggit", "", "django"),
    ("django", "conf", "django"),
    ("django", "contrib/admin", "django"),
    ("django", "contrib/admin", "djangojs"),
    ("django", "contrib/auth", "django"),
    ("django", "contrib/contenttypes", "django"),
    ("django", "contrib/humanize", "django"),
    ("django", "contrib/sessions", "django"),
    ("django", "contrib/sites", "django"),
    ("django", "contrib/redirects", "django"),
)


@dataclass(frozen=True)
class SourceString:
    """One English entry of a source catalogue."""

    source: str
    msgid: str
    msgid_plural: str | None
    msgctxt: str | None
    domain: str
    comment: str
    occurrences: tuple[str, ...]
    flags: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The lookup key gettext uses in a compiled catalogue."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid


def source_path(package: str, sub: str, domain: str, language: str = "en") -> Path:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.origin is not None, package
    root = Path(spec.origin).parent
    return root / sub / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def source_strings() -> list[SourceString]:
    """Every English entry of :data:`SOURCES` (polib is a development dependency)."""
    import polib

    strings: list[SourceString] = []
    for package, sub, domain in SOURCES:
        path = source_path(package, sub, domain)
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid:
                continue
            strings.append(
                SourceString(
                    source=f"{package}/{sub}".rstrip("/") + f" ({domain})",
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural or None,
                    msgctxt=entry.msgctxt,
                    domain=domain,
                    comment=entry.comment or "",
                    occurrences=tuple(f"{file}:{line}" for file, line in entry.occurrences),
                    flags=tuple(entry.flags),
                )
            )
    return strings


def runtime_catalogue(domain: str, language: str = "vi") -> dict:
    """The merged catalogue Django uses for ``domain`` in ``language``."""
    from django.utils.translation.trans_real import DjangoTranslation

    if domain == "django":
        return dict(DjangoTranslation(language, domain="django")._catalog.items())
    # The admin's JavaScript catalogues are served per package; LOCALE_PATHS
    # are merged on top, as in JavaScriptCatalog.
    dirs = [str(source_path(package, sub, domain).parents[2]) for package, sub, d in SOURCES if d == domain]
    return dict(DjangoTranslation(language, domain=domain, localedirs=dirs)._catalog.items())


def is_translated(string: SourceString, catalogue: dict) -> bool:
    if string.msgid_plural is None:
        return bool(catalogue.get(string.key))
    return bool(catalogue.get((string.key, 0)))


def untranslated(language: str = "vi") -> tuple[int, list[SourceString]]:
    """(number of source strings, the ones without a translation)."""
    strings = source_strings()
    catalogues = {domain: runtime_catalogue(domain, language) for domain in {s.domain for s in strings}}
    missing = [s for s in strings if not is_translated(s, catalogues[s.domain])]
    return len(strings), missing
