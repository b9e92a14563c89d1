"""Fill every text an editor can type with hostile strings, as far as the admin's validation lets them.

A field keeps its old value when the payload would be refused (an e-mail, a URL,
a procedure code): the test is about what an editor can actually save. Rich text
gets markup that only an import or a crafted request could send; the blocks
must sanitise it on the way in.
"""

from __future__ import annotations

import copy
import itertools
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.rich_text import RichText

from .checks import COMBINED, RICH_TEXT, SHORT

#: Models whose text a public page (or feed) shows, by app label.
PUBLIC_MODELS = (
    "loa_core.AgencySettings",
    "loa_news.Author",
    "loa_widgets.CampaignBanner",
    "loa_widgets.WeatherPlace",
    "loa_legal.DocumentType",
    "loa_legal.IssuingBody",
    "loa_legal.IssuingLevel",
    "loa_legal.Sector",
    "loa_legal.Signer",
    "loa_schedule.Leader",
    "loa_schedule.ScheduleWeek",
    "loa_schedule.ScheduleEntry",
    "loa_qa.Topic",
    "loa_qa.Unit",
    "loa_about.EnglishAgencySettings",
    "loa_feeds.FeedSettings",
    "loa_procedures.Procedure",
    "wagtaildocs.Document",
    "wagtailimages.Image",
    "wagtailmedia.Media",
    "taggit.Tag",
    "wagtailcore.Site",
)
#: Structural fields an editor never types.
NOT_TEXT = {"path", "url_path", "slug", "draft_title", "hostname", "filter_spec", "robots_extra"}

_serial = itertools.count(1)


@dataclass
class Poisoned:
    """What was changed: (model label, field name) → how many rows."""

    fields: Counter = field(default_factory=Counter)
    rich_text_blocks: int = 0
    pages: list[int] = field(default_factory=list)

    def has(self, label: str, name: str) -> bool:
        return self.fields[(label, name)] > 0


def payload_for(max_length: int | None) -> str | None:
    """The longest payload that fits, with a serial number (names are often unique)."""
    for text in (COMBINED, SHORT):
        candidate = f"{text} #{next(_serial)}"
        if max_length is None or len(candidate) <= max_length:
            return candidate
    return None


def _text_fields(model: type[models.Model]):
    for model_field in model._meta.concrete_fields:
        if (
            isinstance(model_field, (models.CharField, models.TextField))
            and model_field.editable
            and not model_field.choices
            and not model_field.primary_key
            and model_field.name not in NOT_TEXT
            and not isinstance(model_field, models.SlugField)
        ):
            yield model_field


def poison_block(block: blocks.Block, value, report: Poisoned):
    """The block's value with each text inside it replaced (when the block would accept it)."""
    if isinstance(block, blocks.RichTextBlock):
        report.rich_text_blocks += 1
        return RichText(RICH_TEXT)
    if isinstance(block, TableBlock):
        poisoned = copy.deepcopy(value) or {}
        poisoned["data"] = [[payload_for(None) for _cell in row] for row in poisoned.get("data") or [[""]]]
        poisoned["table_caption"] = payload_for(None)
        return poisoned
    if isinstance(block, ImageBlock):  # a StructBlock whose value is the image, with the alt text typed for it
        if value is not None:
            value.contextual_alt_text, value.decorative = payload_for(None), False
        return value
    if isinstance(block, blocks.StructBlock):
        return blocks.StructValue(
            block, [(name, poison_block(child, value.get(name), report)) for name, child in block.child_blocks.items()]
        )
    if isinstance(block, blocks.ListBlock):
        return blocks.list_block.ListValue(block, values=[poison_block(block.child_block, v, report) for v in value])
    if isinstance(block, blocks.StreamBlock):
        return [(child.block_type, poison_block(child.block, child.value, report)) for child in value]
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        candidate = payload_for(getattr(block.field, "max_length", None))
        if candidate is None:
            return value
        try:
            return block.clean(candidate)
        except ValidationError:
            return value
    return value


def poison_instance(instance: models.Model, report: Poisoned) -> None:
    """Set the payloads, keep what the model's validation refuses, save (pages: publish a revision)."""
    label = instance._meta.label
    changed: dict[str, object] = {}
    for model_field in _text_fields(type(instance)):
        candidate = payload_for(model_field.max_length)
        if candidate is None:
            continue
        try:
            model_field.clean(candidate, instance)
        except ValidationError:
            continue
        changed[model_field.name] = getattr(instance, model_field.attname)
        setattr(instance, model_field.attname, candidate)
    for model_field in type(instance)._meta.concrete_fields:
        if isinstance(model_field, StreamField):
            value = getattr(instance, model_field.name)
            changed[model_field.name] = value
            stream_block = model_field.stream_block
            setattr(instance, model_field.name, poison_block(stream_block, value, report))
    for _attempt in range(len(changed) + 1):
        try:
            instance.full_clean(validate_unique=False)
            break
        except ValidationError as error:
            names = [name for name in getattr(error, "error_dict", {}) if name in changed]
            if not names:
                raise
            for name in names:
                setattr(instance, name, changed.pop(name))
    for name in changed:
        report.fields[(label, name)] += 1
    if isinstance(instance, Page):
        instance.save_revision().publish()
    else:
        instance.save()


#: Pages of one type share a template: a few of each, those with the most kinds of blocks first.
PAGES_PER_TYPE = 2


def _variety(page: Page) -> int:
    kinds = set()
    for model_field in type(page)._meta.concrete_fields:
        if isinstance(model_field, StreamField):
            kinds |= {child.block_type for child in getattr(page, model_field.name)}
    return len(kinds)


def chosen_pages() -> list[Page]:
    """Per page type, the newest page and the one with the most kinds of blocks (or the first two)."""
    by_type: dict[type, list[Page]] = {}
    for page in Page.objects.live().specific().filter(depth__gt=1).order_by("-first_published_at", "path"):
        by_type.setdefault(type(page), []).append(page)
    chosen = []
    for pages in by_type.values():
        picks = [pages[0], max(pages, key=_variety)]
        picks += [page for page in pages if page not in picks]
        chosen += list(dict.fromkeys(picks))[:PAGES_PER_TYPE]
    return chosen


def poison_site(report: Poisoned | None = None) -> Poisoned:
    """Chosen pages of every type, every public snippet and setting, and the media they show."""
    from django.apps import apps
    from taggit.models import Tag
    from wagtail.images import get_image_model

    from loa.core.models import AgencySettings

    report = report or Poisoned()
    pages = chosen_pages()
    image_ids = {getattr(page, "main_image_id", None) for page in pages} | {
        settings.emblem_id for settings in AgencySettings.objects.all()
    }
    for label in PUBLIC_MODELS:
        model = apps.get_model(label)
        rows = model.objects.all()
        if model is get_image_model():
            rows = rows.filter(pk__in=image_ids - {None})
        elif model is Tag:
            rows = rows.filter(
                pk__in=Tag.objects.filter(
                    **{"loa_news_articlepagetag_items__content_object__in": [page.pk for page in pages]}
                ).values("pk")
            )
        for instance in rows:
            poison_instance(instance, report)
    for page in pages:
        page.refresh_from_db()  # titles of pages shown in it may have changed
        poison_instance(page, report)
    report.pages = [page.pk for page in pages]
    return report
