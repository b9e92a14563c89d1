"""Write the admin strings that have no Vietnamese translation yet to a .po file."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from loa.core.catalogue import untranslated


class Command(BaseCommand):
    help = "List untranslated Wagtail/Django admin strings (see locale/admin/README.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("output", help="path of the .po file to write")

    def handle(self, *args, output: str, **options) -> None:
        import polib

        total, missing = untranslated()
        po = polib.POFile()
        po.metadata = {
            "Content-Type": "text/plain; charset=UTF-8",
            "Language": "vi",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
        seen: set[tuple[str, str]] = set()
        for string in missing:
            if (string.domain, string.key) in seen:
                continue
            seen.add((string.domain, string.key))
            entry = polib.POEntry(
                msgid=string.msgid, msgctxt=string.msgctxt, comment=string.comment, flags=list(string.flags)
            )
            entry.tcomment = string.source
            if string.msgid_plural:
                entry.msgid_plural = string.msgid_plural
                entry.msgstr_plural = {0: ""}
            po.append(entry)
        po.save(output)
        self.stdout.write(f"{len(seen)} of {total} strings to translate → {output}")
