"""Production settings: Django's deployment checklist, HTTPS behind the proxy, HSTS, secure cookies."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]
DUMP = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "proxy": s.SECURE_PROXY_SSL_HEADER, "redirect": s.SECURE_SSL_REDIRECT, "hsts": s.SECURE_HSTS_SECONDS,
    "subdomains": s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "session_secure": s.SESSION_COOKIE_SECURE,
    "csrf_secure": s.CSRF_COOKIE_SECURE, "debug": s.DEBUG,
    "csp": s.CONTENT_SECURITY_POLICY["DIRECTIVES"], "admin_csp": s.LOA_CSP_ADMIN_DIRECTIVES,
    "middleware": s.MIDDLEWARE,
}))
"""


def production(tmp_path: Path, **env: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "loa.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.gov.vn",
        "LOA_VAR_DIR": str(tmp_path),
        **env,
    }


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def settings_of(tmp_path: Path, **env: str) -> dict:
    result = run(["-c", DUMP], production(tmp_path, **env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_manage_py_check_deploy_passes_at_warning_level(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_defaults_trust_the_proxy_scheme_force_https_and_send_hsts_for_a_year(tmp_path):
    s = settings_of(tmp_path)
    assert s["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert s["redirect"] is True and s["debug"] is False
    assert s["hsts"] == 31_536_000 and s["subdomains"] is True
    assert s["session_secure"] is True and s["csrf_secure"] is True
    assert s["csp"]["upgrade-insecure-requests"] is True and s["admin_csp"]["upgrade-insecure-requests"] is True
    assert "loa.security.csp.ContentSecurityPolicyMiddleware" in s["middleware"]


def test_the_proxy_header_and_hsts_come_from_the_environment(tmp_path):
    s = settings_of(tmp_path, LOA_PROXY_SSL_HEADER="X-Forwarded-Scheme", LOA_HSTS_SECONDS="300")
    assert s["proxy"] == ["HTTP_X_FORWARDED_SCHEME", "https"] and s["hsts"] == 300
    assert settings_of(tmp_path, LOA_PROXY_SSL_HEADER="")["proxy"] is None


@pytest.mark.parametrize("key", ["", "short-key", "a" * 60])
def test_production_refuses_a_missing_short_or_repetitive_secret_key(tmp_path, key):
    result = run(["manage.py", "check"], production(tmp_path, SECRET_KEY=key))
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


@pytest.mark.django_db
class TestBehindTheProxy:
    """The request-level behaviour of those settings, applied to the test settings."""

    @pytest.fixture(autouse=True)
    def https_settings(self, settings):
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        settings.SECURE_SSL_REDIRECT = True
        settings.SECURE_HSTS_SECONDS = 31_536_000
        settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
        settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True

    def test_plain_http_is_sent_to_https(self):
        response = Client().get("/admin/login/")
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert response["Location"] == "https://testserver/admin/login/"

    def test_https_through_the_proxy_gets_hsts_and_secure_cookies(self):
        response = Client(HTTP_X_FORWARDED_PROTO="https").get("/admin/login/")
        assert response.status_code == HTTPStatus.OK
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        assert response.cookies["csrftoken"]["secure"] is True
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "SAMEORIGIN"
