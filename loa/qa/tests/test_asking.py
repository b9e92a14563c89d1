"""A citizen asks a question: what is accepted, what is refused and how, and what they get back."""

from __future__ import annotations

import time
from http import HTTPStatus

import pytest
from django.utils.translation import gettext

from loa.qa import spam
from loa.qa.models import Question
from loa.qa.views import ASK_LIMIT

from .conftest import pdf_file, png_file, solved_token

pytestmark = pytest.mark.django_db

ASK = "/hoi-dap/dat-cau-hoi/"


def post(client, data, **extra):
    return client.post(ASK, data, **extra)


def errors_of(response) -> dict[str, list[str]]:
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


# --- the form and a question that goes through ----------------------------------------------------


def test_the_form_shows_a_vietnamese_arithmetic_question_and_the_fields(client, qa_page, topics):
    response = client.get(ASK)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    question = response.context["challenge"].question
    assert question.endswith("bằng mấy?") and (" cộng " in question or " trừ " in question)
    assert question in html
    for label in ("Họ và tên", "Thư điện tử", "Số điện thoại", "Lĩnh vực", "Tiêu đề", "Nội dung câu hỏi"):
        assert label in html
    assert topics["land"].name in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_question_is_saved_and_the_asker_gets_a_reference_code(client, qa_page, ask_data):
    response = post(client, ask_data(phone="0912 345 678"), follow=True)

    question = Question.objects.get()
    assert question.status == Question.Status.NEW
    assert question.phone == "0912345678"
    assert question.index_page_id == qa_page.pk
    assert question.deadline > question.received_at.date()
    assert response.redirect_chain[0][0].startswith("/hoi-dap/da-gui/?ma=")
    assert response.status_code == HTTPStatus.OK
    assert question.code in response.content.decode()
    assert question.code.startswith("HD-") and len(question.code) == len("HD-2026-7K3Q")
    assert not set(question.code[8:]) & set("01OIL")


def test_the_asker_gets_a_receipt_by_email(client, qa_page, ask_data, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, ask_data())

    question = Question.objects.get()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nguyenvanan@example.com"]
    assert question.code in mailoutbox[0].subject
    assert "/hoi-dap/tra-cuu/" in mailoutbox[0].body


def test_the_receipt_page_shows_only_codes_the_form_signed(client, qa_page):
    response = client.get("/hoi-dap/da-gui/?ma=HD-2026-GIA")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == ASK


def test_a_phone_number_alone_is_enough(client, qa_page, ask_data):
    post(client, ask_data(email="", phone="+84 221 3862 345"))
    assert Question.objects.get().phone == "02213862345"


# --- every bad input: a message next to the field, what was typed kept, nothing saved ------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Please fill in this field."),
        ({"title": ""}, "title", "Please fill in this field."),
        ({"text": ""}, "text", "Please fill in this field."),
        ({"topic": ""}, "topic", "Please choose a topic."),
        ({"topic": "999999"}, "topic", "Please choose a topic."),
        ({"email": "", "phone": ""}, "email", "Please give an email address or a phone number (at least one)."),
        ({"email": "an@@example"}, "email", "This email address is not valid, e.g. nguyenvana@gmail.com."),
        ({"email": "", "phone": "0123 456 789"}, "phone", None),
        ({"email": "", "phone": "091234567"}, "phone", None),
        ({"email": "", "phone": "+1 202 555 0100"}, "phone", None),
    ],
)
def test_each_bad_input_is_refused_next_to_its_field(client, qa_page, ask_data, changes, field, message):
    response = post(client, ask_data(**changes))

    assert response.status_code == HTTPStatus.OK
    errors = errors_of(response)
    assert list(errors) == [field]
    if message:
        assert errors[field] == [gettext(message)]
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html
    assert 'aria-invalid="true"' in html
    assert not Question.objects.exists()


