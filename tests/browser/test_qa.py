"""Hỏi đáp end to end in Chromium: a citizen asks, the agency answers in the admin, the citizen reads the answer.

On a phone, a citizen fills in the form, first with a mistyped phone number (the
form comes back with the message next to the field and what they typed kept), solves
the arithmetic question by reading it, and gets a reference code. An editor (Biên tập
viên) signs in to the admin, finds the question in the queue, assigns it to a unit and
drafts the answer; a leader (Lãnh đạo duyệt) publishes it. The citizen then follows
the question with the code and their email, and finds it in the public list.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Hung-Yen-2025!"
TITLE = "Đăng ký khai sinh cho con khi đã quá hạn"
QUESTION = (
    "Con tôi sinh được ba tháng nhưng do đi làm xa nên chưa đăng ký khai sinh. "
    "Xin hỏi bây giờ tôi cần chuẩn bị giấy tờ gì và nộp ở đâu?"
)
ANSWER = (
    "Bà nộp Tờ khai đăng ký khai sinh và Giấy chứng sinh tại Ủy ban nhân dân phường nơi cư trú "
    "của cha hoặc mẹ; việc chậm đăng ký không làm mất quyền được khai sinh của cháu."
)
EMAIL = "nguyenthilan@example.com"


@pytest.fixture
def qa_site(live_server, django_user_model) -> dict[str, Any]:
    from django.contrib.auth.models import Group

    from loa.core.testing import home_page
    from loa.newsroom import roles
    from loa.qa.models import QuestionIndexPage, Topic, Unit

    index = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap", show_in_menus=True, intro="Hỏi đáp với công dân.")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    Topic.objects.create(name="Đất đai", sort_order=1)
    topic = Topic.objects.create(name="Hộ tịch", sort_order=2)
    unit = Unit.objects.create(name="Phòng Tư pháp")

    def person(username: str, first_name: str, role: str):
        user = django_user_model.objects.create_user(username, f"{username}@hungyen.gov.vn", PASSWORD)
        user.first_name = first_name
        user.save()
        user.groups.add(Group.objects.get(name=role))
        return user

    return {
        "url": live_server.url,
        "index": index,
        "topic": topic,
        "unit": unit,
        "editor": person("bientap", "Hùng", roles.EDITOR),
        "approver": person("lanhdao", "Lan", roles.APPROVER),
    }


def solve(question: str) -> str:
    """'Bảy cộng hai bằng mấy?' → '9', read as a person reads it."""
    from loa.qa.numbers import parse

    sentence = question.lower().removesuffix("?").removesuffix("bằng mấy").strip()
    operator = " cộng " if " cộng " in sentence else " trừ "
    first, second = (parse(part) for part in sentence.split(operator))
    return str(first + second if operator == " cộng " else first - second)


def log_in(page: Any, url: str, user: Any) -> None:
    page.goto(url + "/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    page.wait_for_url(url + "/admin/")


def test_a_citizen_asks_the_agency_answers_and_the_citizen_reads_it(qa_site, open_page, screenshot, mailoutbox):
    from loa.qa.models import Question

    url = qa_site["url"]

    # The citizen, on a phone: the form.
    citizen, citizen_watch = open_page("mobile")
    citizen.goto(url + "/hoi-dap/")
    citizen.get_by_role("link", name="Đặt câu hỏi").first.click()
    citizen.wait_for_url("**/hoi-dap/dat-cau-hoi/")
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Đặt câu hỏi")
    citizen.get_by_label("Họ và tên").fill("Nguyễn Thị Lan")
    citizen.get_by_label("Thư điện tử (email)").fill(EMAIL)
    citizen.get_by_label("Số điện thoại").fill("0912 345")  # a digit short of a number
    citizen.get_by_label("Lĩnh vực").select_option(label="Hộ tịch")
    citizen.get_by_label("Tiêu đề").fill(TITLE)
    citizen.get_by_label("Nội dung câu hỏi").fill(QUESTION)
    captcha = citizen.locator("#id_captcha")
    question_text = citizen.locator("label[for=id_captcha]").inner_text().replace("*", "").strip()
    question_text = question_text.replace("(bắt buộc)", "").strip()
    assert question_text.endswith(" bằng mấy?") and not any(char.isdigit() for char in question_text)
    captcha.fill(solve(question_text))
    screenshot(citizen, "qa-ask-360.png")
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 360
    citizen.wait_for_timeout(3000)  # a person takes longer than the form's minimum
    citizen.get_by_role("button", name="Gửi câu hỏi").click()

    # Refused for the phone number: the message is next to it and everything typed is still there.
    phone = citizen.get_by_label("Số điện thoại")
    expect(citizen.locator("#id_phone-error")).to_contain_text("0912 345 678")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(phone).to_have_value("0912 345")
    expect(citizen.get_by_label("Tiêu đề")).to_have_value(TITLE)
    expect(citizen.get_by_label("Nội dung câu hỏi")).to_have_value(QUESTION)
    expect(captcha).not_to_have_value("")
    assert not Question.objects.exists()
    screenshot(citizen, "qa-ask-error-360.png")
    phone.fill("0912 345 678")
    citizen.get_by_role("button", name="Gửi câu hỏi").click()

    # The receipt: the reference code.
    citizen.wait_for_url("**/hoi-dap/da-gui/?ma=*")
    code = citizen.get_by_test_id("qa-code").inner_text().strip()
    question = Question.objects.get()
    assert code == question.code
    assert re.fullmatch(r"HD-\d{4}-[2-9A-HJKMNP-Z]{4}", code)
    screenshot(citizen, "qa-receipt-360.png")
    assert [mail.to for mail in mailoutbox] == [[EMAIL]]

    # The editor: the queue, the question, a unit and a draft answer.
    editor, editor_watch = open_page("desktop")
    log_in(editor, url, qa_site["editor"])
    expect(editor.locator("#qa-questions-section")).to_be_visible()  # the dashboard panel
    editor.goto(url + "/admin/qa/questions/")
    row = editor.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_be_visible()
    screenshot(editor, "qa-admin-queue.png")
    row.get_by_role("link", name=code).click()
    editor.wait_for_url(f"**/admin/qa/questions/edit/{question.pk}/")
    expect(editor.locator(".qa-summary")).to_contain_text(EMAIL)
    editor.locator("#id_unit").select_option(label="Phòng Tư pháp")
    editor.locator("#id_answer").fill(ANSWER)
    screenshot(editor, "qa-admin-draft.png")
    editor.locator("#w-editor-form button[type=submit]:not([name])").first.click()
    editor.wait_for_url(f"**/admin/qa/questions/edit/{question.pk}/")
    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS and question.answer == ANSWER
    assert editor.locator("[data-testid=qa-step-publish]").count() == 0  # not the editor's to publish

    # The leader publishes.
    leader, leader_watch = open_page("desktop")
    log_in(leader, url, qa_site["approver"])
    leader.goto(url + f"/admin/qa/questions/edit/{question.pk}/")
    expect(leader.locator("#id_answer")).to_have_value(ANSWER)
    footer = leader.get_by_role("navigation", name="Thao tác (chân trang)")
    footer.get_by_role("button", name="Thao tác khác").click()
    publish = leader.get_by_test_id("qa-step-publish")
    expect(publish).to_be_visible()
    screenshot(leader, "qa-admin-publish.png")
    publish.click()
    leader.wait_for_url("**/admin/qa/questions/")
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.page.live
    assert len(mailoutbox) == 2 and ANSWER in mailoutbox[1].body

    # The citizen follows the question with the code and their email.
    citizen.get_by_role("link", name="Tra cứu câu trả lời").first.click()
    citizen.wait_for_url("**/hoi-dap/tra-cuu/?ma=*")
    expect(citizen.get_by_label("Mã tra cứu")).to_have_value(code)
    citizen.get_by_label("Thư điện tử hoặc số điện thoại").fill(EMAIL.upper())
    citizen.get_by_role("button", name="Tra cứu", exact=True).click()
    result = citizen.locator(".qa-result")
    expect(result).to_contain_text("Đã trả lời")
    expect(result).to_contain_text(ANSWER)
    screenshot(citizen, "qa-follow-answered-360.png")

    # …and finds it in the public list, then on its own page (without their contact details).
    citizen.goto(url + "/hoi-dap/?tu-khoa=khai+sinh+qua+han")
    link = citizen.get_by_role("link", name=TITLE)
    expect(link).to_be_visible()
    screenshot(citizen, "qa-list-360.png")
    link.click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(citizen.locator(".qa-block--answer")).to_contain_text(ANSWER)
    expect(citizen.locator(".qa-facts")).to_contain_text("Ông/bà Nguyễn Thị Lan")
    expect(citizen.locator(".qa-facts")).to_contain_text("Phòng Tư pháp")
    assert EMAIL not in citizen.content()
    screenshot(citizen, "qa-question-360.png")

    assert citizen_watch.errors == []
    assert editor_watch.errors == []
    assert leader_watch.errors == []
