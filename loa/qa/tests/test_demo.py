"""The demo: a "Hỏi đáp" page in the menu, answered questions to browse, a queue with one overdue question."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.utils import timezone

from loa.core.testing import home_page
from loa.qa import demo
from loa.qa.models import Question, QuestionIndexPage, QuestionPage, Topic, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    demo.load_demo(home_page(), timezone.now())


def test_the_demo_builds_the_page_topics_units_and_questions(loaded, client, mailoutbox):
    index = QuestionIndexPage.objects.get()
    assert index.live and index.show_in_menus and index.slug == "hoi-dap"
    assert Topic.objects.count() == len(demo.TOPICS)
    assert Unit.objects.filter(name="Phòng Tư pháp").exists()
    assert QuestionPage.objects.live().count() == len(demo.ANSWERED)
    assert Question.objects.filter(status=Question.Status.ANSWERED).count() == len(demo.ANSWERED)
    assert Question.objects.open().count() == len(demo.WAITING)
    assert Question.objects.overdue().count() == 1
    assert mailoutbox == []  # nobody is mailed by the demo

    response = client.get("/hoi-dap/")
    assert response.status_code == HTTPStatus.OK
    assert response.context["page_obj"].paginator.count == len(demo.ANSWERED)
    assert response.context["page_obj"].has_next()  # enough for two pages


def test_demo_answers_are_dated_in_the_past_and_newest_first(loaded):
    pages = list(QuestionIndexPage.objects.get().answered())
    assert pages[0].title == demo.ANSWERED[-1].title
    assert all(page.answered_at < timezone.now() for page in pages)
    assert all(page.first_published_at == page.answered_at for page in pages)
