"""Vietnamese number words, both ways, for the arithmetic question of the public form.

Only 0–99 is needed ("Bảy cộng hai bằng mấy?" has answers up to 18). Readers answer
"9", "chín", "chin", "mười hai", "muoi hai" or "mười lăm": the words are folded
(loa.search.text.fold), so typing without diacritics works; "mười" and "mươi" fold alike
and are told apart by their place.
"""

from __future__ import annotations

from loa.search.text import fold, words

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

#: Folded word → value, including the spoken variants ("mốt", "tư", "lăm", "nhăm", "bẩy").
_UNITS = {fold(word): value for value, word in enumerate(DIGITS)} | {
    "mot": 1,
    "tu": 4,
    "lam": 5,
    "nham": 5,
    "bay": 7,
}
_TEN = "muoi"
_FILLERS = {"linh", "le", "la", "bang"}  # "mười lẻ một", "là chín", "bằng chín"


def to_words(number: int) -> str:
    """7 → 'bảy', 15 → 'mười lăm', 21 → 'hai mươi mốt' (0–99)."""
    if not 0 <= number <= 99:
        raise ValueError(number)
    if number < 10:
        return DIGITS[number]
    tens, units = divmod(number, 10)
    head = "mười" if tens == 1 else f"{DIGITS[tens]} mươi"
    if units == 0:
        return head
    if units == 5:
        tail = "lăm"
    elif units == 1 and tens > 1:
        tail = "mốt"
    elif units == 4 and tens > 1:
        tail = "tư"
    else:
        tail = DIGITS[units]
    return f"{head} {tail}"


def parse(text: str) -> int | None:
    """The number someone typed, as digits or words; None if it is not one."""
    tokens = [fold(token) for token in words(text)]
    tokens = [token for token in tokens if token not in _FILLERS]
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0].isascii() and tokens[0].isdigit():  # "²" is a digit, not an int()
        return int(tokens[0]) if len(tokens[0]) <= 3 else None
    if any(token not in _UNITS and token != _TEN for token in tokens):
        return None
    if _TEN not in tokens:
        return _UNITS[tokens[0]] if len(tokens) == 1 else None
    at = tokens.index(_TEN)
    before, after = tokens[:at], tokens[at + 1 :]
    if len(before) > 1 or len(after) > 1 or _TEN in after:
        return None
    tens = _UNITS[before[0]] if before else 1
    units = _UNITS[after[0]] if after else 0
    if tens == 0:
        return None
    return tens * 10 + units
