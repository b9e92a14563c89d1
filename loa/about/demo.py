"""Demo content: the about pages of UBND thành phố Hưng Yên and their English translations.

The core loader builds a plain "Giới thiệu" StandardPage first (loa/core/demo/loader.py,
`_about`) and calls this module afterwards; this module turns it into the about index
(same title, slug, lead and text, minus the history now told on its own page), keeps its
place at the head of the menu and adds the child pages. The English pages are translations
of the Vietnamese ones (same type and translation key), linked as the admin's "Translate"
action links them.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from loa.core.demo.images import vietnamese_font
from loa.core.text import vn_slugify

from . import demo_content as content
from .models import AboutIndexPage, ContactPage, EnglishAgencySettings, FunctionsPage, HistoryPage, OrganisationPage

PORTRAIT_SIZE = (320, 400)
PORTRAIT_COLOURS = ((165, 14, 14), (26, 82, 118), (30, 110, 70), (120, 60, 130), (150, 90, 20))


def load_demo(home: Page, now: dt.datetime) -> None:
    if AboutIndexPage.objects.child_of(home).exists():
        return
    portraits: dict[str, object] = {}
    about, history_blocks = _about_index(home)
    organisation = content.ORGANISATION
    _child(about, OrganisationPage, organisation["title"], intro=organisation["intro"], units=_units(portraits))
    functions = content.FUNCTIONS
    _child(
        about,
        FunctionsPage,
        functions["title"],
        intro=functions["intro"],
        functions=functions["functions"],
        duties=[("group", {"heading": heading, "items": list(items)}) for heading, items in functions["duties"]],
        legal_basis=functions["legal_basis"],
    )
    history = content.HISTORY
    _child(
        about,
        HistoryPage,
        history["title"],
        intro=history["intro"],
        body=history_blocks,
        milestones=[("milestone", {"when": w, "title": t, "text": x}) for w, t, x in history["milestones"]],
    )
    contact = content.CONTACT
    _child(
        about,
        ContactPage,
        contact["title"],
        intro=contact["intro"],
        fax=contact["fax"],
        working_hours=contact["working_hours"],
        latitude=Decimal(contact["latitude"]),
        longitude=Decimal(contact["longitude"]),
        contact_points=_points(contact["points"]),
    )
    _english(home, about, portraits)


# --- Vietnamese ---------------------------------------------------------------------------------


def _about_index(home: Page) -> tuple[AboutIndexPage, list]:
    """Replace the loader's plain "Giới thiệu" page by the about index, in the same place in the menu."""
    from loa.core.models import StandardPage

    old = StandardPage.objects.child_of(home).filter(slug="gioi-thieu").first()
    title, intro, body, history = "Giới thiệu", "", [], []
    if old is not None:
        title, intro = old.title, old.intro
        body, history = _split_history([(block.block_type, block.value) for block in old.body])
        old.delete()
    about = AboutIndexPage(title=title, slug="gioi-thieu", intro=intro, body=body, show_in_menus=True)
    home.add_child(instance=about)
    about.save_revision().publish()
    first = home.get_children().first()
    if first is not None and first.pk != about.pk:
        about.move(first, pos="left")
    return AboutIndexPage.objects.get(pk=about.pk), history


def _split_history(blocks: list) -> tuple[list, list]:
    """The index keeps geography and landmarks; the "Lịch sử hình thành" part moves to the history page."""
    kept, history, in_history = [], [], False
    for block_type, value in blocks:
        text = str(value.source) if hasattr(value, "source") else ""
        if text.startswith("<h2"):
            in_history = "Lịch sử" in text
            if in_history:
                continue
        (history if in_history else kept).append((block_type, value))
    return kept, history


