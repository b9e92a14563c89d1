"""An administrator turns on two-step sign-in in the browser, signs in again with a code; a guesser is locked out."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from loa.security.testing import totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "mot-mat-khau-dai-va-kho-doan"


@pytest.fixture
def administrator(live_server, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("quantri", "quantri@example.invalid", PASSWORD)
    user.groups.add(Group.objects.get(name="Quản trị"))
    return live_server.url


def sign_in(page, base: str, password: str = PASSWORD) -> None:
    page.goto(base + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_turning_on_two_step_sign_in_and_signing_in_with_a_code(administrator, open_page, screenshot):
    base = administrator
    page, watch = open_page("desktop")
    sign_in(page, base)
    page.wait_for_url("**/admin/")
    page.goto(base + "/admin/two-factor/")
    expect(page.get_by_test_id("qr-code").locator("svg")).to_be_visible()
    screenshot(page, "two-factor-setup.png")
    secret = page.get_by_test_id("secret").inner_text()
    page.locator("input[name=code]").fill(totp(secret))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/admin/account/")

    page.context.clear_cookies()
    sign_in(page, base)
    page.wait_for_url("**/admin/two-factor/verify/?next=*")
    # One form: the page's icon sprite (fetched by script from the admin) is not the code page again.
    expect(page.locator("input[name=code]")).to_have_count(1)
    expect(page.locator("input[name=code]")).to_have_attribute("autocomplete", "one-time-code")
    screenshot(page, "two-factor-verify.png")
    # The enrolment used this 30-second step's code, and a code is good once.
    page.locator("input[name=code]").fill(totp(secret, time.time() + 30))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(base + "/admin/")
    expect(page.locator("#main")).to_be_visible()
    # Wagtail's account page lists time zones this headless Chromium does not know (a script
    # error of Wagtail's own, not of the policy); everything else must be clean.
    assert [e for e in watch.errors if "localizeTimeZoneOptions" not in e] == []


def test_guessing_the_password_ends_on_the_vietnamese_lockout_page(administrator, open_page, screenshot):
    page, _ = open_page("mobile")
    for _ in range(5):
        sign_in(page, administrator, password="doan-bua")
    expect(page.get_by_test_id("lockout")).to_be_visible()
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "login-lockout-mobile.png")
    sign_in(page, administrator)
    expect(page.get_by_test_id("lockout")).to_be_visible()
