"""Form fields shared by the public forms."""

from __future__ import annotations

from django import forms

from .text import typed_text


class TypedTextField(forms.CharField):
    """What a reader types: NFC, one kind of line break, NUL and invisible characters dropped.

    Dropped before the length checks and Django's own validators (loa.core.text.typed_text),
    so a NUL or a zero-width space pasted into a form is not refused with a message about a
    character the reader cannot see, and never reaches PostgreSQL, which refuses NUL.
    """

    def to_python(self, value):
        text = typed_text(super().to_python(value))
        return text.strip() if self.strip else text
