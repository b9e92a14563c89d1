"""Two-step sign-in with an authenticator app (TOTP), driven with codes computed here as a phone would."""

from __future__ import annotations

import re
import time
from base64 import b32encode
from http import HTTPStatus
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from loa.newsroom import roles
from loa.security.testing import totp
from loa.security.views import otpauth_url

pytestmark = pytest.mark.django_db

PASSWORD = "mot-mat-khau-dai-va-kho-doan"
SETUP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"


@pytest.mark.parametrize(("at", "code"), [(59, "94287082"), (1111111109, "07081804"), (2000000000, "69279037")])
def test_the_tests_phone_computes_rfc_6238_codes(at, code):
    """The RFC's own test vectors (SHA-1, eight digits), so the codes below are a real app's codes."""
    assert totp(b32encode(b"12345678901234567890").decode(), at, digits=8) == code


def user_in(django_user_model, username: str, role: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.invalid", PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


def signed_in(username: str) -> Client:
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND, response.content[:500]
    return client


def secret_on_page(html: str) -> str:
    match = re.search(r'data-testid="secret">([A-Z2-7 ]+)<', html)
    assert match, "the key for typing into the app is shown"
    return match.group(1)


def enrol(client: Client) -> str:
    """Open the setup page, read the key as a person would type it, confirm with the current code."""
    page = client.get(SETUP)
    assert page.status_code == HTTPStatus.OK
    secret = secret_on_page(page.content.decode())
    response = client.post(SETUP, {"code": totp(secret)})
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[-2000:]
    return secret


@pytest.fixture
def administrator(django_user_model):
    return user_in(django_user_model, "quantri", roles.ADMINISTRATOR)


@pytest.fixture
def reporter(django_user_model):
    return user_in(django_user_model, "phongvien", roles.REPORTER)


class TestEnrolment:
    def test_the_account_page_links_to_it(self, administrator):
        html = signed_in("quantri").get("/admin/account/").content.decode()
        assert SETUP in html

    def test_setup_shows_a_qr_code_drawn_here_and_the_key(self, administrator):
        html = signed_in("quantri").get(SETUP).content.decode()
        assert re.search(r'data-testid="qr-code"><svg[^>]*>.*</svg>', html, re.S)
        assert "http" not in re.search(r"<svg.*?</svg>", html, re.S).group(0).replace("http://www.w3.org/", "")
        assert len(secret_on_page(html).replace(" ", "")) == 32  # 160-bit key in base32

    def test_the_key_uri_names_the_portal_and_the_user(self, administrator):
        device = TOTPDevice.objects.create(user=administrator, confirmed=False)
        url = urlsplit(otpauth_url(device, "portal.example.gov.vn"))
        query = parse_qs(url.query)
        assert (url.scheme, url.netloc) == ("otpauth", "totp")
        assert unquote(url.path) == "/portal.example.gov.vn:quantri"
        assert query["issuer"] == ["portal.example.gov.vn"] and query["digits"] == ["6"] and query["period"] == ["30"]

    def test_reloading_keeps_the_same_key_so_a_scanned_code_stays_valid(self, administrator):
        client = signed_in("quantri")
        first = secret_on_page(client.get(SETUP).content.decode())
        assert secret_on_page(client.get(SETUP).content.decode()) == first

    def test_a_wrong_code_does_not_turn_it_on(self, administrator):
        client = signed_in("quantri")
        secret = secret_on_page(client.get(SETUP).content.decode())
        wrong = str((int(totp(secret)) + 1) % 1_000_000).zfill(6)
        response = client.post(SETUP, {"code": wrong})
        assert response.status_code == HTTPStatus.OK
        assert not TOTPDevice.objects.filter(user=administrator, confirmed=True).exists()

    @pytest.mark.parametrize("typed", ["12345", "1234567", "abcdef", "١٢٣٤٥٦", ""])
    def test_anything_but_six_digits_is_refused_before_it_reaches_the_device(self, administrator, typed):
        client = signed_in("quantri")
        client.get(SETUP)
        response = client.post(SETUP, {"code": typed})
        assert response.status_code == HTTPStatus.OK
        assert TOTPDevice.objects.get(user=administrator).throttling_failure_count == 0

    def test_the_right_code_turns_it_on_and_keeps_this_session_going(self, administrator):
        client = signed_in("quantri")
        enrol(client)
        assert TOTPDevice.objects.filter(user=administrator, confirmed=True).count() == 1
        assert not TOTPDevice.objects.filter(user=administrator, confirmed=False).exists()
        assert client.get("/admin/").status_code == HTTPStatus.OK


class TestSignIn:
    @pytest.fixture
    def secret(self, administrator) -> str:
        return enrol(signed_in("quantri"))

    def test_after_the_password_every_admin_page_asks_for_the_code(self, secret):
        client = signed_in("quantri")
        for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/newsroom/reports/", "/admin/account/"):
            response = client.get(url)
            assert response.status_code == HTTPStatus.FOUND, url
            assert response["Location"].startswith(VERIFY + "?next="), url

    def test_what_the_code_page_loads_is_not_sent_to_the_code_page(self, secret):
        client = signed_in("quantri")
        for url in ("/admin/sprite/", "/admin/jsi18n/"):
            assert client.get(url).status_code == HTTPStatus.OK, url

    def test_the_code_page_speaks_to_the_user_and_offers_to_sign_out(self, secret):
        html = signed_in("quantri").get(VERIFY).content.decode()
        assert 'autocomplete="one-time-code"' in html and "/admin/logout/" in html

    def test_the_current_code_lets_them_in_and_back_to_where_they_were_going(self, secret):
        client = signed_in("quantri")
        # The enrolment used this 30-second step's code; a code is good once, so take the next step's.
        response = client.post(VERIFY, {"code": totp(secret, time.time() + 30), "next": "/admin/pages/"})
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == HTTPStatus.OK

    def test_a_code_is_good_only_once(self, secret):
        code = totp(secret, time.time() + 30)
        assert signed_in("quantri").post(VERIFY, {"code": code}).status_code == HTTPStatus.FOUND
        second = signed_in("quantri")
        assert second.post(VERIFY, {"code": code}).status_code == HTTPStatus.OK
        assert second.get("/admin/").status_code == HTTPStatus.FOUND

    def test_an_old_code_is_refused(self, secret):
        client = signed_in("quantri")
        response = client.post(VERIFY, {"code": totp(secret, time.time() - 300)})
        assert response.status_code == HTTPStatus.OK
        assert client.get("/admin/").status_code == HTTPStatus.FOUND

    def test_a_wrong_code_makes_the_next_try_wait(self, secret, administrator, settings):
        settings.OTP_TOTP_THROTTLE_FACTOR = 600  # a wait no slow test machine outlasts
        client = signed_in("quantri")
        client.post(VERIFY, {"code": "000000"})
        assert TOTPDevice.objects.get(user=administrator).throttling_failure_count == 1
        # Even the right code is refused while the wait lasts, and the page says how long.
        response = client.post(VERIFY, {"code": totp(secret, time.time() + 30)})
        assert response.status_code == HTTPStatus.OK
        assert re.search(r"\b(599|600|601)\b", response.content.decode())
        assert client.get("/admin/").status_code == HTTPStatus.FOUND

    @pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin/", "javascript:alert(1)"])
    def test_next_never_leaves_the_site(self, secret, target):
        client = signed_in("quantri")
        response = client.post(VERIFY, {"code": totp(secret, time.time() + 30), "next": target})
        assert response["Location"] == "/admin/"

    def test_the_public_site_does_not_ask(self, secret):
        client = signed_in("quantri")
        assert client.get("/").status_code == HTTPStatus.OK

    def test_signing_out_is_possible_without_a_code(self, secret):
        client = signed_in("quantri")
        response = client.post("/admin/logout/")
        assert response.status_code == HTTPStatus.FOUND
        assert "_auth_user_id" not in client.session

    def test_the_code_page_sends_users_without_an_app_on(self, reporter):
        response = signed_in("phongvien").get(VERIFY)
        assert response.status_code == HTTPStatus.FOUND and response["Location"] == "/admin/"


class TestTurningItOff:
    def test_it_needs_a_current_code(self, administrator, settings):
        settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait after the wrong code: this test is not about that
        client = signed_in("quantri")
        secret = enrol(client)
        response = client.post(SETUP, {"disable-code": "000000"})
        assert response.status_code == HTTPStatus.OK
        assert TOTPDevice.objects.filter(user=administrator).exists()
        response = client.post(SETUP, {"disable-code": totp(secret, time.time() + 30)})
        assert response.status_code == HTTPStatus.FOUND
        assert not TOTPDevice.objects.filter(user=administrator).exists()
        assert signed_in("quantri").get("/admin/").status_code == HTTPStatus.OK

    def test_an_administrator_resets_it_for_someone_who_lost_their_phone(self, administrator):
        enrol(signed_in("quantri"))
        call_command("reset_two_factor", "quantri", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert signed_in("quantri").get("/admin/").status_code == HTTPStatus.OK


class TestRequiredForAdministrators:
    @pytest.fixture(autouse=True)
    def required(self, settings):
        settings.LOA_2FA_REQUIRED_GROUPS = [roles.ADMINISTRATOR]

    def test_an_administrator_without_an_app_must_set_one_up_first(self, administrator):
        client = signed_in("quantri")
        for url in ("/admin/", "/admin/users/", "/admin/account/"):
            response = client.get(url)
            assert response.status_code == HTTPStatus.FOUND
            assert response["Location"].startswith(SETUP + "?next="), url
        enrol(client)
        assert client.get("/admin/users/").status_code == HTTPStatus.OK

    def test_superusers_count_as_administrators(self, django_user_model):
        django_user_model.objects.create_superuser("root", "root@example.invalid", PASSWORD)
        assert signed_in("root").get("/admin/")["Location"].startswith(SETUP)

    def test_other_roles_may_still_choose(self, reporter):
        assert signed_in("phongvien").get("/admin/").status_code == HTTPStatus.OK

    def test_an_administrator_cannot_turn_it_off(self, administrator):
        client = signed_in("quantri")
        secret = enrol(client)
        client.post(SETUP, {"disable-code": totp(secret, time.time() + 30)})
        assert TOTPDevice.objects.filter(user=administrator, confirmed=True).exists()
