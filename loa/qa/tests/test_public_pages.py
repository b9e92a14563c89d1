"""What the public reads: the list of answered questions (search, topic, pages) and each question's page."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.utils import timezone

from loa.qa import services
from loa.qa.models import Question, QuestionPage
from loa.qa.views import PER_PAGE

from .conftest import make_question

pytestmark = pytest.mark.django_db

INDEX = "/hoi-dap/"


def answered(qa_page, topic, unit, title: str, answer: str, days_ago: int = 0, **fields) -> QuestionPage:
    question = make_question(topic, qa_page, title=title, unit=unit, answer=answer, **fields)
    return services.publish_answer(question, None, now=timezone.now() - dt.timedelta(days=days_ago))


@pytest.fixture
def published(qa_page, topics, units):
    return {
        "birth": answered(
            qa_page,
            topics["civil"],
            units["justice"],
            "Đăng ký khai sinh quá hạn",
            "Ông/bà nộp tờ khai tại Ủy ban nhân dân cấp xã.",
            days_ago=3,
            text="Con tôi sinh được ba tháng mà chưa đăng ký khai sinh, xin hỏi thủ tục thế nào?",
            asker_name="Nguyễn Văn An",
            email="an@example.com",
            phone="0912345678",
        ),
        "land": answered(
            qa_page,
            topics["land"],
            units["land"],
            "Cấp lại Giấy chứng nhận quyền sử dụng đất",
            "Hồ sơ nộp tại Chi nhánh Văn phòng đăng ký đất đai.",
            days_ago=1,
            asker_name="Trần Thị Bình",
            show_initials=True,
        ),
    }


def titles(response) -> list[str]:
    return [page.title for page in response.context["page_obj"]]


def test_the_list_shows_answered_questions_newest_first(client, published, qa_page, topics):
    make_question(topics["civil"], qa_page, title="Câu hỏi chưa trả lời")  # never listed
    response = client.get(INDEX)

    assert response.status_code == HTTPStatus.OK
    assert titles(response) == ["Cấp lại Giấy chứng nhận quyền sử dụng đất", "Đăng ký khai sinh quá hạn"]
    html = response.content.decode()
    assert "Câu hỏi chưa trả lời" not in html
    assert 'href="/hoi-dap/dat-cau-hoi/"' in html


@pytest.mark.parametrize("query", ["giấy chứng nhận", "giay chung nhan", "GIAY CHUNG", "van phong dang ky"])
def test_search_finds_words_with_or_without_diacritics(client, published, query):
    assert titles(client.get(INDEX, {"tu-khoa": query})) == ["Cấp lại Giấy chứng nhận quyền sử dụng đất"]


def test_search_in_nfd_finds_the_same(client, published):
    import unicodedata

    assert titles(client.get(INDEX, {"tu-khoa": unicodedata.normalize("NFD", "khai sinh")})) == [
        "Đăng ký khai sinh quá hạn"
    ]


def test_search_says_when_nothing_matches(client, published):
    response = client.get(INDEX, {"tu-khoa": "hộ chiếu"})
    assert titles(response) == []
    assert "Không tìm thấy câu hỏi nào phù hợp" in response.content.decode()


def test_the_topic_filter(client, published, topics):
    response = client.get(INDEX, {"linh-vuc": topics["civil"].slug})
    assert titles(response) == ["Đăng ký khai sinh quá hạn"]
    assert f'<option value="{topics["civil"].slug}" selected>' in response.content.decode()


def test_pagination_keeps_the_search_and_topic(client, qa_page, topics, units):
    for number in range(PER_PAGE + 2):
        answered(qa_page, topics["land"], units["land"], f"Thủ tục đất đai số {number}", "Trả lời.", days_ago=number)
    query = {"tu-khoa": "dat dai", "linh-vuc": topics["land"].slug}

    first = client.get(INDEX, query)
    second = client.get(INDEX, {**query, "trang": 2})

    assert len(titles(first)) == PER_PAGE
    assert titles(first)[0] == "Thủ tục đất đai số 0"
    assert titles(second) == [f"Thủ tục đất đai số {PER_PAGE}", f"Thủ tục đất đai số {PER_PAGE + 1}"]
    assert f"?tu-khoa=dat+dai&amp;linh-vuc={topics['land'].slug}&amp;trang=2" in first.content.decode()
    assert titles(client.get(INDEX, {"trang": "abc"})) == titles(client.get(INDEX))


def test_the_question_page_shows_question_answer_unit_and_dates_but_no_contact(client, published):
    page = published["birth"]
    response = client.get(page.url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Ông/bà Nguyễn Văn An" in html
    assert page.question in html
    assert "Ông/bà nộp tờ khai tại Ủy ban nhân dân cấp xã." in html
    assert "Phòng Tư pháp" in html
    assert page.answered_at.astimezone(dt.timezone(dt.timedelta(hours=7))).strftime("%d/%m/%Y") in html
    for private in ("an@example.com", "0912345678", Question.objects.get(page=page).code):
        assert private not in html


def test_initials_only_when_the_asker_asked_for_it(client, published):
    assert published["land"].asker == "Ông/bà T.T.B."
    html = client.get(published["land"].url).content.decode()
    assert "Trần Thị Bình" not in html


def test_html_in_questions_and_answers_is_shown_as_text(client, qa_page, topics, units):
    page = answered(
        qa_page,
        topics["civil"],
        units["justice"],
        "Câu hỏi <img src=x onerror=alert(1)>",
        "Trả lời <script>alert(2)</script>",
        text="Nội dung <b>đậm</b> của câu hỏi",
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(2)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html


def test_search_text_is_the_question_and_the_answer(published):
    page = published["birth"]
    assert page.search_text() == f"{page.question}\n{page.answer}"


def test_the_site_search_finds_answered_questions_as_questions(client, published):
    response = client.get("/tim-kiem/", {"q": "van phong dang ky dat dai", "kind": "question"})
    assert response.status_code == HTTPStatus.OK
    assert [hit.page_id for hit in response.context["results"].hits] == [published["land"].pk]


def test_the_public_name_keeps_a_form_of_address_the_asker_wrote():
    assert Question(asker_name="Bà  Lê Thị Hoa").public_name == "Bà Lê Thị Hoa"
    assert Question(asker_name="Lê Thị Hoa").public_name == "Ông/bà Lê Thị Hoa"
    assert Question(asker_name="lê thị hoa", show_initials=True).public_name == "Ông/bà L.T.H."
