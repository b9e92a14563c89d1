"""The admin speaks Vietnamese: coverage of Wagtail's and Django's English catalogues.

Coverage is what gettext answers at run time (Loa's catalogues, the packages'
own Vietnamese, Django's), measured over every English source string of
``loa.core.catalogue.SOURCES``.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from loa.core.catalogue import SOURCES, source_path, untranslated

ADMIN_LOCALE = Path(settings.BASE_DIR) / "locale" / "admin" / "vi" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdf]|%[sd]|\{[a-z_0-9]*\}")


def test_every_source_catalogue_exists():
    for package, sub, domain in SOURCES:
        assert source_path(package, sub, domain).exists(), (package, sub, domain)


def test_admin_coverage_is_at_least_99_percent():
    total, missing = untranslated()
    coverage = 1 - len(missing) / total
    print(f"\nVietnamese admin coverage: {total - len(missing)}/{total} = {coverage:.2%}")
    sample = "\n".join(f"  {s.source}: {s.msgid[:70]!r}" for s in missing[:20])
    assert coverage >= 0.99, f"{len(missing)} untranslated, e.g.\n{sample}\nsee locale/admin/README.md"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_committed_mo_matches_po(domain):
    po = polib.pofile(str(ADMIN_LOCALE / f"{domain}.po"))
    mo = polib.mofile(str(ADMIN_LOCALE / f"{domain}.mo"))

    def table(catalogue):
        return {
            (e.msgctxt, e.msgid): (e.msgstr_plural.get(0) or e.msgstr_plural.get("0")) if e.msgid_plural else e.msgstr
            for e in catalogue
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    assert table(po) == table(mo), "recompile with msgfmt (locale/admin/README.md)"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_translations_keep_placeholders(domain):
    """A lost %(name)s breaks a message at run time; a Vietnamese single plural form may add the count."""
    bad = []
    for entry in polib.pofile(str(ADMIN_LOCALE / f"{domain}.po")):
        english = entry.msgid + " " + (entry.msgid_plural or "")
        vietnamese = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        added = set(PLACEHOLDER.findall(vietnamese)) - set(PLACEHOLDER.findall(english))
        lost = not entry.msgid_plural and set(PLACEHOLDER.findall(entry.msgid)) != set(PLACEHOLDER.findall(vietnamese))
        if added or lost:
            bad.append(entry.msgid)
    assert not bad, bad[:10]


def test_newsroom_terms():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Publish") == "Xuất bản"
        assert translation.gettext("Submit for moderation") == "Gửi duyệt"
        assert translation.gettext("Sign in") == "Đăng nhập"
