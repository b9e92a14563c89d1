"""The reader's search: what the results page and the suggestions ask for."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import backends
from .models import SearchDocument
from .ranking import Query, score
from .text import MAX_QUERY_LENGTH, fold, nfc, words

POOL = 60  # candidates ranked in Python; later pages follow the database's own rank
PHRASE_POOL = 30  # plus the best documents holding the words side by side, which bm25 alone may miss
MAX_WORDS = 12
SNIPPET_CHARS = 240
SCORED_CHARS = 6000  # the lead of a long text says what it is about; scanning all of it costs every search
SECTION_DEPTH = 3  # root → home → section


@dataclass
class Hit:
    page_id: int
    title: str
    url_path: str
    kind: str
    published_at: dt.datetime | None
    section: str = ""
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))
    title_html: SafeString = field(default_factory=lambda: mark_safe(""))
    score: float = 0.0
    url: str = ""

    @property
    def kind_label(self) -> str:
        from .models import Kind

        return str(Kind(self.kind).label) if self.kind in Kind.values else ""


@dataclass
class Results:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False  # more matches than counted (backends.MAX_COUNT)
    reachable: int = 0  # how many of them the pages can show (the ranked window, or all by date)
    message: str = ""

    @property
    def page_ids(self) -> list[int]:
        return [hit.page_id for hit in self.hits]


@dataclass
class Options:
    kinds: tuple[str, ...] = ()
    section: Page | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    newest: bool = False
    offset: int = 0
    limit: int = 10

    def filters(self) -> backends.Filters:
        from django.utils import timezone

        def start_of(day: dt.date) -> dt.datetime:
            return timezone.make_aware(dt.datetime.combine(day, dt.time.min))

        return backends.Filters(
            kinds=self.kinds,
            path_prefix=self.section.path if self.section is not None else None,
            date_from=start_of(self.date_from) if self.date_from else None,
            date_to=start_of(self.date_to + dt.timedelta(days=1)) if self.date_to else None,
        )


def parse(raw: str) -> tuple[Query | None, str]:
    """The query's words, or None with the message a reader sees instead of results."""
    text = nfc(raw or "").strip()
    message = ""
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        message = _("Your search was longer than %(count)d characters; only the beginning was used.") % {
            "count": MAX_QUERY_LENGTH
        }
    if not text:
        return None, _("Type the words you are looking for.")
    found = words(text)[:MAX_WORDS]
    if not found:
        return None, _("Your search has no letters or digits to look for.")
    if sum(len(word) for word in found) < 2:
        return None, _("Please type at least two letters.")
    return Query.of(found), message


def search(raw: str, options: Options | None = None) -> Results:
    options = options or Options()
    query, message = parse(raw)
    results = Results(query=raw, message=message)
    if query is None:
        return results
    backend = backends.backend()
    filters = options.filters()
    if options.newest:
        candidates = backend.candidates(
            list(query.folded), filters, limit=options.limit, offset=options.offset, newest=True
        )
        documents = _documents(candidates.ids)
        hits = [_hit(documents[pk], query) for pk in candidates.ids if pk in documents]
    elif options.offset >= POOL:
        candidates = backend.candidates(list(query.folded), filters, limit=options.limit, offset=options.offset)
        documents = _documents(candidates.ids)
        hits = [_hit(documents[pk], query) for pk in candidates.ids if pk in documents]
    else:
        candidates = backend.candidates(list(query.folded), filters, limit=POOL)
        ids = candidates.ids
        if len(query.folded) > 1 and candidates.total > POOL:
            if candidates.phrase_ids is not None:
                phrased_ids = candidates.phrase_ids[:PHRASE_POOL]
            else:
                phrased = backend.candidates(list(query.folded), filters, limit=PHRASE_POOL, phrase=True, count=False)
                phrased_ids = phrased.ids
            ids = list(dict.fromkeys([*phrased_ids, *ids]))
        documents = _documents(ids)
        ranked = sorted(
            (_hit(document, query, with_html=False) for document in documents.values()),
            key=lambda hit: (-hit.score, -(hit.published_at.timestamp() if hit.published_at else 0)),
        )
        hits = ranked[options.offset : options.offset + options.limit]
        for hit in hits:
            _decorate(hit, documents[hit.page_id], query)
    _add_sections(hits)
    results.hits = hits
    results.total = candidates.total
    results.capped = candidates.capped
    results.reachable = candidates.total if options.newest else min(candidates.total, backends.RANK_WINDOW)
    return results


def suggest(raw: str, limit: int = 8) -> list[dict]:
    """Titles for the search box as the reader types: every word matched, the last as a prefix."""
    query, _message = parse(raw)
    if query is None:
        return []
    candidates = backends.backend().candidates(
        list(query.folded), backends.Filters(), limit=POOL, prefix_last=True, title_only=True, count=False
    )
    documents = _documents(candidates.ids, with_body=False)
    hits = sorted(
        (_hit(document, query, with_html=False, with_body=False) for document in documents.values()),
        key=lambda hit: (-hit.score, -(hit.published_at.timestamp() if hit.published_at else 0)),
    )[:limit]
    return [{"title": hit.title, "url": _url(hit)} for hit in hits]


