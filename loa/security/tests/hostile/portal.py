"""A portal to attack: every module's demo pages plus a section with enough articles to paginate.

Built once per test module inside a transaction rolled back afterwards (what a
test adds on top is rolled back after each test); conftest.py makes the fixture
visible to the folder's tests.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import import_module
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

#: What a browser sends with a same-origin request (the ratings endpoint checks it).
BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver", "HTTP_USER_AGENT": BROWSER_UA}
VISITOR = "0123456789abcdef0123456789abcdef"
ARTICLES = 12  # two pages of search results (10 a page)


@dataclass
class HostilePortal:
    home: Any
    section: Any
    articles: list[Any]
    qa: Any  # the Hỏi đáp page
    legal: Any
    schedule: Any
    procedures: Any


@pytest.fixture(scope="module")
def hostile_portal(django_db_setup, django_db_blocker) -> HostilePortal:
    from loa.core.modules import MODULES
    from loa.core.testing import home_page, make_article, make_section
    from loa.legal.models import LegalDocumentIndexPage
    from loa.procedures.models import ProcedureIndexPage
    from loa.qa.models import QuestionIndexPage
    from loa.schedule.models import SchedulePage

    with django_db_blocker.unblock(), transaction.atomic():
        home = home_page()
        now = timezone.now()
        for app in MODULES:
            import_module(f"loa.{app}.demo").load_demo(home, now)
        section = make_section("Thời sự – Chính trị")
        body = [("paragraph", "<p>Sáng nay, hội nghị tổng kết công tác thi đua đã diễn ra tại thành phố.</p>")]
        articles = [
            make_article(section, f"Hội nghị tổng kết thi đua lần {n}", sapo="Hội nghị tổng kết năm.", body=body)
            for n in range(1, ARTICLES + 1)
        ]
        yield HostilePortal(
            home=home,
            section=section,
            articles=articles,
            qa=QuestionIndexPage.objects.get(),
            legal=LegalDocumentIndexPage.objects.get(),
            schedule=SchedulePage.objects.get(),
            procedures=ProcedureIndexPage.objects.get(),
        )
        transaction.set_rollback(True)


def solved_captcha() -> dict[str, str]:
    """A Hỏi đáp form token shown a minute ago and its right answer."""
    from loa.qa import spam

    challenge = spam.new_challenge(started=time.time() - 60)
    return {"token": challenge.token, "captcha": str(spam.solve(challenge.token))}


def question_data(topic_pk: int, **changes: str) -> dict[str, Any]:
    """A question that goes through, every spam check passed; override any field by keyword."""
    data = {
        "name": "Nguyễn Văn An",
        "email": "nguyenvanan@example.com",
        "phone": "",
        "topic": topic_pk,
        "title": "Đăng ký khai sinh quá hạn",
        "text": "Con tôi sinh được ba tháng mà chưa đăng ký khai sinh, xin hỏi thủ tục thế nào?",
        "website": "",
        **solved_captcha(),
    }
    data.update(changes)
    return data


def forget_rate_limits() -> None:
    """Start every client's rate-limit window again, as each test does (conftest.py clears the cache).

    The limits live in Django's cache; clearing it is what a new window does, without
    touching the code that counts.
    """
    from django.core.cache import cache

    cache.clear()
