"""The language switch, the English header pieces and small helpers of the about pages."""

from __future__ import annotations

import re

from django import template
from django.utils import timezone
from wagtail.models import Page, Site

from ..labels import labels_for
from ..translations import switch_targets

register = template.Library()

LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _site(context) -> Site | None:
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


@register.inclusion_tag("about/includes/language_switch.html", takes_context=True)
def language_switch(context) -> dict:
    """Tiếng Việt / English: the current page's translation when there is one, else that language's home.

    Shows nothing until a second language has a published home page.
    """
    site = _site(context)
    targets = switch_targets(context.get("page"), site.root_page if site else None)
    current = context.get("site_language", "vi")
    languages = [(code, name, targets.get(code), code == current) for code, name in LANGUAGE_NAMES]
    shown = len([item for item in languages if item[2]]) > 1
    return {"languages": languages if shown else [], "current": current}


@register.inclusion_tag("about/chrome/menu.html", takes_context=True)
def translated_menu(context) -> dict:
    """The main menu of a translated tree: its home and the home's children shown in menus."""
    page = context.get("page")
    language = context.get("site_language", "en")
    home = None
    if isinstance(page, Page):
        home = page if page.depth == 2 else Page.objects.ancestor_of(page).filter(depth=2).first()
    items = list(home.get_children().live().public().in_menu()) if home else []
    current_path = getattr(page, "path", "")
    return {
        "labels": labels_for(language),
        "home": home,
        "home_current": home is not None and current_path == home.path,
        "items": [(item, current_path.startswith(item.path)) for item in items],
    }


@register.simple_tag
def chrome_labels(language: str) -> dict[str, str]:
    return labels_for(language)


@register.simple_tag
def english_date() -> str:
    """'Monday, 21 July 2025' in Vietnam's time zone (no locale files involved)."""
    today = timezone.localdate()
    return f"{WEEKDAYS[today.weekday()]}, {today.day} {MONTHS[today.month - 1]} {today.year}"


@register.filter
def tel_href(number: str) -> str:
    """'0221 3 862 345' → 'tel:02213862345' (digits and a leading +)."""
    number = str(number or "").strip()
    digits = re.sub(r"\D", "", number)
    return f"tel:{'+' if number.startswith('+') else ''}{digits}"
