"""Editors keep the list and import it; only approvers and administrators delete; reporters see nothing."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from loa.newsroom import roles
from loa.procedures.models import Procedure

from .conftest import HEADERS, make_procedure, xlsx

pytestmark = pytest.mark.django_db

LIST = "/admin/procedures/"
IMPORT = "/admin/procedures/import/"
UPDATE = "/admin/procedures/import/update/"


def denied(response) -> bool:
    if response.status_code == HTTPStatus.FORBIDDEN:
        return True
    return response.status_code == HTTPStatus.FOUND and response["Location"].rstrip("/").endswith("/admin")


def permissions(role: str) -> set[str]:
    return set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__app_label="loa_procedures")
        .values_list("codename", flat=True)
    )


def form(**fields) -> dict:
    data = {
        "code": "1.001193.000.00.00.H31",
        "name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "level": "commune",
        "service_level": "partial",
        "url": "",
    }
    return {**data, **fields}


def test_the_migration_gives_each_role_its_permissions():
    edit = {"add_procedure", "change_procedure", "view_procedure"}
    assert permissions(roles.REPORTER) == set()
    assert permissions(roles.EDITOR) == edit
    assert permissions(roles.APPROVER) == {*edit, "delete_procedure"}
    assert permissions(roles.ADMINISTRATOR) == {*edit, "delete_procedure"}


def test_a_reporter_sees_no_procedure_screen(login):
    reporter = login(roles.REPORTER)
    procedure = make_procedure("1.000656", "Thủ tục đăng ký khai tử")
    for url in (LIST, f"{LIST}new/", f"{LIST}edit/{procedure.pk}/", IMPORT, UPDATE):
        assert denied(reporter.get(url)), url
    assert denied(reporter.post(f"{LIST}new/", form()))
    assert denied(reporter.post(IMPORT, {"file": xlsx(HEADERS, ["1.1", "Tên", "Hộ tịch", "Cấp xã", "Không", ""])}))
    assert Procedure.objects.count() == 1


def test_an_editor_adds_a_procedure_and_the_link_is_checked(login):
    editor = login(roles.EDITOR)
    response = editor.post(f"{LIST}new/", form(url="http://dichvucong.gov.vn/x"))
    assert response.status_code == HTTPStatus.OK
    assert "url" in response.context["form"].errors
    assert editor.post(f"{LIST}new/", form()).status_code == HTTPStatus.FOUND
    assert Procedure.objects.get().search_text.startswith(" 1.001193.000.00.00.h31 thu tuc dang ky khai sinh ")


def test_an_editor_cannot_delete_but_an_approver_can(login, client):
    procedure = make_procedure("1.000656", "Thủ tục đăng ký khai tử")
    editor = login(roles.EDITOR)
    assert denied(editor.post(f"{LIST}delete/{procedure.pk}/"))
    assert Procedure.objects.exists()
    approver = login(roles.APPROVER)
    assert approver.post(f"{LIST}delete/{procedure.pk}/").status_code == HTTPStatus.FOUND
    assert not Procedure.objects.exists()


def test_the_admin_list_filters_by_field(login):
    make_procedure("1.000656", "Thủ tục đăng ký khai tử")
    make_procedure("2.000815", "Chứng thực bản sao", field="Chứng thực")
    html = login(roles.EDITOR).get(LIST, {"field": "Chứng thực"}).content.decode()
    assert "Chứng thực bản sao" in html and "khai tử" not in html


def test_an_editor_imports_after_the_preview(login):
    editor = login(roles.EDITOR)
    html = editor.get(LIST).content.decode()
    assert IMPORT in html and UPDATE in html
    sheet = xlsx(HEADERS, ["1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", "Cấp xã", "Toàn trình", ""])
    preview = editor.post(IMPORT, {"file": sheet})
    assert preview.context["preview"].ok and not Procedure.objects.exists()
    done = editor.post(IMPORT, {"token": preview.context["token"]})
    assert done.status_code == HTTPStatus.FOUND and done["Location"] == LIST
    assert Procedure.objects.get().code == "1.000656"


def test_the_update_import_needs_the_change_permission(login, django_user_model, client):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("nhaplieu", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="add_procedure")
    )
    client.force_login(user)
    assert client.get(IMPORT).status_code == HTTPStatus.OK
    assert denied(client.get(UPDATE))
