"""Demo content for this module (called by loa.core.demo.loader inside the demo transaction)."""

from __future__ import annotations

import datetime as dt

from wagtail.models import Page


def load_demo(home: Page, now: dt.datetime) -> None:
    """Nothing to add: feeds, sitemaps and page metadata are built from the demo's sections and articles,
    and the RSS list (/rss/) is a view, not a page."""
