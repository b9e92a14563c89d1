"""What citizens type, and what anyone puts in an address, comes back as text wherever it is shown.

Every public input gets the classic payloads (loa/security/tests/hostile/checks.py):
search and its suggestions, the Hỏi đáp forms and list filters, the rating
widget's comment, the filters of Văn bản, Lịch công tác and Thủ tục, query
strings carried into pagination links, the beacon and the 404 page's echo of the
path. Where a submission is stored it is followed to where it is shown later:
the moderation screens, the published answer, the ratings report and its exports.
"""

from __future__ import annotations

import io
import json
from http import HTTPStatus
from urllib.parse import quote, urlsplit

import pytest
from django.test import Client

from loa.qa.models import Question, Topic
from loa.ratings.models import PageRating

from .checks import PAYLOADS, assert_clean_response
from .portal import SAME_ORIGIN, VISITOR, forget_rate_limits, question_data

pytestmark = pytest.mark.django_db

PAYLOAD_IDS = list(PAYLOADS)


@pytest.fixture(params=PAYLOAD_IDS)
def payload(request) -> str:
    return PAYLOADS[request.param]


def get_clean(client: Client, url: str, params: dict | None = None, *, expect=(HTTPStatus.OK,), admin=False):
    response = client.get(url, params or {})
    assert response.status_code in expect, (url, params, response.status_code)
    assert_clean_response(response, f"{url} {params}", admin=admin)
    return response


# --- search ---------------------------------------------------------------------------------------


def test_a_search_for_a_payload_shows_it_as_text(hostile_portal, client, payload):
    response = get_clean(client, "/tim-kiem/", {"q": payload})
    html = response.content.decode()
    assert 'id="search-q"' in html


@pytest.mark.parametrize("name", ["section", "kind", "date_from", "date_to", "order", "page", "unknown"])
def test_each_search_filter_takes_a_payload_without_echoing_markup(hostile_portal, client, payload, name):
    get_clean(client, "/tim-kiem/", {"q": "hội nghị", name: payload})


def test_the_query_string_carried_into_pagination_links_stays_inside_the_href(hostile_portal, client, payload):
    from bs4 import BeautifulSoup

    response = get_clean(client, "/tim-kiem/", {"q": "hội nghị", "x": payload})
    links = BeautifulSoup(response.content, "html.parser").select("nav.pagination a")
    assert links, "twelve articles make two pages"
    for link in links:
        assert link["href"].startswith("?") and "page=" in link["href"]
        assert set(link.attrs) <= {"href", "rel"}


def test_suggestions_are_json_that_browsers_never_sniff_as_html(hostile_portal, client, payload):
    response = client.get("/tim-kiem/goi-y/", {"q": "hội " + payload})
    assert response.status_code == HTTPStatus.OK
    assert_clean_response(response, "suggestions")


# --- Hỏi đáp ---------------------------------------------------------------------------------------


@pytest.fixture
def topic(hostile_portal) -> Topic:
    return Topic.objects.filter(active=True).first()


def test_the_question_list_filters_take_payloads(hostile_portal, client, payload):
    get_clean(client, hostile_portal.qa.url, {"tu-khoa": payload, "linh-vuc": payload, "trang": payload})


def test_a_refused_question_form_shows_every_payload_as_text(hostile_portal, client, topic, payload):
    """Every field at once, so the form comes back with all of them (and their errors) echoed."""
    forget_rate_limits()
    data = question_data(
        topic.pk,
        name=payload,
        email=payload,
        phone=payload,
        title=payload,
        text=payload + " " + "nội dung câu hỏi " * 3,
        captcha=payload,
    )
    before = Question.objects.count()
    response = client.post(hostile_portal.qa.url + "dat-cau-hoi/", data)
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors
    assert_clean_response(response, "ask form")
    assert Question.objects.count() == before


def test_a_forged_token_and_honeypot_are_not_echoed_as_markup(hostile_portal, client, topic, payload):
    forget_rate_limits()
    data = question_data(topic.pk, token=payload, website=payload)
    response = client.post(hostile_portal.qa.url + "dat-cau-hoi/", data)
    assert response.status_code == HTTPStatus.OK
    assert_clean_response(response, "ask form")


@pytest.fixture
def moderator(django_user_model) -> Client:
    client = Client()
    client.user = django_user_model.objects.create_superuser("kiemduyet", "kd@example.invalid", "mat-khau-123")
    client.force_login(client.user)
    return client


