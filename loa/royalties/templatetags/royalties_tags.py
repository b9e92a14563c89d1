"""Points and shares written the Vietnamese way in templates: 1,5 and 33,33%."""

from django import template

from ..money import format_decimal, format_percent

register = template.Library()


@register.filter
def points(value) -> str:
    return format_decimal(value)


@register.filter
def percent(value) -> str:
    return format_percent(value)
