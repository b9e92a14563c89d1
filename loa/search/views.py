"""The results page (/tim-kiem/) and the suggestions the search box asks for as the reader types."""

from __future__ import annotations

import math

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from loa.news.models import SectionPage

from . import query
from .forms import SearchForm

PER_PAGE = 10


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    page_number, page_count = 1, 0
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        page_number = data.get("page") or 1
        section = SectionPage.objects.filter(pk=data["section"]).first() if data.get("section") else None
        options = query.Options(
            kinds=(data["kind"],) if data.get("kind") else (),
            section=section,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            newest=data.get("order") == "newest",
            offset=(page_number - 1) * PER_PAGE,
            limit=PER_PAGE,
        )
        results = query.search(data.get("q", ""), options)
        page_count = math.ceil(results.reachable / PER_PAGE)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "results": results,
            "page_number": page_number,
            "first_number": (page_number - 1) * PER_PAGE + 1,
            "page_count": page_count,
            "page_range": _page_range(page_number, page_count),
            "query_string": params.urlencode(),
        },
        status=200,
    )


def _page_range(current: int, count: int, around: int = 2) -> list[int]:
    return [n for n in range(1, count + 1) if n in (1, count) or abs(n - current) <= around]


@require_GET
@cache_control(max_age=60, public=True)
def suggestions(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"suggestions": query.suggest(request.GET.get("q", "")[:200])})
