"""The public side of Hỏi đáp (routes of QuestionIndexPage): the list, the form, the receipt, following."""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlencode

from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from loa.core.ratelimit import allow
from loa.core.text import typed_text
from loa.search.text import fold

from . import services, spam
from .forms import AskForm, FollowForm
from .models import QASettings, Question, QuestionIndexPage, Topic

PER_PAGE = 10
MAX_QUERY_WORDS = 8
THANKS_SALT = "loa.qa.thanks"
THANKS_MAX_AGE = 24 * 3600

#: Per address: questions that would be saved, every sending of the form, follow-up look-ups.
ASK_LIMIT = (5, 3600)
POST_LIMIT = (30, 600)
FOLLOW_LIMIT = (20, 600)


def answered_list_context(request: HttpRequest, page: QuestionIndexPage) -> dict:
    """Answered questions, newest first; words found with or without diacritics; one topic at a time."""
    # typed_text: NFC, and no NUL (PostgreSQL refuses it in a query: a 500 for "?tu-khoa=%00").
    query = typed_text(request.GET.get("tu-khoa", "")).strip()[:200]
    topics = list(Topic.objects.filter(active=True))
    topic = next((t for t in topics if t.slug == request.GET.get("linh-vuc")), None)
    items = page.answered()
    if topic is not None:
        items = items.filter(topic=topic)
    for word in fold(query).split()[:MAX_QUERY_WORDS]:
        items = items.filter(folded_text__contains=word)
    kept = {key: value for key, value in (("tu-khoa", query), ("linh-vuc", topic.slug if topic else "")) if value}
    return {
        "page_obj": Paginator(items, PER_PAGE).get_page(request.GET.get("trang")),
        "query": query,
        "topics": topics,
        "topic": topic,
        "filtered": bool(kept),
        "page_query": urlencode(kept) + "&" if kept else "",
    }


def _max_bytes(request: HttpRequest) -> int:
    site = Site.find_for_request(request)
    megabytes = QASettings.for_site(site).attachment_max_mb if site else 5
    return megabytes * 1024 * 1024


def _challenge_after(form: AskForm) -> spam.Challenge:
    """The question to show again: the same while it was answered right, else a new one.

    A new one keeps the time the form was first shown, so correcting a field does not
    restart the clock (and look "too fast").
    """
    token = form.data.get("token", "")
    if form.verdict == spam.Verdict.OK and (same := spam.challenge_for(token)):
        return same
    read = spam.read_token(token)
    keep_start = read and form.verdict in (spam.Verdict.WRONG, spam.Verdict.TOO_FAST)
    return spam.new_challenge(started=read[1] if keep_start else None)


@never_cache
def ask(request: HttpRequest, page: QuestionIndexPage) -> HttpResponse:
    status = HTTPStatus.OK
    max_bytes = _max_bytes(request)
    if request.method == "POST":
        form = AskForm(request.POST, request.FILES, max_bytes=max_bytes)
        if not allow(request, "qa-post", *POST_LIMIT):
            form.is_valid()
            form.add_error(None, _("The form was sent too many times. Please try again in a few minutes."))
            status = HTTPStatus.TOO_MANY_REQUESTS
        elif form.is_valid():
            if allow(request, "qa-ask", *ASK_LIMIT):
                question = services.receive(
                    form.question(), page, form.cleaned_data.get("attachment"), form.attachment_kind
                )
                spam.mark_used(form.cleaned_data["token"])
                receipt = signing.dumps(question.code, salt=THANKS_SALT)
                thanks_url = page.url + page.reverse_subpage("thanks")
                return HttpResponseRedirect(thanks_url + "?" + urlencode({"ma": receipt}))
            form.add_error(
                None,
                _("Too many questions were sent from your connection in a short time. Please try again in an hour."),
            )
            status = HTTPStatus.TOO_MANY_REQUESTS
        challenge = _challenge_after(form)
        if challenge.token != form.data.get("token"):
            data = form.data.copy()
            data["token"], data["captcha"] = challenge.token, ""
            form.data = data
    else:
        form = AskForm(max_bytes=max_bytes)
        challenge = spam.new_challenge()
        form.initial["token"] = challenge.token
    context = page.base_context(request)
    context.update(
        form=form,
        challenge=challenge,
        max_mb=max_bytes // (1024 * 1024),
    )
    return TemplateResponse(request, "qa/ask.html", context, status=status)


@never_cache
def thanks(request: HttpRequest, page: QuestionIndexPage) -> HttpResponse:
    """The receipt: the reference code, signed by the form so no one can show a code of their choosing here."""
    try:
        code = signing.loads(request.GET.get("ma", ""), salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:
        return HttpResponseRedirect(page.url + page.reverse_subpage("ask"))
    context = page.base_context(request)
    context.update(code=code)
    return TemplateResponse(request, "qa/thanks.html", context)


@never_cache
def follow(request: HttpRequest, page: QuestionIndexPage) -> HttpResponse:
    """Code + email or phone → the question's state and answer; the same refusal for any mismatch."""
    question: Question | None = None
    not_found = False
    status = HTTPStatus.OK
    if request.method == "POST":
        form = FollowForm(request.POST)
        if not allow(request, "qa-follow", *FOLLOW_LIMIT):
            form.is_valid()
            form.add_error(None, _("Too many look-ups. Please try again in a few minutes."))
            status = HTTPStatus.TOO_MANY_REQUESTS
        elif form.is_valid():
            question = form.find()
            not_found = question is None
    else:
        form = FollowForm(initial={"code": request.GET.get("ma", "")})
    context = page.base_context(request)
    context.update(
        form=form,
        question=question,
        not_found=not_found,
    )
    return TemplateResponse(request, "qa/follow.html", context, status=status)
