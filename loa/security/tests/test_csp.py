"""The Content-Security-Policy each kind of response carries, and public templates that can live with it.

The browser test (tests/browser/test_csp.py) checks that real pages raise no violation;
these check the headers and keep inline code out of the public templates.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.test import RequestFactory

from loa.security.csp import ContentSecurityPolicyMiddleware
from loa.security.policy import admin_directives, object_storage_origins, public_directives

LOA = Path(settings.BASE_DIR) / "loa"


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
class TestHeaders:
    def test_public_pages_allow_only_their_own_files_and_no_inline_code(self, client):
        response = client.get("/")
        assert response.status_code == HTTPStatus.OK
        csp = policy(response)
        assert csp["default-src"] == ["'self'"]
        assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
        assert csp["object-src"] == ["'self'"] and csp["base-uri"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'self'"] and csp["form-action"] == ["'self'"]
        assert csp["connect-src"] == ["'self'"]
        assert "https://www.youtube-nocookie.com" in csp["frame-src"]
        assert "Content-Security-Policy-Report-Only" not in response

    def test_public_pages_carry_no_nonce_because_they_are_cached(self, client):
        first, second = client.get("/")["Content-Security-Policy"], client.get("/")["Content-Security-Policy"]
        assert first == second and "nonce-" not in first

    def test_the_admin_has_its_own_looser_policy(self, client):
        csp = policy(client.get("/admin/login/"))
        assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]
        assert csp["object-src"] == ["'self'"] and csp["frame-ancestors"] == ["'self'"]
        assert "'unsafe-eval'" not in csp["script-src"]

    def test_a_404_page_gets_the_readers_policy(self, client):
        csp = policy(client.get("/khong-co-trang-nay/"))
        assert csp["script-src"] == ["'self'"]


def test_server_error_pages_may_use_their_inline_styles_but_no_scripts():
    request = RequestFactory().get("/tin-tuc/")
    response = ContentSecurityPolicyMiddleware(lambda r: HttpResponseServerError("<style>h1{}</style>"))(request)
    csp = policy(response)
    assert "'unsafe-inline'" in csp["style-src"] and csp["script-src"] == ["'self'"]
    ok = ContentSecurityPolicyMiddleware(lambda r: HttpResponse("ok"))(request)
    assert policy(ok)["style-src"] == ["'self'"]


class TestDirectives:
    def test_media_on_another_host_is_allowed_for_images_and_video_only_where_needed(self):
        csp = public_directives(media_url="https://cdn.example.gov.vn/media/")
        assert "https://cdn.example.gov.vn" in csp["img-src"] and "https://cdn.example.gov.vn" in csp["media-src"]
        assert csp["connect-src"] == ["'self'"]

    def test_extra_players_and_image_hosts_come_from_settings(self):
        csp = public_directives(extra_frame_sources=["https://www.facebook.com"], extra_image_sources=["https://a.b"])
        assert "https://www.facebook.com" in csp["frame-src"] and "https://a.b" in csp["img-src"]

    def test_production_upgrades_insecure_requests(self):
        assert public_directives(upgrade_insecure_requests=True)["upgrade-insecure-requests"] is True
        assert "upgrade-insecure-requests" not in public_directives()

    def test_admin_directives_only_loosen_inline_code_and_local_previews(self):
        public, admin = public_directives(), admin_directives()
        assert set(admin) == set(public)
        for name in ("default-src", "connect-src", "object-src", "base-uri", "form-action", "frame-ancestors"):
            assert admin[name] == public[name], name

    @pytest.mark.parametrize(
        ("env", "origins"),
        [
            ({}, []),
            ({"LOA_S3_BUCKET": "loa", "LOA_S3_CUSTOM_DOMAIN": "cdn.example.gov.vn"}, ["https://cdn.example.gov.vn"]),
            (
                {"LOA_S3_BUCKET": "loa", "LOA_S3_CUSTOM_DOMAIN": "http://127.0.0.1:9000/loa-media"},
                ["http://127.0.0.1:9000"],
            ),
            (
                {"LOA_S3_BUCKET": "loa", "LOA_S3_ENDPOINT_URL": "https://s3.example.vn"},
                ["https://s3.example.vn", "https://loa.s3.example.vn"],
            ),
            ({"LOA_S3_BUCKET": "loa"}, ["https://loa.s3.amazonaws.com"]),
        ],
    )
    def test_uploads_in_object_storage_are_allowed_from_where_they_are_served(self, env, origins):
        assert object_storage_origins(env) == origins


# --- public templates without inline code ------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def public_templates() -> list[Path]:
    """Templates readers' pages are built from: not the admin's, not the 5xx pages (inline styles allowed there)."""
    found = []
    for path in sorted(LOA.glob("**/templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(LOA).as_posix()
        if "wagtailadmin" in text or "/wagtailadmin/" in relative or "/panels/" in relative:
            continue
        if path.name in {"500.html", "503.html"}:
            continue
        found.append(path)
    return found


def test_there_are_public_templates_to_check():
    names = {p.name for p in public_templates()}
    assert {"base.html", "article_page.html", "home_page.html", "ask.html"} <= names


@pytest.mark.parametrize("path", public_templates(), ids=lambda p: p.relative_to(LOA).as_posix())
def test_public_template_has_no_inline_code(path):
    text = path.read_text(encoding="utf-8")
    for name, pattern in (
        ("inline <script>", INLINE_SCRIPT),
        ("event handler attribute", EVENT_HANDLER),
        ("style attribute", STYLE_ATTRIBUTE),
        ("<style> element", STYLE_ELEMENT),
        ("javascript: URL", JAVASCRIPT_URL),
    ):
        match = pattern.search(text)
        assert match is None, f"{name} in {path.name}: {match.group(0)[:80]!r} — move it to loa/static/loa/js or css"


def test_python_that_writes_public_html_adds_no_inline_code():
    """Template tags and blocks build HTML in Python too (format_html)."""
    offenders = []
    for path in sorted([*LOA.glob("**/templatetags/*.py"), *LOA.glob("**/blocks.py")]):
        relative = path.relative_to(LOA).as_posix()
        text = path.read_text(encoding="utf-8")
        for pattern in (STYLE_ATTRIBUTE, EVENT_HANDLER, INLINE_SCRIPT, JAVASCRIPT_URL):
            if match := pattern.search(text):
                offenders.append(f"{relative}: {match.group(0)[:60]}")
    assert offenders == []