def _documents(ids: list[int], *, with_body: bool = True) -> dict[int, SearchDocument]:
    documents = SearchDocument.objects.filter(page_id__in=ids)
    if not with_body:  # suggestions rank titles only
        documents = documents.defer("body", "body_folded")
    return {document.page_id: document for document in documents}


def _hit(document: SearchDocument, query: Query, *, with_html: bool = True, with_body: bool = True) -> Hit:
    hit = Hit(
        page_id=document.page_id,
        title=document.title,
        url_path=document.url_path,
        kind=document.kind,
        published_at=document.published_at,
        score=score(
            query,
            title=document.title,
            body=document.body[:SCORED_CHARS] if with_body else "",
            title_folded=document.title_folded,
            body_folded=document.body_folded[:SCORED_CHARS] if with_body else "",
            keywords_folded=document.keywords_folded,
            keywords=document.keywords,
            published_at=document.published_at,
        ),
    )
    if with_html:
        _decorate(hit, document, query)
    return hit


def _decorate(hit: Hit, document: SearchDocument, query: Query) -> None:
    hit.title_html = highlight(document.title, document.title_folded, query)
    hit.snippet = snippet(document.body, document.body_folded, query)


def page_url(url_path: str) -> str:
    """The public URL of a page from its url_path, without loading the page (Wagtail caches the site roots)."""
    from wagtail.models import Site

    roots = Site.get_site_root_paths()  # most specific first; one per site and language
    one_site = len({root.site_id for root in roots}) == 1
    for root in roots:
        if url_path.startswith(root.root_path):
            relative = "/" + url_path[len(root.root_path) :]
            if root.language_code and root.language_code != settings.LANGUAGE_CODE:
                relative = f"/{root.language_code}{relative}"  # i18n_patterns: /en/… (loa/urls.py)
            return relative if one_site else root.root_url.rstrip("/") + relative
    return url_path


def _url(hit: Hit) -> str:
    return page_url(hit.url_path)


def _add_sections(hits: list[Hit]) -> None:
    """The top-level section of each hit, in one query."""
    if not hits:
        return
    documents = SearchDocument.objects.filter(page_id__in=[hit.page_id for hit in hits])
    paths = dict(documents.values_list("page_id", "path"))
    section_paths = {
        path[: SECTION_DEPTH * Page.steplen] for path in paths.values() if len(path) > SECTION_DEPTH * Page.steplen
    }
    titles = dict(Page.objects.filter(path__in=section_paths).values_list("path", "title"))
    for hit in hits:
        hit.url = page_url(hit.url_path)
        hit.section = titles.get(paths.get(hit.page_id, "")[: SECTION_DEPTH * Page.steplen], "")


# --- highlighting ---------------------------------------------------------------------------------


def _spans(folded: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's words (or its phrase) occur in a folded text, merged, in order."""
    alternatives = ([query.phrase] if len(query.folded) > 1 else []) + sorted(set(query.folded), key=len, reverse=True)
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(word) for word in alternatives) + r")(?![^\W_])")
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        start, end = match.span()
        if spans and not folded[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)  # "Phụ" "nữ" side by side read as one highlight
        else:
            spans.append((start, end))
    return spans


def highlight(original: str, folded: str, query: Query) -> SafeString:
    """Escape ``original`` and wrap the query's words in <mark>, in their own diacritics.

    ``folded`` has one character per character of ``original`` (loa.search.text.fold),
    so the spans found in it cut the original at the same places.
    """
    if len(folded) != len(original):  # never expected; fall back to plain escaped text
        return escape(original)
    pieces, last = [], 0
    for start, end in _spans(folded, query):
        pieces.append(escape(original[last:start]))
        pieces.append(f"<mark>{escape(original[start:end])}</mark>")
        last = end
    pieces.append(escape(original[last:]))
    return mark_safe("".join(pieces))


def snippet(body: str, body_folded: str, query: Query, length: int = SNIPPET_CHARS) -> SafeString:
    """About ``length`` characters of the body around the first (phrase) match, highlighted."""
    if not body:
        return mark_safe("")
    spans = _spans(body_folded, query)
    phrase_at = body_folded.find(query.phrase) if len(query.folded) > 1 else -1
    centre = phrase_at if phrase_at >= 0 else (spans[0][0] if spans else 0)
    start = max(0, centre - length // 3)
    end = min(len(body), start + length)
    # Cut at spaces so no word is broken.
    if start > 0:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < centre else start
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > centre else end
    text = highlight(body[start:end], body_folded[start:end], query)
    return mark_safe(("… " if start > 0 else "") + text + (" …" if end < len(body) else ""))


__all__ = ["Options", "Results", "fold", "search", "suggest"]
