"""Spam defences of the public form that need no outside service.

The form carries one signed token: when it was first shown and a random nonce. The
arithmetic question is derived from the nonce with the secret key (HMAC), so the token
does not give the answer away and the server keeps no state per visitor. Together:

* a honeypot field people never see (bots fill every field);
* the time check: sent sooner than ``LOA_QA_MIN_SECONDS`` after the form was shown is a
  bot, later than ``LOA_QA_MAX_AGE_SECONDS`` the page was left open and is asked again;
* the question "Bảy cộng hai bằng mấy?", answered in digits or words;
* each token accepted once (a cache key until it expires), so a solved form cannot be replayed;
* a per-address rate limit (loa.core.ratelimit) in the view.

django-simple-captcha and friends draw images and keep a database row per challenge;
an image captcha is also hard for screen-reader users, a sentence is not.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from . import numbers

SALT = "loa.qa.ask-form"
MIN_SECONDS_DEFAULT = 3
MAX_AGE_SECONDS_DEFAULT = 3 * 3600


def min_seconds() -> float:
    return float(getattr(settings, "LOA_QA_MIN_SECONDS", MIN_SECONDS_DEFAULT))


def max_age_seconds() -> float:
    return float(getattr(settings, "LOA_QA_MAX_AGE_SECONDS", MAX_AGE_SECONDS_DEFAULT))


class Verdict(enum.Enum):
    OK = "ok"
    WRONG = "wrong"  # a wrong answer to the question
    TOO_FAST = "too_fast"
    EXPIRED = "expired"
    INVALID = "invalid"  # missing, forged or already used token


@dataclass(frozen=True)
class Challenge:
    token: str
    question: str


def _operands(nonce: str) -> tuple[int, str, int]:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{SALT}:{nonce}".encode(), hashlib.sha256).digest()
    first, second = 1 + digest[0] % 9, 1 + digest[1] % 9
    if digest[2] % 2 and first != second:
        first, second = max(first, second), min(first, second)
        return first, "trừ", second
    return first, "cộng", second


def _answer(nonce: str) -> int:
    first, operator, second = _operands(nonce)
    return first + second if operator == "cộng" else first - second


def _question(nonce: str) -> str:
    first, operator, second = _operands(nonce)
    sentence = f"{numbers.to_words(first)} {operator} {numbers.to_words(second)} bằng mấy?"
    return sentence[0].upper() + sentence[1:]


def new_challenge(started: float | None = None) -> Challenge:
    """A fresh question; `started` carries the first display time across a re-shown form."""
    nonce = secrets.token_urlsafe(9)
    token = signing.dumps({"n": nonce, "t": int(started if started is not None else time.time())}, salt=SALT)
    return Challenge(token=token, question=_question(nonce))


def read_token(token: str) -> tuple[str, float] | None:
    """(nonce, first display time) of a genuine token, whatever its age."""
    try:
        data = signing.loads(token or "", salt=SALT)
        return str(data["n"]), float(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def challenge_for(token: str) -> Challenge | None:
    """The same question again (the form is shown once more after another field's error)."""
    read = read_token(token)
    return Challenge(token=token, question=_question(read[0])) if read else None


def _used_key(nonce: str) -> str:
    return f"qa:captcha-used:{nonce}"


def check(token: str, answer: str, now: float | None = None) -> Verdict:
    read = read_token(token)
    if read is None:
        return Verdict.INVALID
    nonce, started = read
    elapsed = (now if now is not None else time.time()) - started
    if elapsed > max_age_seconds():
        return Verdict.EXPIRED
    if elapsed < min_seconds():
        return Verdict.TOO_FAST
    if cache.get(_used_key(nonce)):
        return Verdict.INVALID
    if numbers.parse(answer or "") != _answer(nonce):
        return Verdict.WRONG
    return Verdict.OK


def mark_used(token: str) -> None:
    """Called once the question is saved: the same token is never accepted again."""
    if read := read_token(token):
        cache.set(_used_key(read[0]), 1, int(max_age_seconds()) + 60)


def solve(token: str) -> int:
    """The expected answer (for tests and the demo only: it needs the secret key)."""
    read = read_token(token)
    if read is None:
        raise ValueError("not a token of this form")
    return _answer(read[0])
