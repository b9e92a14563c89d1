"""A small portal to rate: a section with a sub-section and articles, an about page with a child, a video."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group

from loa.core.formats import VN_TZ
from loa.core.models import SitemapPage, StandardPage
from loa.core.testing import home_page, make_article, make_section
from loa.media.models import VideoIndexPage, VideoPage

URL = "/api/danh-gia/"
BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
#: What a browser sends with a same-origin fetch from the portal's own page.
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver", "HTTP_USER_AGENT": BROWSER_UA}
VISITOR = "0123456789abcdef0123456789abcdef"
OTHER_VISITOR = "fedcba9876543210fedcba9876543210"


def vn_time(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=VN_TZ)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@dataclass
class Portal:
    home: Any
    news: Any  # Tin tức (section)
    politics: Any  # Tin tức › Chính trị (sub-section)
    article: Any  # in Chính trị
    other_article: Any  # in Chính trị
    news_article: Any  # directly in Tin tức
    about: Any  # Giới thiệu (standard page, top level)
    history: Any  # Giới thiệu › Lịch sử (standard page)
    video_index: Any
    video: Any
    sitemap: Any


@pytest.fixture
def portal(db) -> Portal:
    home = home_page()
    news = make_section("Tin tức")
    politics = make_section("Chính trị", parent=news)
    body = [("paragraph", "<p>Nội dung bài viết.</p>")]
    about = publish(home, StandardPage(title="Giới thiệu", intro="Về thành phố Hưng Yên"))
    video_index = publish(home, VideoIndexPage(title="Video"))
    return Portal(
        home=home,
        news=news,
        politics=politics,
        article=make_article(politics, "Hội nghị tổng kết công tác năm 2026", body=body),
        other_article=make_article(politics, "Tiếp xúc cử tri phường Hiến Nam", body=body),
        news_article=make_article(news, "Khai giảng lớp tập huấn kỹ năng số", body=body),
        about=about,
        history=publish(about, StandardPage(title="Lịch sử hình thành")),
        video_index=video_index,
        video=publish(video_index, VideoPage(title="Phố Hiến xưa", embed_url="https://www.youtube.com/watch?v=abc")),
        sitemap=publish(home, SitemapPage(title="Sơ đồ trang")),
    )


@pytest.fixture
def rate(client):
    """POST a rating as JSON, the way portal.js does; keyword arguments override the body or headers."""

    def post(page=None, rating=4, comment="", visitor=VISITOR, *, body: Any = None, headers=None, **fields):
        if body is None:
            body = {"page": page.pk if hasattr(page, "pk") else page, "rating": rating, "comment": comment}
            if visitor is not None:
                body["visitor"] = visitor
            body.update(fields)
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        return client.post(URL, data, content_type="application/json", **{**SAME_ORIGIN, **(headers or {})})

    return post


@pytest.fixture
def login(client, django_user_model):
    """Log the test client in as a new member of a newsroom role, or a superuser with role=None."""

    def as_role(role: str | None):
        username = f"user{django_user_model.objects.count() + 1}"
        if role is None:
            user = django_user_model.objects.create_superuser(username, f"{username}@example.invalid", "mat-khau-123")
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "mat-khau-123")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return user

    return as_role


@pytest.fixture
def article(db):
    """One article to rate, for tests that need no more of the portal."""
    section = make_section("Tin tức")
    return make_article(section, "Hội nghị tổng kết công tác năm 2026", body=[("paragraph", "<p>Nội dung.</p>")])
