"""A newsroom with two sections and one person in each role."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group

from loa.core.testing import make_image, make_section
from loa.news.models import Author
from loa.newsroom import roles


@dataclass
class Newsroom:
    economy: object
    politics: object
    reporter: object  # Phóng viên – Kinh tế
    other_reporter: object  # also Kinh tế
    politics_reporter: object
    editor: object  # Biên tập viên – Kinh tế
    politics_editor: object
    approver: object
    administrator: object
    author: Author
    image: object


def _user(django_user_model, username: str, *group_names: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "mat-khau-123")
    user.groups.set(Group.objects.filter(name__in=group_names))
    assert user.groups.count() == len(group_names), group_names
    return user


@pytest.fixture
def newsroom(db, django_user_model) -> Newsroom:
    economy = make_section("Kinh tế")
    politics = make_section("Thời sự – Chính trị")
    kt, ts = economy.title, politics.title
    return Newsroom(
        economy=economy,
        politics=politics,
        reporter=_user(django_user_model, "pv.kinhte", roles.REPORTER, roles.section_group_name(roles.REPORTER, kt)),
        other_reporter=_user(
            django_user_model, "pv2.kinhte", roles.REPORTER, roles.section_group_name(roles.REPORTER, kt)
        ),
        politics_reporter=_user(
            django_user_model, "pv.thoisu", roles.REPORTER, roles.section_group_name(roles.REPORTER, ts)
        ),
        editor=_user(django_user_model, "btv.kinhte", roles.EDITOR, roles.section_group_name(roles.EDITOR, kt)),
        politics_editor=_user(
            django_user_model, "btv.thoisu", roles.EDITOR, roles.section_group_name(roles.EDITOR, ts)
        ),
        approver=_user(django_user_model, "lanhdao", roles.APPROVER),
        administrator=_user(django_user_model, "quantri", roles.ADMINISTRATOR),
        author=Author.objects.create(name="Minh Thu", unit="Phòng Văn hóa và Thông tin"),
        image=make_image("Ảnh hội nghị"),
    )
