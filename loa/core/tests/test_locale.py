"""The Vietnamese catalogue (locale/vi/LC_MESSAGES/django.po and its compiled .mo).

Editors are Vietnamese speakers, so every string wrapped in gettext must have a
translation, and the committed .mo (a fresh machine may lack the gettext
tools) must say exactly what the .po says. To refresh after adding strings:

    .venv/bin/python manage.py makemessages -l vi --no-obsolete \
        --ignore=.venv --ignore=var --ignore=bench --ignore=tests
    (translate the new empty / fuzzy entries in locale/vi/LC_MESSAGES/django.po)
    .venv/bin/python manage.py compilemessages -l vi --ignore=.venv

The .po is read with a small hand parser (stdlib only, no polib dependency).
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst

from loa.news.models import ArticlePage, SectionPage
from loa.stats.models import MostReadWindow

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
PO_PATH = LOCALE_DIR / "django.po"
MO_PATH = LOCALE_DIR / "django.mo"
# The same --ignore list as the makemessages command in the module docstring.
IGNORED_DIRS = {".venv", "var", "bench", "tests", "node_modules", "__pycache__"}
REFRESH_HINT = "run makemessages -l vi, translate, then compilemessages -l vi (see loa/core/tests/test_locale.py)"


# --- a tiny .po parser ---------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    line: int = 0

    @property
    def key(self) -> str:
        """The key GNU gettext uses in a .mo file."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(text: str) -> str:
    text = text.strip()
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise ValueError(f"not a quoted PO string: {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def parse_po(text: str) -> list[Entry]:
    """Entries of a .po file, the header (msgid "") included."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int | None] | None = None  # which field continuation lines extend
    seen_keyword = False

    def finish():
        nonlocal entry, target, seen_keyword
        if seen_keyword:
            entries.append(entry)
        entry, target, seen_keyword = Entry(), None, False

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#~"):
            if seen_keyword and not entry.obsolete:
                finish()
            entry.obsolete = True
            line = line[2:].strip()
            if not line:
                continue
        elif line.startswith("#"):
            if seen_keyword:
                finish()
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        if not line:
            if seen_keyword:
                finish()
            continue
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")$", line)
        if match:
            keyword, index, value = match.group(1), match.group(2), _unquote(match.group(3))
            if keyword in ("msgctxt", "msgid") and seen_keyword and target and target[0] == "msgstr":
                finish()  # a new entry without a blank line in between
            seen_keyword = True
            entry.line = entry.line or number
            if keyword == "msgctxt":
                entry.msgctxt, target = value, ("msgctxt", None)
            elif keyword == "msgid":
                entry.msgid, target = value, ("msgid", None)
            elif keyword == "msgid_plural":
                entry.msgid_plural, target = value, ("msgid_plural", None)
            else:
                slot = int(index) if index is not None else 0
                entry.msgstr[slot], target = value, ("msgstr", slot)
        elif line.startswith('"') and target:
            value = _unquote(line)
            name, slot = target
            if name == "msgstr":
                entry.msgstr[slot] += value
            else:
                setattr(entry, name, getattr(entry, name) + value)
        else:
            raise ValueError(f"{PO_PATH}:{number}: cannot parse {raw!r}")
    finish()
    return entries


def _where(entry: Entry) -> str:
    return f"{PO_PATH.name}:{entry.line} {entry.msgid!r}"


def _placeholders(text: str) -> Counter:
    return Counter(re.findall(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[sdifr]|\{\w*\}", text))


@pytest.fixture(scope="module")
def po_entries() -> list[Entry]:
    assert PO_PATH.exists(), f"{PO_PATH} is missing: {REFRESH_HINT}"
    return parse_po(PO_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def messages(po_entries) -> list[Entry]:
    return [entry for entry in po_entries if entry.msgid and not entry.obsolete]


# --- the .po itself --------------------------------------------------------------------------------


def test_parser_reads_multiline_plural_and_context_entries():
    sample = (
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\n'
        '#, fuzzy, python-format\nmsgctxt "menu"\nmsgid ""\n"a \\"b\\" "\n"c"\nmsgstr "x"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "nhiều"\n\n'
        '#~ msgid "old"\n#~ msgstr "cũ"\n'
    )
    header, context, plural, old = parse_po(sample)
    assert header.msgstr[0] == "Language: vi\n"
    assert (context.msgctxt, context.msgid, context.msgstr[0]) == ("menu", 'a "b" c', "x")
    assert context.flags == {"fuzzy", "python-format"}
    assert (plural.msgid_plural, plural.msgstr) == ("many", {0: "nhiều"})
    assert old.obsolete and old.msgid == "old"


def test_header_is_filled_in_and_not_fuzzy(po_entries):
    headers = [entry for entry in po_entries if entry.msgid == "" and entry.msgctxt is None]
    assert len(headers) == 1, "the .po must have exactly one header entry"
    header = headers[0]
    assert "fuzzy" not in header.flags, "remove the '#, fuzzy' flag from the header"
    fields = dict(
        line.split(":", 1) for line in header.msgstr[0].splitlines() if ":" in line
    )  # 'Language: vi' -> {'Language': ' vi'}
    fields = {name.strip(): value.strip() for name, value in fields.items()}
    assert fields.get("Language") == "vi"
    assert fields.get("Plural-Forms") == "nplurals=1; plural=0;"
    assert "charset=UTF-8" in fields.get("Content-Type", "")


def test_catalogue_is_not_empty(messages):
    assert len(messages) > 50


def test_every_message_is_translated(messages):
    untranslated = [_where(entry) for entry in messages if not entry.msgstr or not all(entry.msgstr.values())]
    assert not untranslated, f"untranslated: {untranslated}"


def test_no_fuzzy_or_obsolete_entries(po_entries):
    fuzzy = [_where(entry) for entry in po_entries if entry.msgid and "fuzzy" in entry.flags]
    obsolete = [_where(entry) for entry in po_entries if entry.obsolete]
    assert not fuzzy, f"fuzzy (check the translation, then delete the '#, fuzzy' line): {fuzzy}"
    assert not obsolete, f"obsolete entries: {obsolete}"


def test_placeholders_are_kept(messages):
    broken = [
        _where(entry)
        for entry in messages
        for translated in entry.msgstr.values()
        if _placeholders(translated) != _placeholders(entry.msgid)
    ]
    assert not broken, f"placeholders differ from the English: {broken}"


def test_no_duplicate_entries(messages):
    duplicates = [key for key, count in Counter(entry.key for entry in messages).items() if count > 1]
    assert not duplicates


# --- the .po covers the source ---------------------------------------------------------------------


def _source_files(root: Path) -> list[Path]:
    """What makemessages (with the --ignore list above) would scan: .py, .html, .txt."""
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in IGNORED_DIRS and not d.startswith("."))
        found += [Path(directory) / name for name in sorted(files) if name.endswith((".py", ".html", ".txt"))]
    return found


def test_catalogue_covers_every_string_in_the_source(messages, tmp_path):
    """Fails when someone adds a gettext string without refreshing the catalogue."""
    xgettext = shutil.which("xgettext")
    if xgettext is None:
        pytest.skip("xgettext (GNU gettext) is not installed")
    root = Path(settings.BASE_DIR)
    inputs = []
    for number, path in enumerate(_source_files(root)):
        if path.suffix == ".py":
            inputs.append(str(path))
            continue
        content = path.read_text(encoding="utf-8")
        if "trans" not in content:  # no {% translate %} / {% blocktranslate %} (or old spellings)
            continue
        converted = tmp_path / f"template_{number}.py"
        converted.write_text(translation.templatize(content, origin=str(path)), encoding="utf-8")
        inputs.append(str(converted))
    file_list = tmp_path / "files.txt"
    file_list.write_text("\n".join(inputs), encoding="utf-8")
    pot = tmp_path / "django.pot"
    keywords = [
        "gettext_noop",
        "gettext_lazy",
        "ngettext_lazy:1,2",
        "pgettext:1c,2",
        "npgettext:1c,2,3",
        "pgettext_lazy:1c,2",
        "npgettext_lazy:1c,2,3",
    ]
    subprocess.run(
        [xgettext, "-d", "django", "--language=Python", "--from-code=UTF-8", "--force-po", "-o", str(pot), "-f"]
        + [str(file_list)]
        + [f"--keyword={keyword}" for keyword in keywords],
        check=True,
        capture_output=True,
    )
    in_source = {entry.key for entry in parse_po(pot.read_text(encoding="utf-8")) if entry.msgid}
    in_catalogue = {entry.key for entry in messages}
    missing = sorted(in_source - in_catalogue)
    stale = sorted(in_catalogue - in_source)
    assert not missing, f"strings missing from {PO_PATH.name}: {missing}; {REFRESH_HINT}"
    assert not stale, f"strings no longer in the source: {stale}; {REFRESH_HINT}"


# --- the compiled .mo ------------------------------------------------------------------------------


def test_mo_is_compiled_from_this_po(messages):
    assert MO_PATH.exists(), f"{MO_PATH} is missing: {REFRESH_HINT}"
    with MO_PATH.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.info().get("language") == "vi"
    wrong = []
    for entry in messages:
        if entry.msgid_plural is None:
            actual = (
                compiled.gettext(entry.msgid)
                if entry.msgctxt is None
                else compiled.pgettext(entry.msgctxt, entry.msgid)
            )
            if actual != entry.msgstr.get(0):
                wrong.append((entry.msgid, actual, entry.msgstr.get(0)))
        else:
            for count in (1, 2):
                if compiled.ngettext(entry.msgid, entry.msgid_plural, count) != entry.msgstr.get(0):
                    wrong.append((entry.msgid, count))
    assert not wrong, f"django.mo is out of date with django.po: {wrong[:10]}; {REFRESH_HINT}"
    # Nothing in the .mo that the .po no longer has (entries of a stale compile).
    compiled_keys = {key if isinstance(key, str) else key[0] for key in compiled._catalog} - {""}
    assert compiled_keys == {entry.key for entry in messages}, REFRESH_HINT


# --- what editors see -------------------------------------------------------------------------------


def test_model_names_and_choices_in_vietnamese():
    with translation.override("vi"):
        assert str(ArticlePage._meta.verbose_name) == "tin bài"
        assert str(ArticlePage._meta.verbose_name_plural) == "tin bài"
        assert capfirst(SectionPage._meta.verbose_name_plural) == "Chuyên mục"
        assert MostReadWindow.WEEK.label == "7 ngày qua"
        assert dict(MostReadWindow.choices)[MostReadWindow.ALL_TIME] == "từ trước đến nay"
        assert str(ArticlePage._meta.get_field("sapo").verbose_name) == "sapo (tóm tắt)"


def test_english_is_still_english():
    with translation.override("en"):
        assert str(ArticlePage._meta.verbose_name) == "article"
        assert MostReadWindow.WEEK.label == "last 7 days"
