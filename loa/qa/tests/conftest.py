"""A "Hỏi đáp" page with topics and units, citizens' form data with a solved question, staff of every role."""

from __future__ import annotations

import datetime as dt
import io
import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from loa.core.formats import VN_TZ
from loa.core.testing import home_page
from loa.qa import spam
from loa.qa.models import Question, QuestionIndexPage, Topic, Unit


def vn_time(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=VN_TZ)


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Attachments go to a folder of this test's own."""
    settings.LOA_QA_PRIVATE_ROOT = str(tmp_path / "private")
    return tmp_path / "private"


@pytest.fixture
def qa_page() -> QuestionIndexPage:
    page = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap", show_in_menus=True, intro="Hỏi đáp với công dân.")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def topics() -> dict[str, Topic]:
    return {
        "civil": Topic.objects.create(name="Hộ tịch", sort_order=1),
        "land": Topic.objects.create(name="Đất đai", sort_order=2),
        "insurance": Topic.objects.create(name="Bảo hiểm xã hội", sort_order=3),
    }


@pytest.fixture
def units() -> dict[str, Unit]:
    return {
        "justice": Unit.objects.create(name="Phòng Tư pháp", email="tuphap@hungyen.gov.vn"),
        "land": Unit.objects.create(name="Phòng Tài nguyên và Môi trường"),
    }


def solved_token(seconds_ago: float = 60) -> tuple[str, str]:
    """A token shown `seconds_ago`, and its right answer (in digits)."""
    challenge = spam.new_challenge(started=time.time() - seconds_ago)
    return challenge.token, str(spam.solve(challenge.token))


@pytest.fixture
def ask_data(topics):
    """What a citizen sends, the spam checks passed; override any field by keyword."""

    def make(**changes) -> dict:
        token, answer = solved_token()
        data = {
            "name": "Nguyễn Văn An",
            "email": "nguyenvanan@example.com",
            "phone": "",
            "topic": topics["civil"].pk,
            "title": "Đăng ký khai sinh quá hạn",
            "text": "Con tôi sinh được ba tháng mà chưa đăng ký khai sinh, xin hỏi thủ tục thế nào?",
            "website": "",
            "token": token,
            "captcha": answer,
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


def png_file(name: str = "anh.png", size: tuple[int, int] = (40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#a50e0e").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf_file(name: str = "giay-to.pdf", padding: int = 0) -> SimpleUploadedFile:
    content = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"0" * padding + b"\n%%EOF\n"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_question(topic: Topic, index_page: QuestionIndexPage | None = None, **fields) -> Question:
    defaults = {
        "asker_name": "Trần Thị Bình",
        "email": "tranthibinh@example.com",
        "title": "Cấp lại sổ đỏ bị mất",
        "text": "Gia đình tôi bị mất Giấy chứng nhận quyền sử dụng đất, xin hỏi thủ tục cấp lại.",
    }
    return Question.objects.create(topic=topic, index_page=index_page, **{**defaults, **fields})


@pytest.fixture
def login(client, django_user_model):
    """Log the test client in as a new user of a newsroom role (or a superuser with role=None)."""

    def as_role(role: str | None, username: str | None = None):
        username = username or f"user{django_user_model.objects.count() + 1}"
        if role is None:
            user = django_user_model.objects.create_superuser(username, f"{username}@example.invalid", "mat-khau-123")
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "mat-khau-123")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        client.user = user
        return client

    return as_role
