"""Procedures, the list page and users of every newsroom role."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from loa.core.testing import home_page
from loa.procedures.models import Procedure, ProcedureIndexPage

HEADERS = ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Mức độ", "Đường dẫn"]


def make_procedure(
    code: str, name: str, field: str = "Hộ tịch", level: str = "commune", service_level: str = "full", url: str = ""
) -> Procedure:
    procedure = Procedure(code=code, name=name, field=field, level=level, service_level=service_level, url=url)
    procedure.full_clean()
    procedure.save()
    return procedure


@pytest.fixture
def procedures() -> dict[str, Procedure]:
    return {
        "birth": make_procedure("1.001193.000.00.00.H31", "Thủ tục đăng ký khai sinh", service_level="partial"),
        "death": make_procedure("1.000656.000.00.00.H31", "Thủ tục đăng ký khai tử"),
        "copy": make_procedure(
            "2.000815.000.00.00.H31",
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
            field="Chứng thực",
            service_level="none",
        ),
        "build": make_procedure(
            "1.009994.000.00.00.H31",
            "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
            field="Hoạt động xây dựng",
            level="district",
            service_level="partial",
        ),
    }


@pytest.fixture
def procedure_page() -> ProcedureIndexPage:
    page = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh", show_in_menus=True)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def xlsx(*rows: list) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("thu-tuc.xlsx", buffer.getvalue())


@pytest.fixture
def login(client, django_user_model):
    def as_role(role: str | None):
        username = f"user{django_user_model.objects.count() + 1}"
        if role is None:
            user = django_user_model.objects.create_superuser(username, f"{username}@example.invalid", "mat-khau-123")
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.invalid", "mat-khau-123")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return as_role
