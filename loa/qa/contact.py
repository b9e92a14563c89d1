"""Vietnamese phone numbers as people write them: "0912 345 678", "+84 912.345.678", "(0221) 3862 345".

A number is kept in one canonical form (0 + nine or ten digits) so that the person
following their question can type it any way they like and still be recognised.
Mobile numbers are ten digits starting 03, 05, 07, 08 or 09 since the 2018 renumbering;
landlines are eleven digits starting 02 (area code 2xx) since the 2017 renumbering.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s.\-()/]")
_VALID = re.compile(r"0[35789]\d{8}|02\d{9}")


def normalise_phone(raw: str) -> str | None:
    """The canonical number, or None if it is not a Vietnamese phone number."""
    digits = _SEPARATORS.sub("", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits if _VALID.fullmatch(digits) else None


def normalise_email(raw: str) -> str:
    """Trimmed, lower-cased address (e-mail domains and, in practice, mailboxes ignore case)."""
    return (raw or "").strip().lower()
