"""Who may keep the lists and import documents; citizens and reporters may not."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from loa.legal.models import DocumentType
from loa.newsroom import roles

pytestmark = pytest.mark.django_db

IMPORT = "/admin/legal/import/"
LIST_MODELS = ("documenttype", "issuingbody", "issuinglevel", "sector", "signer")
LISTS = [f"/admin/snippets/loa_legal/{model}/" for model in LIST_MODELS]


def denied(response) -> bool:
    """Wagtail answers a refused admin page with 403 or a redirect to the dashboard."""
    if response.status_code == HTTPStatus.FORBIDDEN:
        return True
    return response.status_code == HTTPStatus.FOUND and response["Location"].rstrip("/").endswith("/admin")


def legal_permissions(role: str) -> set[str]:
    return set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__app_label="loa_legal")
        .values_list("codename", flat=True)
    )


def test_the_migration_lets_editors_approvers_and_administrators_keep_the_lists():
    expected = {f"{action}_{model}" for model in LIST_MODELS for action in ("add", "change", "delete", "view")}
    for role in (roles.EDITOR, roles.APPROVER, roles.ADMINISTRATOR):
        assert legal_permissions(role) == expected, role
    assert legal_permissions(roles.REPORTER) == set()


@pytest.mark.parametrize("url", [IMPORT, *LISTS])
def test_anonymous_visitors_are_sent_to_the_login(client, index, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/admin/login/")


def test_a_reporter_sees_neither_the_lists_nor_the_import(login, index):
    reporter = login(roles.REPORTER)
    for url in (IMPORT, *LISTS):
        assert denied(reporter.get(url)), url
    assert denied(reporter.post(IMPORT, {"token": "x"}))
    menu = reporter.get("/admin/").content.decode()
    assert IMPORT not in menu
    assert "/admin/snippets/loa_legal/" not in menu


def test_an_editor_keeps_the_lists(login):
    editor = login(roles.EDITOR)
    for url in LISTS:
        assert editor.get(url).status_code == HTTPStatus.OK, url
    response = editor.post("/admin/snippets/loa_legal/documenttype/add/", {"name": "Tờ trình", "sort_order": 200})
    assert response.status_code == HTTPStatus.FOUND
    assert DocumentType.objects.filter(name="Tờ trình").exists()


def test_a_reporter_cannot_add_to_a_list_by_posting(login):
    reporter = login(roles.REPORTER)
    assert denied(reporter.post("/admin/snippets/loa_legal/documenttype/add/", {"name": "Tờ trình"}))
    assert not DocumentType.objects.filter(name="Tờ trình").exists()


def test_importing_needs_add_permission_on_the_documents_page(login, index):
    editor = login(roles.EDITOR)  # editors hold page permissions on their sections only
    assert denied(editor.get(IMPORT))
    assert IMPORT not in editor.get("/admin/").content.decode()

    team = Group.objects.create(name="Văn thư")
    GroupPagePermission.objects.create(
        group=team,
        page=index,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page"),
    )
    editor.session  # noqa: B018 -- same logged-in user
    user = editor.get("/admin/").wsgi_request.user
    user.groups.add(team)
    assert editor.get(IMPORT).status_code == HTTPStatus.OK
    assert IMPORT in editor.get("/admin/").content.decode()


@pytest.mark.parametrize("role", [roles.APPROVER, roles.ADMINISTRATOR])
def test_approvers_and_administrators_may_import(login, index, role):
    assert login(role).get(IMPORT).status_code == HTTPStatus.OK


def test_without_a_documents_page_nobody_can_import(login):
    assert denied(login(None).get(IMPORT))