@pytest.mark.parametrize("payload_id", ["script", "img-onerror", "close-textarea", "backtick", "nul"])
def test_an_accepted_question_is_shown_as_text_to_moderators_and_then_to_everyone(
    hostile_portal, client, topic, moderator, payload_id, django_capture_on_commit_callbacks
):
    from loa.qa import services
    from loa.qa.models import Unit

    payload = PAYLOADS[payload_id]
    forget_rate_limits()
    data = question_data(topic.pk, name="An " + payload, title="Hỏi " + payload, text=payload + " xin hỏi thủ tục " * 2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(hostile_portal.qa.url + "dat-cau-hoi/", data)
    assert response.status_code == HTTPStatus.FOUND
    question = Question.objects.get(title__startswith="Hỏi ")
    assert "\x00" not in question.title + question.text + question.asker_name
    assert question.title == "Hỏi " + payload.replace("\x00", "")

    for url in ("/admin/qa/questions/", f"/admin/qa/questions/edit/{question.pk}/", "/admin/"):
        response = moderator.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert_clean_response(response, url, admin=True)

    question.answer = "Trả lời: " + payload.replace("\x00", "")
    services.assign(question, Unit.objects.first())
    page = services.publish_answer(question, moderator.user, notify=False)
    get_clean(client, page.url)
    get_clean(client, hostile_portal.qa.url)
    get_clean(client, hostile_portal.qa.url, {"tu-khoa": "thủ tục"})
    response = client.post(
        hostile_portal.qa.url + "tra-cuu/", {"code": question.code, "contact": "nguyenvanan@example.com"}
    )
    assert response.context["question"] == question
    assert_clean_response(response, "follow")


def test_the_follow_form_takes_payloads(hostile_portal, client, payload):
    forget_rate_limits()
    response = client.post(hostile_portal.qa.url + "tra-cuu/", {"code": payload, "contact": payload})
    assert response.status_code == HTTPStatus.OK
    assert_clean_response(response, "follow")
    get_clean(client, hostile_portal.qa.url + "tra-cuu/", {"ma": payload})


def test_the_receipt_page_shows_only_signed_codes(hostile_portal, client, payload):
    response = client.get(hostile_portal.qa.url + "da-gui/", {"ma": payload})
    assert response.status_code == HTTPStatus.FOUND


# --- ratings ---------------------------------------------------------------------------------------


RATINGS = "/api/danh-gia/"


def test_a_refused_rating_form_shows_the_comment_as_text(hostile_portal, client, payload):
    forget_rate_limits()
    article = hostile_portal.articles[0]
    response = client.post(
        RATINGS,
        f"page={article.pk}&rating=9&comment={quote(payload)}",
        content_type="application/x-www-form-urlencoded",
        **SAME_ORIGIN,
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_clean_response(response, "rating refused")


def test_a_rating_sent_as_json_answers_json(hostile_portal, client, payload):
    forget_rate_limits()
    article = hostile_portal.articles[0]
    body = {"page": article.pk, "rating": 4, "comment": payload, "visitor": VISITOR}
    response = client.post(RATINGS, json.dumps(body), content_type="application/json", **SAME_ORIGIN)
    assert response.status_code == HTTPStatus.OK
    assert_clean_response(response, "rating json")
    stored = PageRating.objects.get(page_id=article.pk)
    assert "\x00" not in stored.comment


@pytest.fixture
def rated_with_payloads(hostile_portal, client) -> list[str]:
    """Every payload as a comment, from as many readers, plus spreadsheet formulas."""
    comments = [*PAYLOADS.values(), '=HYPERLINK("http://evil.example","Bấm")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)"]
    article = hostile_portal.articles[0]
    for number, comment in enumerate(comments):
        forget_rate_limits()
        visitor = f"{number:032x}"
        body = {"page": article.pk, "rating": 2, "comment": comment, "visitor": visitor}
        response = client.post(RATINGS, json.dumps(body), content_type="application/json", **SAME_ORIGIN)
        assert response.status_code == HTTPStatus.OK, response.content
    return comments


def test_the_ratings_report_shows_comments_as_text(rated_with_payloads, moderator):
    response = moderator.get("/admin/ratings/report/", {})
    assert response.status_code == HTTPStatus.OK
    assert_clean_response(response, "ratings report", admin=True)


def test_exported_comments_are_never_spreadsheet_formulas(rated_with_payloads, moderator):
    """A comment starting with = + - @ would run as a formula when an editor opens the export."""
    from openpyxl import load_workbook

    csv_response = moderator.get("/admin/ratings/report/", {"export": "csv", "table": "comments"})
    assert csv_response.status_code == HTTPStatus.OK
    import csv

    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]

    xlsx = moderator.get("/admin/ratings/report/", {"export": "xlsx"})
    assert xlsx.status_code == HTTPStatus.OK
    book = load_workbook(io.BytesIO(xlsx.content))
    formulas = [cell.coordinate for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert not formulas


# --- filters of the state-portal modules -----------------------------------------------------------


LEGAL_FILTERS = ["q", "loai", "co_quan", "cap", "linh_vuc", "nguoi_ky", "tinh_trang", "nam", "tu_ngay", "den_ngay"]


def test_legal_document_filters_take_payloads(hostile_portal, client, payload):
    params = dict.fromkeys([*LEGAL_FILTERS, "sap_xep", "trang", "khac"], payload)
    get_clean(client, hostile_portal.legal.url, params)


def test_legal_pagination_links_carry_a_payload_inside_the_href(hostile_portal, client, payload):
    from bs4 import BeautifulSoup

    response = get_clean(client, hostile_portal.legal.url, {"khac": payload})
    links = BeautifulSoup(response.content, "html.parser").select("nav.pagination a")
    assert links, "the demo has more than ten documents"
    assert all(set(link.attrs) <= {"href", "rel"} for link in links)


def test_schedule_filters_take_payloads(hostile_portal, client, payload):
    get_clean(client, hostile_portal.schedule.url, {"tuan": payload, "lanh_dao": payload, "in": payload})


def test_procedure_filters_take_payloads(hostile_portal, client, payload):
    get_clean(
        client, hostile_portal.procedures.url, {"q": payload, "linh_vuc": payload, "cap": payload, "trang": payload}
    )


def test_section_article_and_home_take_payloads_in_their_query_strings(hostile_portal, client, payload):
    get_clean(client, hostile_portal.section.url, {"trang": payload, "x": payload})
    get_clean(client, hostile_portal.articles[0].url, {"print": payload, "x": payload})
    get_clean(client, "/", {"x": payload})


def test_feeds_ignore_payloads_in_their_query_strings(hostile_portal, client, payload):
    response = client.get("/rss.xml", {"x": payload})
    assert response.status_code == HTTPStatus.OK
    assert payload not in response.content.decode()
    assert client.get("/sitemap-pages.xml", {"p": payload}).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("where", "params"),
    [
        ("/tim-kiem/", {"q": "hội\x00 nghị"}),
        ("qa", {"tu-khoa": "khai\x00 sinh", "linh-vuc": "\x00"}),
        ("legal", {"q": "quyết\x00 định"}),
        ("procedures", {"q": "khai\x00 sinh", "linh_vuc": "Hộ\x00 tịch"}),
        ("schedule", {"tuan": "2026-W01\x00", "lanh_dao": "\x00"}),
    ],
)
def test_a_nul_in_a_query_never_makes_a_server_error_or_an_english_message(hostile_portal, client, where, params):
    """PostgreSQL refuses NUL in a query: the Hỏi đáp list and Thủ tục answered 500 before."""
    url = {
        "qa": hostile_portal.qa.url,
        "legal": hostile_portal.legal.url,
        "procedures": hostile_portal.procedures.url,
        "schedule": hostile_portal.schedule.url,
    }.get(where, where)
    response = get_clean(client, url, params)
    assert "Null characters" not in response.content.decode()


# --- the 404 page echoes the path --------------------------------------------------------------------


def test_the_not_found_page_shows_the_path_as_text(hostile_portal, client, payload):
    response = client.get("/" + quote(payload.replace("\x00", ""), safe="") + "/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert_clean_response(response, "404")


# --- the beacon answers numbers, never what it was sent --------------------------------------------


def test_the_beacon_never_echoes_what_it_was_sent(hostile_portal, payload):
    article = hostile_portal.articles[0]
    client = Client(HTTP_USER_AGENT=payload.replace("\x00", ""), HTTP_REFERER="http://testserver/" + quote(payload))
    client.cookies["loa_vid"] = quote(payload)
    bodies = [
        json.dumps({"page": payload}),
        json.dumps({"page": article.pk, "path": payload, "referrer": payload}),
        payload.encode(),
    ]
    for body in bodies:
        response = client.post("/api/beacon/", body, content_type="application/json")
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
        assert_clean_response(response, "beacon")
        assert "alert" not in response.content.decode()


# --- the sign-in page's "next" ------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["javascript:alert(1)", '"><script>alert(1)</script>', "//evil.example/"])
def test_sign_in_never_sends_an_editor_to_a_script_or_another_site(hostile_portal, client, django_user_model, target):
    django_user_model.objects.create_superuser("bientap", "bt@example.invalid", "Mat-khau-dai-2025!")
    get_clean(client, "/admin/login/", {"next": target}, admin=True)
    response = client.post(
        "/admin/login/?" + f"next={quote(target)}",
        {"username": "bientap", "password": "Mat-khau-dai-2025!", "next": target},
    )
    assert response.status_code == HTTPStatus.FOUND
    location = urlsplit(response["Location"])
    assert location.scheme in ("", "http") and location.netloc in ("", "testserver"), response["Location"]
