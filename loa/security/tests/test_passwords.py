"""Password rules: ten characters or more, not common, not all digits, not like the user's details; in Vietnamese."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from loa.newsroom import roles

pytestmark = pytest.mark.django_db

PERSON = User(username="nguyenvanan", first_name="An", last_name="Nguyễn Văn", email="nguyenvanan@example.gov.vn")


def problems(password: str) -> list[str]:
    with translation.override("vi"):
        try:
            validate_password(password, PERSON)
        except ValidationError as error:
            return error.messages
    return []


@pytest.mark.parametrize(
    ("password", "vietnamese"),
    [
        ("Hy9!kq2@z", "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 10 ký tự."),
        ("password123", "Mật khẩu này quá phổ biến."),
        ("20251119204517", "Mật khẩu này hoàn toàn là số."),
        ("nguyenvanan1", "Mật khẩu quá giống với Tên đăng nhập."),
    ],
)
def test_weak_passwords_are_refused_with_a_vietnamese_reason(password, vietnamese):
    assert vietnamese in problems(password)


def test_a_long_uncommon_password_passes():
    assert problems("Hoa sen nở giữa hồ Bán Nguyệt") == []
    assert problems("q7-Lúa-chín-vàng") == []


def test_the_admin_refuses_a_weak_password_for_a_new_user():
    admin = User.objects.create_user("quantri", "quantri@example.invalid", "mot-mat-khau-dai-va-kho-doan")
    admin.groups.add(Group.objects.get(name=roles.ADMINISTRATOR))
    client = Client()
    client.force_login(admin)
    form = {
        "username": "phongvien2",
        "email": "phongvien2@example.gov.vn",
        "first_name": "Thu",
        "last_name": "Minh",
        "password1": "123456789",
        "password2": "123456789",
        "groups": [Group.objects.get(name=roles.REPORTER).pk],
    }
    response = client.post("/admin/users/new/", form)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Mật khẩu này quá ngắn" in html and "Mật khẩu này hoàn toàn là số." in html
    assert not User.objects.filter(username="phongvien2").exists()

    form["password1"] = form["password2"] = "Đê điều vững chắc 2025"
    response = client.post("/admin/users/new/", form)
    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.filter(username="phongvien2").exists()