def test_a_text_too_short_or_too_long_is_refused(client, qa_page, ask_data):
    assert list(errors_of(post(client, ask_data(text="Xin hỏi?")))) == ["text"]
    assert list(errors_of(post(client, ask_data(text="a" * 5001)))) == ["text"]
    assert not Question.objects.exists()


def test_what_was_typed_is_kept_when_the_form_comes_back(client, qa_page, ask_data, topics):
    data = ask_data(email="sai-dia-chi", phone="0912 345 678", topic=topics["land"].pk, show_initials="on")
    html = post(client, data).content.decode()

    assert 'value="Nguyễn Văn An"' in html
    assert 'value="sai-dia-chi"' in html
    assert 'value="0912 345 678"' in html
    assert f'<option value="{topics["land"].pk}" selected>' in html
    assert "Con tôi sinh được ba tháng" in html
    assert 'name="show_initials" checked' in html


def test_the_captcha_answer_is_kept_when_another_field_is_wrong(client, qa_page, ask_data):
    data = ask_data(name="")
    response = post(client, data)
    assert response.context["challenge"].token == data["token"]
    assert f'value="{data["captcha"]}"' in response.content.decode()


def test_html_typed_into_the_form_is_shown_as_text(client, qa_page, ask_data):
    data = ask_data(name="<script>alert(1)</script>", email="khong-hop-le")
    html = post(client, data).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_file_sent_with_a_refused_form_must_be_chosen_again(client, qa_page, ask_data):
    response = post(client, {**ask_data(name=""), "attachment": png_file()})
    assert response.context["form"].file_to_choose_again
    assert "vui lòng chọn lại tệp" in response.content.decode()
    assert not Question.objects.exists()


# --- attachments ---------------------------------------------------------------------------------


def test_a_pdf_or_a_photo_is_stored_privately_under_a_random_name(client, qa_page, ask_data, private_files, settings):
    post(client, {**ask_data(), "attachment": pdf_file("Giấy chứng sinh.pdf")})
    post(client, {**ask_data(), "attachment": png_file("anh-chup.png")})

    pdf, png = Question.objects.order_by("pk")
    assert pdf.attachment_name == "Giấy chứng sinh.pdf"
    assert pdf.attachment.name.endswith(".pdf") and "chung" not in pdf.attachment.name
    assert png.attachment.name.endswith(".png")
    stored = private_files / pdf.attachment.name
    assert stored.read_bytes().startswith(b"%PDF-")
    assert str(settings.MEDIA_ROOT) not in str(stored)


def test_a_file_whose_content_is_not_what_its_extension_says_is_refused(client, qa_page, ask_data):
    fake_pdf = pdf_file()
    fake_pdf.name = "giay-to.pdf"
    fake_pdf.file.seek(0)
    fake_pdf.file.write(b"MZ\x90\x00 not a PDF at all")
    fake_pdf.file.truncate()
    fake_pdf.file.seek(0)
    cases = [
        fake_pdf,
        png_file("anh.jpg"),  # a PNG named .jpg
        pdf_file("anh.png"),  # a PDF named .png
        png_file("tai-lieu.docx"),
    ]
    for upload in cases:
        response = post(client, {**ask_data(), "attachment": upload})
        message = gettext("Only a PDF file or a JPG or PNG photo can be attached, and this file is not one.")
        assert errors_of(response) == {"attachment": [message]}, upload.name
    assert not Question.objects.exists()


def test_a_file_over_the_size_limit_is_refused_with_the_limit(client, qa_page, ask_data):
    response = post(client, {**ask_data(), "attachment": pdf_file(padding=5 * 1024 * 1024)})

    [message] = errors_of(response)["attachment"]
    assert "5,0" in message or "5.0" in message
    assert not Question.objects.exists()


def test_the_size_limit_is_a_site_setting(client, qa_page, ask_data):
    from loa.core.testing import default_site
    from loa.qa.models import QASettings

    setting = QASettings.for_site(default_site())
    setting.attachment_max_mb = 1
    setting.save()
    response = post(client, {**ask_data(), "attachment": pdf_file(padding=1024 * 1024)})
    assert "attachment" in errors_of(response)
    assert "1 MB" in client.get(ASK).content.decode()


