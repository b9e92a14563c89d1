"""Which files a legal document may carry, and a tiny PDF writer for demo content and tests.

Wagtail's document library also holds spreadsheets and archives (WAGTAILDOCS_EXTENSIONS);
a legal document shows only its signed PDF and DOC/DOCX annexes, so both the extension and
the first bytes are checked when a file is attached (a renamed .exe must not become "a PDF").
"""

from __future__ import annotations

from django.utils.translation import gettext as _

ALLOWED_EXTENSIONS = ("pdf", "doc", "docx")

# The three formats have fixed signatures; a dependency-free check of 8 bytes is enough.
_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),  # OLE2 compound file (Word 97–2003)
    "docx": (b"PK\x03\x04",),  # Office Open XML is a zip archive
}


def _head(document, size: int = 8) -> bytes:
    try:
        with document.file.open("rb") as handle:
            return handle.read(size)
    except (OSError, ValueError):
        return b""


def attachment_error(document) -> str | None:
    """Why this Wagtail document cannot be attached to a legal document, or None."""
    extension = (document.file_extension or "").lower()
    if extension not in ALLOWED_EXTENSIONS:
        return _("“%(name)s” is a .%(extension)s file: only PDF, DOC and DOCX files can be attached.") % {
            "name": document.title,
            "extension": extension or "?",
        }
    if not _head(document).startswith(_SIGNATURES[extension]):
        return _("“%(name)s” is not a real %(extension)s file (its content does not match its name).") % {
            "name": document.title,
            "extension": extension.upper(),
        }
    return None


def simple_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing a few lines of ASCII text in Helvetica.

    Written by hand (a dozen lines) rather than adding a PDF library just for demo files.
    Non-ASCII characters are dropped: the standard fonts carry no Vietnamese glyphs.
    """

    def escape(text: str) -> str:
        text = text.encode("ascii", "ignore").decode()
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    commands = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    commands += [f"({escape(line)}) '" for line in lines]
    commands.append("ET")
    stream = "\n".join(commands).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
