"""Any text at all in the public forms: an answer in Vietnamese, never a server error, never half a row.

Hypothesis sends arbitrary Unicode (control characters and NUL included, surrogates
excluded: they cannot be sent as UTF-8), long strings around each field's limit,
and mixes in well-formed values so that accepted submissions are exercised too.
For each example: the status is 200/302/303 or 400, a refusal says why in
Vietnamese and stores nothing, an acceptance stores the text in NFC without
invisible characters and shows it back as text. Rate limits are started afresh
for each example the way every test starts (conftest.py clears the cache).
"""

from __future__ import annotations

import json
import unicodedata
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from loa.core.text import INVISIBLE, typed_text
from loa.qa.models import Question, Topic
from loa.ratings.models import PageRating

from .checks import assert_clean
from .portal import SAME_ORIGIN, forget_rate_limits, question_data

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the work tree
    derandomize=True,  # the same examples on every run: what passed here passes in CI
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Any character a browser can send: every category except surrogates.
ANY_CHAR = st.characters(exclude_categories=("Cs",))
VIETNAMESE = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐ "
#: What a paste or an input method slips in, and characters HTML cares about.
STRAY = ["\x00", "\u200b", "\ufeff", "\u202e", "\r", "\n", "\t", "<", ">", '"', "&"]
#: Text people type, in NFC or NFD, now and then with a stray character.
TYPED = st.text(
    alphabet=st.sampled_from([*VIETNAMESE, *"abcdefghiklmnopqrstuvxy.,?", *STRAY]), min_size=30, max_size=150
).map(lambda text: unicodedata.normalize(("NFC", "NFD")[len(text) % 2], text))


def any_text(max_size: int) -> st.SearchStrategy[str]:
    """Anything, short or around the field's limit, or typed text."""
    return st.one_of(
        st.text(ANY_CHAR, max_size=max_size), TYPED, st.text(ANY_CHAR, min_size=max_size - 20, max_size=max_size)
    )


@st.composite
def tidy_or_not(draw, valid: st.SearchStrategy, hostile: st.SearchStrategy):
    """Half the examples send only valid-looking fields (so acceptances are tested too)."""
    return draw(valid) if draw(st.shared(st.booleans(), key="tidy")) else draw(st.one_of(valid, hostile))


def is_vietnamese(message: str) -> bool:
    """Vietnamese sentences carry diacritics; Django's and Loa's English sources do not."""
    return any(char in message.lower() for char in VIETNAMESE.strip())


def assert_vietnamese(messages: list[str]) -> None:
    assert messages, "a refusal says why"
    assert all(is_vietnamese(message) for message in messages), messages


def assert_kept_as_typed(stored: str, typed: str) -> None:
    assert stored == typed_text(typed).strip()
    assert unicodedata.is_normalized("NFC", stored)
    assert not INVISIBLE.search(stored)


# --- Hỏi đáp: the question form ----------------------------------------------------------------------------


@pytest.fixture
def topic(hostile_portal) -> Topic:
    return Topic.objects.filter(active=True).first()


@EXAMPLES
@given(
    name=tidy_or_not(TYPED, any_text(130)),
    email=tidy_or_not(st.just("nguyenvanan@example.com"), any_text(260)),
    phone=tidy_or_not(st.sampled_from(["", "0912 345 678"]), any_text(40)),
    title=tidy_or_not(TYPED, any_text(210)),
    text=tidy_or_not(TYPED, any_text(5100)),
    topic_text=tidy_or_not(st.none(), st.text(ANY_CHAR, max_size=25)),
)
def test_any_question_is_answered_in_vietnamese_and_saved_whole_or_not_at_all(
    hostile_portal, topic, name, email, phone, title, text, topic_text
):
    forget_rate_limits()
    client = Client()
    before = Question.objects.count()
    data = question_data(topic.pk if topic_text is None else topic_text, name=name, email=email, phone=phone)
    data.update(title=title, text=text)
    response = client.post(hostile_portal.qa.url + "dat-cau-hoi/", data)

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    event(f"HTTP {response.status_code}")
    if response.status_code == HTTPStatus.OK:
        assert Question.objects.count() == before
        form = response.context["form"]
        assert_vietnamese([str(message) for errors in form.errors.values() for message in errors])
        assert_clean(response.content.decode(), "refused question")
        return
    assert Question.objects.count() == before + 1
    question = Question.objects.latest("pk")
    assert_kept_as_typed(question.asker_name, name)
    assert_kept_as_typed(question.title, title)
    assert_kept_as_typed(question.text, text)
    followed = client.post(
        hostile_portal.qa.url + "tra-cuu/", {"code": question.code, "contact": question.email or phone}
    )
    assert followed.context["question"] == question
    assert_clean(followed.content.decode(), "followed question")


