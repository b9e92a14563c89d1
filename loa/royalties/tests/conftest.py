"""A small newsroom: two sections, three authors, articles published in June and July 2026, users of every role."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from loa.core.formats import VN_TZ
from loa.core.testing import make_article, make_section
from loa.news.models import Author
from loa.royalties.models import ArticleRoyalty, Genre, RoyaltyShare


def vn_time(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


@pytest.fixture
def authors() -> dict[str, Author]:
    unit = "Trung tâm Văn hóa và Truyền thanh thành phố"
    return {
        "anh": Author.objects.create(name="Hoàng Anh", unit=unit),
        "thu": Author.objects.create(name="Minh Thu", unit=unit),
        "binh": Author.objects.create(name="Trần Bình", unit="Cộng tác viên"),
    }


@pytest.fixture
def sections():
    return {"politics": make_section("Thời sự – Chính trị"), "economy": make_section("Kinh tế – Xã hội")}


@pytest.fixture
def articles(sections, authors):
    """Two July articles with authors, one June article, and one July article without a royalty."""
    return {
        "conference": make_article(
            sections["politics"],
            "Hội nghị tổng kết công tác thi đua năm 2026",
            authors=[authors["anh"], authors["thu"]],
            published=vn_time(2026, 7, 10),
        ),
        "harvest": make_article(
            sections["economy"],
            "Nông dân thu hoạch nhãn lồng đầu vụ",
            authors=[authors["thu"]],
            published=vn_time(2026, 7, 20),
        ),
        "june": make_article(
            sections["economy"],
            "Khai giảng lớp tập huấn kỹ năng số",
            authors=[authors["anh"]],
            published=vn_time(2026, 6, 30, 23, 30),
        ),
        "unrated": make_article(
            sections["politics"],
            "Tiếp xúc cử tri trước kỳ họp",
            authors=[authors["binh"]],
            published=vn_time(2026, 7, 25),
        ),
    }


def genre(name: str) -> Genre:
    return Genre.objects.get(name=name)


def set_royalty(article, genre_name: str, points: str, shares: list[tuple[Author, str, str]]) -> ArticleRoyalty:
    """Saves a royalty directly (as the admin form would after validation)."""
    royalty = ArticleRoyalty.objects.create(article=article, genre=genre(genre_name), points=Decimal(points))
    for author, role, percent in shares:
        RoyaltyShare.objects.create(royalty=royalty, payee=author, role=role, percent=Decimal(percent))
    return royalty


def royalty_form(genre_obj: Genre, points: str, shares: list[dict], note: str = "") -> dict:
    """POST data of the royalty form."""
    return nested_form_data({"genre": genre_obj.pk, "points": points, "note": note, "shares": inline_formset(shares)})


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
        return client

    return as_role