# --- spam defences -------------------------------------------------------------------------------


def test_the_honeypot_field_refuses_the_form(client, qa_page, ask_data):
    response = post(client, ask_data(website="http://quang-cao.example"))
    assert response.context["form"].non_field_errors() == [gettext("Your question could not be sent.")]
    assert not Question.objects.exists()


def test_a_wrong_captcha_answer_is_refused_and_a_new_question_asked(client, qa_page, ask_data):
    data = ask_data()
    data["captcha"] = str(int(data["captcha"]) + 1)
    response = post(client, data)

    assert errors_of(response) == {"captcha": [gettext("That is not the right answer: please try this new question.")]}
    assert response.context["challenge"].token != data["token"]
    assert not Question.objects.exists()


@pytest.mark.parametrize("written", ["words", "folded words", "spaces"])
def test_the_captcha_can_be_answered_in_words(client, qa_page, ask_data, written):
    from loa.qa.numbers import to_words
    from loa.search.text import fold

    data = ask_data()
    words = to_words(int(data["captcha"]))
    data["captcha"] = {"words": words.capitalize(), "folded words": fold(words), "spaces": f"  {data['captcha']} "}[
        written
    ]
    post(client, data)
    assert Question.objects.count() == 1


def test_a_form_sent_too_fast_is_refused(client, qa_page, ask_data):
    token, answer = solved_token(seconds_ago=1)
    response = post(client, ask_data(token=token, captcha=answer))
    message = gettext("The form was sent too quickly. Please check your question and send it again.")
    assert errors_of(response) == {"captcha": [message]}
    assert not Question.objects.exists()


def test_a_form_left_open_too_long_asks_again(client, qa_page, ask_data):
    token, answer = solved_token(seconds_ago=spam.max_age_seconds() + 10)
    response = post(client, ask_data(token=token, captcha=answer))

    message = gettext("The form was open for too long. Please answer the new question below and send it again.")
    assert errors_of(response) == {"captcha": [message]}
    assert response.context["challenge"].token != token
    assert 'value="Nguyễn Văn An"' in response.content.decode()
    assert not Question.objects.exists()


def test_a_forged_or_missing_token_is_refused(client, qa_page, ask_data):
    for token in ("", "abc:def", spam.new_challenge().token[:-2] + "xx"):
        response = post(client, ask_data(token=token, captcha="9"))
        assert list(errors_of(response)) == ["captcha"]
    assert not Question.objects.exists()


def test_a_solved_form_cannot_be_sent_twice(client, qa_page, ask_data):
    data = ask_data()
    post(client, data)
    response = post(client, data)
    assert list(errors_of(response)) == ["captcha"]
    assert Question.objects.count() == 1


def test_too_many_questions_from_one_address_are_refused(client, qa_page, ask_data):
    limit, _window = ASK_LIMIT
    for _ in range(limit):
        post(client, ask_data())
    response = post(client, ask_data(title="Câu hỏi thêm một lần nữa"))

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response.context["form"].non_field_errors()
    assert 'value="Câu hỏi thêm một lần nữa"' in response.content.decode()
    assert Question.objects.count() == limit


def test_another_address_is_not_limited_by_the_first(client, qa_page, ask_data):
    limit, _window = ASK_LIMIT
    for _ in range(limit + 1):
        post(client, ask_data())
    post(client, ask_data(), REMOTE_ADDR="203.0.113.7")
    assert Question.objects.count() == limit + 1


def test_time_check_uses_when_the_form_was_first_shown():
    token = spam.new_challenge(started=time.time() - 30).token
    assert spam.check(token, str(spam.solve(token))) == spam.Verdict.OK
    assert spam.check(token, str(spam.solve(token)), now=time.time() - 29) == spam.Verdict.TOO_FAST