def _child(parent: Page, model: type[Page], title: str, *, slug: str = "", **fields) -> Page:
    page = model(title=title, slug=slug or vn_slugify(title), show_in_menus=True, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _units(portraits: dict, english: bool = False) -> list[tuple[str, dict]]:
    return [
        ("unit", {**_unit(unit, portraits, english), "units": [_unit(sub, portraits, english) for sub in unit.units]})
        for unit in content.UNITS
    ]


def _unit(unit: content.Unit, portraits: dict, english: bool) -> dict:
    return {
        "name": unit.name_en if english else unit.name,
        "description": unit.description_en if english else unit.description,
        "phone": unit.phone,
        "email": unit.email,
        "leaders": [
            {
                "name": leader.name,
                "position": leader.position_en if english else leader.position,
                "photo": portraits.get(leader.name) or portraits.setdefault(leader.name, _portrait(leader.name)),
                "phone": leader.phone,
                "email": leader.email,
            }
            for leader in unit.leaders
        ],
    }


def _points(points) -> list[tuple[str, dict]]:
    return [("contact", {"name": n, "phone": p, "email": e, "note": note}) for n, p, e, note in points]


def _portrait(name: str):
    """A placeholder portrait drawn here: the person's initials on a coloured card, nothing downloaded."""
    words = name.split()
    initials = (words[0][0] + words[-1][0]).upper() if len(words) > 1 else name[:1].upper()
    colour = PORTRAIT_COLOURS[sum(map(ord, name)) % len(PORTRAIT_COLOURS)]
    picture = Image.new("RGB", PORTRAIT_SIZE, colour)
    draw = ImageDraw.Draw(picture)
    width, height = PORTRAIT_SIZE
    light = tuple(min(255, c + 150) for c in colour)
    draw.ellipse((width * 0.18, height * 0.1, width * 0.82, height * 0.58), fill=light)
    draw.rounded_rectangle((width * 0.08, height * 0.64, width * 0.92, height * 1.1), radius=60, fill=light)
    font = vietnamese_font(96)
    if font is not None:
        draw.text((width / 2, height * 0.34), initials, fill=colour, font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    data = buffer.getvalue()
    image = get_image_model()(
        title=f"Ảnh chân dung {name}",
        description=name,
        file=ImageFile(io.BytesIO(data), name=f"chan-dung-{vn_slugify(name)}.jpg"),
    )
    image.save()
    return image


# --- English ------------------------------------------------------------------------------------


def _english(home: Page, about: AboutIndexPage, portraits: dict) -> None:
    english, _ = Locale.objects.get_or_create(language_code="en")
    _english_settings(home)
    _translate(home, english, **content.ENGLISH_HOME)
    _translate(about, english, **content.ABOUT_EN, body=[])
    organisation = OrganisationPage.objects.child_of(about).get()
    _translate(
        organisation,
        english,
        title=content.ORGANISATION["title_en"],
        slug=content.ORGANISATION["slug_en"],
        intro=content.ORGANISATION["intro_en"],
        units=_units(portraits, english=True),
    )
    contact = content.CONTACT
    _translate(
        ContactPage.objects.child_of(about).get(),
        english,
        title=contact["title_en"],
        slug=contact["slug_en"],
        intro=contact["intro_en"],
        working_hours=contact["working_hours_en"],
        fax=contact["fax"],
        latitude=Decimal(contact["latitude"]),
        longitude=Decimal(contact["longitude"]),
        contact_points=_points(contact["points_en"]),
    )


def _translate(page: Page, locale: Locale, **fields) -> Page:
    """The English version of `page`: the same type and translation key, under its parent's translation.

    Built directly rather than with `copy_for_translation` (what the admin's "Translate" action
    runs): a copy takes the Vietnamese slug first, and renaming it afterwards would leave
    automatic redirects from addresses that never existed.
    """
    source = page.specific
    parent = source.get_parent()
    translated_parent = parent.get_translation_or_none(locale) if parent.depth > 1 else parent
    copied = {name: getattr(source, name) for name in ("show_in_menus", "search_description") if name not in fields}
    translated = type(source)(locale=locale, translation_key=source.translation_key, **copied, **fields)
    translated_parent.add_child(instance=translated)
    translated.save_revision().publish()
    return translated


def _english_settings(home: Page) -> None:
    site = Site.objects.filter(root_page=home).first() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = EnglishAgencySettings.for_site(site)
    for name, value in content.ENGLISH_AGENCY.items():
        if not getattr(settings, name):
            setattr(settings, name, value)
    settings.save()
