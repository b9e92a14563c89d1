"""Loa's Vietnamese search against Wagtail's stock database search backend (see README.md)."""