# --- ratings -------------------------------------------------------------------------------------------------


RATINGS = "/api/danh-gia/"


def rating_rows(page_id: int) -> list[tuple]:
    return list(PageRating.objects.filter(page_id=page_id).order_by("pk").values_list("pk", "rating", "comment"))


@EXAMPLES
@given(
    rating=tidy_or_not(st.sampled_from(["1", "2", "3", "4", "5"]), st.text(ANY_CHAR, max_size=12)),
    comment=tidy_or_not(TYPED, any_text(1100)),
)
def test_any_rating_form_is_saved_whole_or_refused_in_vietnamese(hostile_portal, rating, comment):
    forget_rate_limits()
    client = Client()
    article = hostile_portal.articles[0]
    before = rating_rows(article.pk)
    body = urlencode({"page": article.pk, "rating": rating, "comment": comment})
    response = client.post(RATINGS, body, content_type="application/x-www-form-urlencoded", **SAME_ORIGIN)

    assert response.status_code in (HTTPStatus.SEE_OTHER, HTTPStatus.BAD_REQUEST)
    event(f"HTTP {response.status_code}")
    if response.status_code == HTTPStatus.BAD_REQUEST:
        assert rating_rows(article.pk) == before
        submission = response.context["rating_submission"]
        assert_vietnamese([response.context["message"], *submission["errors"].values()])
        assert_clean(response.content.decode(), "refused rating")
        return
    *kept, (_pk, stored_rating, stored_comment) = rating_rows(article.pk)
    assert kept == before  # a new reader (no cookie yet): a row of its own
    assert stored_rating == int(rating)
    assert_kept_as_typed(stored_comment, comment)


JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(ANY_CHAR, max_size=30),
    st.lists(st.integers(), max_size=3),
)


@EXAMPLES
@given(
    rating=tidy_or_not(st.integers(min_value=1, max_value=5), JSON_VALUES),
    comment=tidy_or_not(TYPED, st.one_of(any_text(1100), JSON_VALUES)),
    visitor=tidy_or_not(st.just("0123456789abcdef0123456789abcdef"), JSON_VALUES),
    extra=tidy_or_not(st.just({}), st.dictionaries(st.text(ANY_CHAR, max_size=8), JSON_VALUES, max_size=2)),
)
def test_any_rating_as_json_is_saved_whole_or_refused_in_vietnamese(hostile_portal, rating, comment, visitor, extra):
    forget_rate_limits()
    client = Client()
    article = hostile_portal.articles[1]
    before = rating_rows(article.pk)
    body = {**extra, "page": article.pk, "rating": rating, "comment": comment, "visitor": visitor}
    response = client.post(RATINGS, json.dumps(body), content_type="application/json", **SAME_ORIGIN)

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    event(f"HTTP {response.status_code}")
    answer = response.json()
    if response.status_code == HTTPStatus.BAD_REQUEST:
        assert rating_rows(article.pk) == before
        assert_vietnamese(
            [answer["message"], *(message for messages in answer["errors"].values() for message in messages)]
        )
        return
    assert answer["saved"] is True
    [(_pk, stored_rating, stored_comment)] = rating_rows(article.pk)  # the same reader: one row, replaced
    assert stored_rating == rating
    assert_kept_as_typed(stored_comment, comment or "")


# --- search --------------------------------------------------------------------------------------------------


@EXAMPLES
@given(
    q=any_text(2100),
    section=st.one_of(st.none(), st.text(ANY_CHAR, max_size=12)),
    date_from=st.one_of(st.none(), st.text(ANY_CHAR, max_size=12), st.dates().map(str)),
    page=st.one_of(st.none(), st.text(ANY_CHAR, max_size=6), st.integers().map(str)),
)
def test_any_search_answers_a_page_with_vietnamese_messages(hostile_portal, q, section, date_from, page):
    client = Client()
    params = {"q": q, "section": section, "date_from": date_from, "page": page}
    response = client.get("/tim-kiem/", {key: value for key, value in params.items() if value is not None})

    assert response.status_code == HTTPStatus.OK
    assert_clean(response.content.decode(), "search")
    form = response.context["form"]
    assert_vietnamese([str(message) for errors in form.errors.values() for message in errors] or ["đúng"])
    results = response.context["results"]
    if results is not None and results.message:
        assert is_vietnamese(str(results.message)), results.message
    suggestions = client.get("/tim-kiem/goi-y/", {"q": q})
    assert suggestions.status_code == HTTPStatus.OK
    assert isinstance(suggestions.json()["suggestions"], list)
