"""The public list: ?q= (any words, with or without diacritics), ?linh_vuc=, ?cap=, ?trang=."""

from __future__ import annotations

from django.core.paginator import Paginator

from loa.core.text import typed_text
from loa.search.text import fold, words

from .models import PUBLIC_LEVELS, Level, Procedure

PER_PAGE = 20
MAX_QUERY = 200


def search(queryset, query: str):
    """Every syllable of the query must be a whole word of the folded name or field ('dang ky khai sinh' finds
    'Đăng ký khai sinh'; 'khai tu' does not find 'thủ tục … khai sinh'); a term with digits is part of a code
    ('1.001193'). A test on the folded twin rather than the site's search index: the list is a few hundred
    rows at most, and codes are matched as typed."""
    for term in fold(query).split():
        if any(char.isdigit() for char in term):
            queryset = queryset.filter(search_text__contains=term)
            continue
        for word in words(term):
            queryset = queryset.filter(search_text__contains=f" {word} ")
    return queryset


def listing_context(request) -> dict:
    # typed_text: NFC, and no NUL (PostgreSQL refuses it in a query: a 500 for "?q=%00").
    query = typed_text(request.GET.get("q", "")[:MAX_QUERY]).strip()
    field = typed_text(request.GET.get("linh_vuc", "")[:255]).strip()
    level = request.GET.get("cap", "")
    procedures = Procedure.objects.all()
    if query:
        procedures = search(procedures, query)
    if field:
        procedures = procedures.filter(field=field)
    if level in Level.values:
        procedures = procedures.filter(level=level)
    else:
        level = ""
    page_obj = Paginator(procedures, PER_PAGE).get_page(request.GET.get("trang"))
    present_levels = set(Procedure.objects.values_list("level", flat=True).distinct())
    return {
        "query": query,
        "field": field,
        "level": level,
        "fields": list(Procedure.objects.order_by("field").values_list("field", flat=True).distinct()),
        "levels": [(value, label) for value, label in PUBLIC_LEVELS.items() if value in present_levels],
        "page_obj": page_obj,
        "filtered": bool(query or field or level),
    }
