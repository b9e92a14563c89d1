"""Wagtail's `{% picture %}` tag, same syntax and same HTML, cheaper to render when warm.

Load it instead of `wagtailimages_tags` where a template shows photos (`{% load loa_pictures %}`).
Measured on the demo home page (14 card photos, six renditions each), Wagtail 8.0.1's tag
spends most of its time on work that gives the same answer every render:

- it builds new `Filter` objects from the spec strings on every render, and each parses its
  operations again (looking up the registered image operations) to compute the cache key;
- after finding renditions in the renditions cache, it writes every one of them back
  (`get_renditions` skips the write only for prefetched renditions), pickling six objects.

This node keeps its `Filter`s for as long as the compiled template lives (the cached template
loader keeps it for the process), reads the renditions cache itself, and hands over to
Wagtail's own `get_renditions` (database, generation, cache fill) only when something is
missing, when renditions were prefetched, or for an SVG.
"""

from __future__ import annotations

from django import template
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


def cached_renditions(image, filters: list[Filter]) -> dict | None:
    """The renditions, all from the renditions cache with one `get_many`, else None."""
    if image._get_prefetched_renditions() is not None or image.is_svg():
        return None
    rendition_model = image.get_rendition_model()
    keys = {
        rendition_model.construct_cache_key(image, each.get_cache_key(image), each.spec): each.spec for each in filters
    }
    found = rendition_model.cache_backend.get_many(list(keys))
    if len(found) < len(keys):
        return None
    renditions = {}
    for key, spec in keys.items():
        rendition = found[key]
        rendition.image = image  # as Wagtail does: the caller's image (and its contextual alt text)
        renditions[spec] = rendition
    return renditions


class LoaPictureNode(PictureNode):
    def get_filters(self) -> list[Filter]:
        filters = self.__dict__.get("_filters")
        if filters is None:  # a race only computes the same list twice
            filters = self._filters = super().get_filters()
        return filters

    def render(self, context) -> str:
        image = self.validate_image(context)
        if not image:
            return ""
        filters = self.get_filters()
        renditions = cached_renditions(image, filters)
        if renditions is None:
            renditions = get_renditions_or_not_found(image, filters)
        if self.output_var_name:
            context[self.output_var_name] = Picture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return Picture(renditions, attrs).__html__()


@register.tag
def picture(parser, token) -> LoaPictureNode:
    """`{% picture image width-{400,800} format-{avif,webp,jpeg} sizes="…" alt="…" %}`, as Wagtail's."""
    node = parse_image_tag(parser, token)
    return LoaPictureNode(node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs)
