"""Following a question by its code: only with the email or phone it was sent with."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.utils.html import escape

from loa.qa import services
from loa.qa.models import Question
from loa.qa.views import FOLLOW_LIMIT

from .conftest import make_question

pytestmark = pytest.mark.django_db

FOLLOW = "/hoi-dap/tra-cuu/"
NOT_FOUND = "Không tìm thấy câu hỏi"


@pytest.fixture
def question(qa_page, topics):
    return make_question(
        topics["land"],
        qa_page,
        email="TranThiBinh@Example.com".lower(),
        phone="0912345678",
        text="Gia đình tôi bị mất sổ đỏ <b>do ngập</b>, xin hỏi thủ tục cấp lại.",
    )


def look_up(client, code: str, contact: str):
    return client.post(FOLLOW, {"code": code, "contact": contact})


def test_the_asker_sees_their_question_with_the_code_and_their_email(client, question):
    response = look_up(client, question.code, "tranthibinh@example.com")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert response.context["question"] == question
    assert "Mới tiếp nhận" in html
    assert question.deadline.strftime("%d/%m/%Y") in html
    assert "&lt;b&gt;do ngập&lt;/b&gt;" in html  # their own text, as text


def test_the_phone_and_code_may_be_typed_any_usual_way(client, question):
    code = question.code.lower().replace("-", " ")
    response = look_up(client, code, "+84 912.345.678")
    assert response.context["question"] == question
    response = look_up(client, question.code.replace("-", ""), " TranThiBinh@example.COM ")
    assert response.context["question"] == question


@pytest.mark.parametrize("contact", ["nguoi-khac@example.com", "0987654321", "tranthibinh", ""])
def test_a_wrong_contact_is_denied_without_saying_which_part_was_wrong(client, question, contact):
    response = look_up(client, question.code, contact)

    assert response.context["question"] is None
    html = response.content.decode()
    assert question.title not in html
    assert question.text[:20] not in html
    if contact:
        assert NOT_FOUND in html


def test_an_unknown_code_gets_the_same_answer(client, question):
    response = look_up(client, "HD-2026-ZZZZ", "tranthibinh@example.com")
    assert response.context["question"] is None
    assert NOT_FOUND in response.content.decode()


def test_a_question_without_email_cannot_be_opened_with_an_empty_email(client, qa_page, topics):
    question = make_question(topics["land"], qa_page, email="", phone="0912345678")
    response = look_up(client, question.code, "")
    assert response.context["question"] is None
    assert look_up(client, question.code, "0912 345 678").context["question"] == question


def test_the_answer_shows_once_published(client, question, units):
    question.unit = units["land"]
    question.answer = "Ông/bà nộp đơn đề nghị cấp lại tại Bộ phận Một cửa."
    question.save()
    assert "Bộ phận Một cửa" not in look_up(client, question.code, "0912345678").content.decode()

    services.publish_answer(question, None)

    html = look_up(client, question.code, "0912345678").content.decode()
    assert "Đã trả lời" in html
    assert "Bộ phận Một cửa" in html
    assert question.page.url in html


def test_a_rejected_question_shows_the_reason(client, question):
    question.rejection_reason = "Nội dung không thuộc thẩm quyền của Ủy ban nhân dân thành phố."
    services.reject(question, None)
    html = look_up(client, question.code, "0912345678").content.decode()
    assert "Lý do không trả lời" in html
    assert "không thuộc thẩm quyền" in html


def test_the_code_from_the_receipt_is_filled_in(client, question):
    response = client.get(FOLLOW + "?ma=" + question.code)
    assert f'value="{question.code}"' in response.content.decode()


def test_guessing_codes_is_rate_limited(client, question):
    limit, _window = FOLLOW_LIMIT
    for number in range(limit):
        look_up(client, f"HD-2026-{number:04d}", "tranthibinh@example.com")
    response = look_up(client, question.code, "tranthibinh@example.com")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response.context["question"] is None
    assert Question.objects.filter(pk=question.pk).exists()


# --- bad input: the message next to the field, what was typed kept, HTML as text -----------

REQUIRED = "Vui lòng nhập thông tin vào ô này."


def field_error(html: str, field: str) -> str:
    """The error paragraph linked to the field, and the input pointing at it."""
    soup = BeautifulSoup(html, "html.parser")
    field_input = soup.select_one(f"#id_{field}")
    assert field_input["aria-invalid"] == "true"
    assert f"id_{field}-error" in field_input["aria-describedby"]
    return soup.select_one(f"#id_{field}-error").get_text(" ", strip=True)


def test_an_empty_code_is_refused_next_to_the_field_keeping_the_contact(client, question):
    response = look_up(client, "  ", "0912 345 678")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert REQUIRED in field_error(html, "code")
    assert 'id="id_contact-error"' not in html
    assert BeautifulSoup(html, "html.parser").select_one("#id_contact")["value"] == "0912 345 678"
    assert NOT_FOUND not in html


def test_an_empty_contact_is_refused_next_to_the_field_keeping_the_code(client, question):
    typed = question.code.lower()
    response = look_up(client, typed, "")

    html = response.content.decode()
    assert REQUIRED in field_error(html, "contact")
    assert 'id="id_code-error"' not in html
    assert BeautifulSoup(html, "html.parser").select_one("#id_code")["value"] == typed
    assert response.context["question"] is None
    assert NOT_FOUND not in html


def test_both_fields_empty_gives_two_messages(client, question):
    html = look_up(client, "", "").content.decode()
    assert REQUIRED in field_error(html, "code")
    assert REQUIRED in field_error(html, "contact")


def test_a_code_too_long_is_refused_next_to_the_field(client, question):
    html = look_up(client, "HD-" + "7" * 40, "0912345678").content.decode()
    assert "30" in field_error(html, "code")


@pytest.mark.parametrize("typed", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_html_typed_as_the_code_is_shown_as_text(client, question, typed):
    response = look_up(client, typed, typed)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert typed not in html
    assert escape(typed) in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#id_code")["value"] == typed
    assert soup.select_one("#id_contact")["value"] == typed
    assert not soup.find_all(attrs={"onerror": True})
    assert not [script for script in soup.find_all("script") if "alert(1)" in script.get_text()]
    assert NOT_FOUND in html
