"""Admin sign-in lockout (django-axes): per user name and client address, behind the proxy too."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "mot-mat-khau-dai-va-kho-doan"


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("bientap", "bientap@example.invalid", PASSWORD)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    return user


def sign_in(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def fail(client: Client, times: int, username: str = "bientap", **extra) -> list[int]:
    return [sign_in(client, username, "sai-mat-khau", **extra).status_code for _ in range(times)]


def test_the_fifth_failure_is_answered_with_the_lockout_page(client, editor):
    assert fail(client, 5) == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS]


def test_five_failures_lock_the_account_on_that_address_even_with_the_right_password(client, editor):
    fail(client, 5)
    response = sign_in(client, "bientap", PASSWORD)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    with translation.override("vi"):
        expected = ngettext(
            "This account has been locked on this connection after %(limit)s failed sign-in attempt.",
            "This account has been locked on this connection after %(limit)s failed sign-in attempts.",
            5,
        ) % {"limit": 5}
    assert 'data-testid="lockout"' in html
    assert " ".join(expected.split()) in " ".join(html.split())
    assert 'lang="vi"' in html


def test_lockout_page_says_vietnamese_wait_in_minutes(client, editor):
    fail(client, 5)
    html = " ".join(sign_in(client, "bientap", PASSWORD).content.decode().split())
    with translation.override("vi"):
        wait = ngettext(
            "Please try again in %(minutes)s minute. Every further attempt before then starts the wait again.",
            "Please try again in %(minutes)s minutes. Every further attempt before then starts the wait again.",
            15,
        ) % {"minutes": 15}
        title = gettext("Sign-in locked")
    assert wait in html and title in html
    assert "Tạm khóa đăng nhập" in html and "Vui lòng thử lại sau 15 phút" in html  # Vietnamese, not a fallback


def test_four_failures_then_the_right_password_signs_in_and_clears_the_count(client, editor):
    fail(client, 4)
    response = sign_in(client, "bientap", PASSWORD)
    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert not AccessAttempt.objects.filter(username="bientap").exists()


def test_another_address_is_not_locked_out(editor):
    attacker, colleague = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.20")
    fail(attacker, 5)
    assert sign_in(attacker, "bientap", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert sign_in(colleague, "bientap", PASSWORD).status_code == HTTPStatus.FOUND


def test_user_name_case_and_spaces_do_not_give_new_tries(client, editor):
    for name in ("bientap", "BienTap", " bientap ", "BIENTAP", "bientap"):
        sign_in(client, name, "sai-mat-khau")
    assert sign_in(client, "bientap", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_behind_the_proxy_each_reader_is_counted_by_the_address_it_reports(settings, editor):
    """All requests arrive from nginx's address; the header nginx sets tells readers apart."""
    settings.LOA_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    proxy = "127.0.0.1"
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_REAL_IP="203.0.113.7")
    colleague = Client(REMOTE_ADDR=proxy, HTTP_X_REAL_IP="198.51.100.20")
    fail(attacker, 5)
    assert sign_in(attacker, "bientap", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert sign_in(colleague, "bientap", PASSWORD).status_code == HTTPStatus.FOUND
    assert AccessAttempt.objects.get(username="bientap").ip_address == "203.0.113.7"


def test_the_limit_and_the_wait_come_from_settings(settings, client, editor):
    settings.AXES_FAILURE_LIMIT = 2
    fail(client, 2)
    assert sign_in(client, "bientap", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_the_lock_ends_after_the_wait(client, editor):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    response = sign_in(client, "bientap", PASSWORD)
    assert response.status_code == HTTPStatus.FOUND


def test_an_administrator_can_release_a_locked_user_early(client, editor):
    fail(client, 5)
    call_command("axes_reset_username", "bientap")
    assert sign_in(client, "bientap", PASSWORD).status_code == HTTPStatus.FOUND


def test_authenticate_without_a_request_still_works_for_server_side_code(editor):
    """Management commands and the demo loader check passwords without a request."""
    assert authenticate(username="bientap", password=PASSWORD) == editor
    assert authenticate(username="bientap", password="sai") is None
