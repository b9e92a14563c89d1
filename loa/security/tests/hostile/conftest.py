"""Fixtures of the hostile-input suite (several test files share them; helpers in portal.py)."""

from .portal import hostile_portal  # noqa: F401
