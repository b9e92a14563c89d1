"""Huge, malformed and tricky requests: a 4xx (or the right 200/3xx), never a 5xx, never a traceback.

Through Django's test client on the demo portal (every public page type and endpoint, loaded
once for the module): unknown hosts, path tricks, broken query strings, methods, bodies and
cookies, open redirects, ranges on media. Nothing may be logged as an error or with a
traceback. What only a real server receives (raw bytes, absolute URIs, two Hosts…) and the
page cache's resistance to poisoning are in test_requests_server.py.
"""

from __future__ import annotations

import io
import uuid
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

BAD_REQUEST_PAGE = "Yêu cầu không hợp lệ"
CSRF_PAGE = "Không gửi được biểu mẫu"


def problems(records) -> list[str]:
    """Log records that would page someone: errors, or anything carrying a traceback."""
    return [f"{r.name}: {r.getMessage()}" for r in records if r.levelname in ("ERROR", "CRITICAL") or r.exc_info]


@pytest.fixture(autouse=True)
def _no_error_logged(caplog):
    yield
    assert problems(caplog.records) == []


# --- through Django: the demo portal -----------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo portal, loaded once for the module inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def public_urls(demo, django_db_blocker) -> dict[str, str]:
    """One address per public page type, and every public endpoint that is not a page."""
    from wagtail.models import Page

    with django_db_blocker.unblock():
        urls = {}
        for page in Page.objects.live().public().specific().order_by("path"):
            urls.setdefault(type(page).__name__, page.url)
        urls.pop("Page", None)
        for url in urls.values():  # photos' renditions made once here, not again in every test's transaction
            Client().get(url)
    return {
        **urls,
        "search": "/tim-kiem/",
        "suggestions": "/tim-kiem/goi-y/",
        "sitemap": "/sitemap.xml",
        "news-sitemap": "/sitemap-news.xml",
        "section-sitemap": "/sitemap-thoi-su-chinh-tri.xml",
        "rss": "/rss/",
        "site-rss": "/rss.xml",
        "robots": "/robots.txt",
        "ask": "/hoi-dap/dat-cau-hoi/",
        "follow": "/hoi-dap/tra-cuu/",
        "thanks": "/hoi-dap/da-gui/",
    }


@pytest.fixture
def client() -> Client:
    """A reader's browser that shows a 500 as a 500 (rather than raising in the test)."""
    return Client(raise_request_exception=False)


@pytest.mark.django_db
class TestHosts:
    @pytest.mark.parametrize(
        "host",
        ["evil.com", "evil.com@localhost", "localhost@evil.com", "local host", "[::1", "..", "localhost:abc",
         "xn--ls8h", "a" * 300, "localhost/evil", "localhost\\evil", "localhost,evil.com", ""],
    )  # fmt: skip
    def test_an_unknown_or_malformed_host_gets_the_vietnamese_400_page(self, client, public_urls, host, caplog):
        for path in ("/", public_urls["ArticlePage"], "/hoi-dap/dat-cau-hoi/"):
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == HTTPStatus.BAD_REQUEST, path
            assert BAD_REQUEST_PAGE in response.content.decode()
        beacon = client.post("/api/beacon/", '{"page": 3}', content_type="application/json", HTTP_HOST=host)
        assert beacon.status_code == HTTPStatus.BAD_REQUEST
        # Logged as one line for whoever reads the logs, not as an error with Django's traceback.
        assert {r.levelname for r in caplog.records if r.name == "django.security.DisallowedHost"} == {"WARNING"}

    @pytest.mark.parametrize("host", ["localhost", "LOCALHOST", "localhost:8000", "localhost.", "127.0.0.1:80"])
    def test_an_allowed_host_in_any_spelling_gets_the_page(self, client, public_urls, host):
        assert client.get(public_urls["ArticlePage"], HTTP_HOST=host).status_code == HTTPStatus.OK


PATH_TRICKS = [
    "/documents/abc/",
    "/documents/99999999999999999999/quyet-dinh.pdf",
    "/documents/-1/x.pdf",
    "/static/../settings.py",
    "/static/..%2f..%2floa/settings/base.py",
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/..%2f..%2fetc/passwd",
    "/media/%252e%252e/%252e%252e/etc/passwd",
    "/media/original_images/%00.jpg",
    "/media/",
    "/..%2f..%2fetc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%ff%fe/",
    "/%c0%ae%c0%ae/etc/passwd",  # an overlong UTF-8 "..", refused by decoders
    "/%00/",
    "/thoi-su-chinh-tri/%00/",
    "/" + "a" * 10_000 + "/",
    "/" + "a/" * 2_000,
    "/en/%ff/",
    "/rss/%ff.xml",
    "/rss/../../etc/passwd.xml",
    "/sitemap-%ff.xml",
    "/admin/%ff/",
    "/api/beacon/%00",
    "/.env",
    "/.git/config",
    "/wp-login.php",
]


@pytest.mark.django_db
class TestPaths:
    @pytest.mark.parametrize("path", PATH_TRICKS, ids=[path[:40] for path in PATH_TRICKS])
    def test_a_path_trick_is_a_4xx_and_never_a_file_from_outside(self, client, demo, path):
        response = client.get(path)
        assert HTTPStatus.BAD_REQUEST <= response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR or (
            response.status_code in (HTTPStatus.MOVED_PERMANENTLY, HTTPStatus.FOUND)
            and not urlsplit(response["Location"]).netloc
        ), response.status_code
        body = b"".join(response) if response.streaming else response.content
        assert b"root:x:0:0" not in body and b"SECRET_KEY" not in body

    @pytest.mark.parametrize(
        "path", ["//evil.com", "//evil.com/", "///evil.com", "/\\evil.com", "//evil.com/%2e%2e", "/%2F%2Fevil.com"]
    )
    def test_a_path_that_looks_like_another_site_never_redirects_there(self, client, demo, path):
        response = client.get("/", PATH_INFO=path)  # the test client would read "//evil.com" as a host
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR
        if response.status_code in (301, 302, 303, 307, 308):
            location = urlsplit(response["Location"])
            assert not location.netloc and not response["Location"].startswith(("//", "/\\")), response["Location"]


QUERIES = {
    "invalid-utf8": "q=%ff%fe&tu-khoa=%c3%28&trang=%ff",
    "nul": "q=a%00b&trang=%00&tuan=%00&ma=%00",
    "huge-page": "trang=99999999999999999999&page=99999999999999999999&p=99999999999999999999",
    "negative-page": "trang=-1&page=-5&p=-1",
    "float-page": "trang=1.5&page=2.0&p=1e3",
    # "²".isdigit() is True, int("²") fails: page numbers, the sitemap's page, the schedule's leader.
    "superscript-digits": "trang=%C2%B2&page=%C2%B2&p=%C2%B2&lanh_dao=%C2%B2&nam=%C2%B2&tuan=%C2%B2",
    "bad-dates": "tu_ngay=2026-13-45&den_ngay=31/02/2026&date_from=0000-00-00&date_to=2026-02-30&from=2026-13-45",
    "bad-week": "tuan=2026-W99&tuan=9999999999-W01",
    "bad-choices": "section=abc&kind=%00&order=%ff&loai=99999999999999999999&nam=-1&linh-vuc=%ff",
    "array-syntax": "q[]=a&q[$ne]=b&trang[]=1",
    "long-value": "q=" + "a" * 8000,
    "repeated": "&".join(["trang=2"] * 500),
}


@pytest.mark.django_db
class TestQueryStrings:
    @pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
    def test_every_public_address_answers_a_broken_query_without_a_5xx(self, client, public_urls, query):
        for name, url in public_urls.items():
            response = client.get(f"{url}?{query}")
            assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, (name, response.status_code)

    def test_a_huge_page_number_shows_a_page(self, client, public_urls):
        for name in ("SectionPage", "LegalDocumentIndexPage", "QuestionIndexPage", "VideoIndexPage", "search"):
            response = client.get(public_urls[name], {"trang": "9" * 20, "page": "9" * 20, "q": "hội nghị"})
            assert response.status_code == HTTPStatus.OK, name

    def test_a_sitemap_page_that_is_not_a_number_is_not_found(self, client, public_urls):
        for number in ("²", "١", "abc", "-1"):
            response = client.get(public_urls["section-sitemap"], {"p": number})
            assert response.status_code == HTTPStatus.NOT_FOUND, number

    def test_thousands_of_parameters_get_the_vietnamese_400_page(self, client, public_urls):
        query = "&".join(f"a{n}=1" for n in range(5000))  # over DATA_UPLOAD_MAX_NUMBER_FIELDS
        for name in ("HomePage", "ArticlePage", "search", "LegalDocumentIndexPage"):
            response = client.get(f"{public_urls[name]}?{query}")
            assert response.status_code == HTTPStatus.BAD_REQUEST, name
            assert BAD_REQUEST_PAGE in response.content.decode()


@pytest.mark.django_db
class TestMethods:
    @pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "MKCOL", "CONNECT", "FOO"])
    def test_a_method_pages_do_not_take_is_refused(self, public_urls, method):
        browser = Client(enforce_csrf_checks=True, raise_request_exception=False)  # as a real one: no token
        for name, url in public_urls.items():
            response = browser.generic(method, url)
            assert HTTPStatus.BAD_REQUEST <= response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, (name, method)

    def test_a_refused_form_without_its_token_gets_the_vietnamese_page(self, public_urls):
        browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
        response = browser.put(public_urls["ArticlePage"])
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert CSRF_PAGE in response.content.decode()
        browser.cookies["csrftoken"] = "\x7f" * 10  # a garbage token cookie
        response = browser.post(public_urls["ask"], {"name": "An"})
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert CSRF_PAGE in response.content.decode()

    def test_head_gets_the_headers_and_no_body(self, client, public_urls):
        for name in ("HomePage", "ArticlePage", "LegalDocumentIndexPage", "rss", "sitemap"):
            response = client.head(public_urls[name])
            assert response.status_code == HTTPStatus.OK, name
            assert response.content == b""

    @pytest.mark.parametrize("method", ["GET", "PUT", "OPTIONS", "HEAD"])
    def test_the_beacon_takes_only_post(self, client, public_urls, method):
        assert client.generic(method, "/api/beacon/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


BIG = "x" * (11 * 1024 * 1024)  # over DATA_UPLOAD_MAX_MEMORY_SIZE (10 MB)
BODIES = {
    "too-big-form": (f"a={BIG}", "application/x-www-form-urlencoded"),
    "too-many-fields": ("&".join(f"f{n}=1" for n in range(1500)), "application/x-www-form-urlencoded"),
    "too-many-files": (
        "".join(
            f'--b\r\nContent-Disposition: form-data; name="f{n}"; filename="a.txt"\r\n\r\nx\r\n' for n in range(150)
        )
        + "--b--\r\n",
        "multipart/form-data; boundary=b",
    ),
    "json": ('{"name": "An", "title": "Câu hỏi", "text": "x"}', "application/json"),
    "broken-json": ('{"name": ', "application/json"),
    "xml": ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', "text/xml"),
    "broken-multipart": (
        '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
        "multipart/form-data; boundary=b",
    ),
    "multipart-without-boundary": ("anything", "multipart/form-data"),
    "multipart-bad-boundary": ("anything", "multipart/form-data; boundary=" + "b" * 300),
    "bad-urlencoding": ("%ff%fe=%00&a=%zz&=&&", "application/x-www-form-urlencoded"),
    "unknown-charset": ("a=b", "application/x-www-form-urlencoded; charset=x-unknown-42"),
    "no-content-type": ("a=b", ""),
}


@pytest.mark.django_db
class TestBodies:
    @pytest.mark.parametrize(("body", "content_type"), BODIES.values(), ids=BODIES.keys())
    def test_a_hostile_body_to_a_public_endpoint_is_a_4xx_or_the_form_again(
        self, client, public_urls, body, content_type
    ):
        endpoints = ["ask", "follow", "HomePage", "ArticlePage", "search"]
        for name in endpoints:
            response = client.generic("POST", public_urls[name], body.encode(), content_type=content_type)
            assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, (name, response.status_code)
        for url in ("/api/beacon/", "/api/danh-gia/"):
            response = client.generic("POST", url, body.encode(), content_type=content_type)
            assert HTTPStatus.BAD_REQUEST <= response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url

    def test_a_digit_int_cannot_read_is_a_wrong_answer_not_a_server_error(self, client, public_urls):
        """The Hỏi đáp arithmetic question answered "²" (a digit to str.isdigit(), not to int())."""
        response = client.post(public_urls["ask"], {"name": "Nguyễn Văn An", "captcha": "²", "token": "x"})
        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["captcha"]

    def test_a_length_int_cannot_read_is_refused_by_the_json_endpoints(self, client, demo):
        browser = {
            "HTTP_SEC_FETCH_SITE": "same-origin",
            "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130",
        }
        for url in ("/api/beacon/", "/api/danh-gia/"):
            response = client.post(url, "{}", content_type="application/json", CONTENT_LENGTH="²", **browser)
            assert response.status_code in (HTTPStatus.BAD_REQUEST, HTTPStatus.REQUEST_ENTITY_TOO_LARGE), url

    def test_a_body_over_the_memory_limit_gets_the_vietnamese_400_page(self, client, public_urls):
        response = client.post(public_urls["ask"], f"name={BIG}", content_type="application/x-www-form-urlencoded")
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert BAD_REQUEST_PAGE in response.content.decode()


COOKIES = {
    "corrupt-session": "sessionid=garbage",
    "long-session": "sessionid=" + "a" * 4000,
    "corrupt-messages": "messages=garbage",
    "forged-messages": 'messages="W1siX19qc29uX21lc3NhZ2UiLDAsMjUsIjxzY3JpcHQ+Il1d:1abc:xyz"',
    "garbage-csrf": "csrftoken=" + "\x7f" * 10,
    "short-csrf": "csrftoken=a",
    "long-visitor": "loa_vid=" + "z" * 4000,
    "huge-cookie": "x=" + "y" * 60_000,
    "twice": "sessionid=a; sessionid=b; messages=c; messages=d",
    "no-names": "=;;==; ;=a",
    # A server hands header bytes to WSGI as latin-1 text: UTF-8 arrives as mojibake, never as "Đồng".
    "utf8-bytes": "sessionid=Đồng; loa_vid=💥".encode().decode("latin-1"),
    "binary": "sessionid=\xff\xfe\x00; messages=\x80",
}


@pytest.mark.django_db
class TestCookies:
    @pytest.mark.parametrize("cookie", COOKIES.values(), ids=COOKIES.keys())
    def test_garbage_cookies_still_get_the_page(self, client, public_urls, cookie):
        for name in ("HomePage", "ArticlePage", "ask", "search"):
            assert client.get(public_urls[name], HTTP_COOKIE=cookie).status_code == HTTPStatus.OK, name
        assert client.get("/admin/", HTTP_COOKIE=cookie).status_code == HTTPStatus.FOUND
        response = client.post(public_urls["ask"], {"name": "An"}, HTTP_COOKIE=cookie)
        assert response.status_code == HTTPStatus.OK  # the form again, with its messages

    def test_oversized_headers_still_get_the_page(self, client, public_urls):
        response = client.get(public_urls["ArticlePage"], HTTP_X_BIG="a" * 100_000, HTTP_USER_AGENT="b" * 20_000)
        assert response.status_code == HTTPStatus.OK


OFF_SITE = ["//evil.com", "https://evil.com/", "http:evil.com", "/\\evil.com", "\\\\evil.com", "//evil.com@localhost",
            "https:///evil.com", "javascript:alert(1)", "/%2F%2Fevil.com", " //evil.com", "\t//evil.com"]  # fmt: skip


def stays_on_site(location: str) -> bool:
    parts = urlsplit(location)
    return not parts.netloc and parts.scheme in ("", "http", "https") and not location.lstrip().startswith(("//", "\\"))


@pytest.mark.django_db
class TestRedirects:
    @pytest.mark.parametrize("target", OFF_SITE)
    def test_signing_in_never_sends_the_editor_off_site(self, client, django_user_model, target):
        django_user_model.objects.create_user("bientap", password="mat-khau-dai-123", is_staff=True)
        data = {"username": "bientap", "password": "mat-khau-dai-123", "next": target}
        response = client.post("/admin/login/?next=" + target, data)
        assert response.status_code == HTTPStatus.FOUND
        assert stays_on_site(response["Location"]), response["Location"]

    @pytest.mark.parametrize("target", OFF_SITE)
    def test_the_two_step_pages_never_send_the_editor_off_site(self, target):
        from django.test import RequestFactory

        from loa.security.two_factor import safe_next

        for request in (RequestFactory().get("/", {"next": target}), RequestFactory().post("/", {"next": target})):
            assert stays_on_site(safe_next(request)), target

    @pytest.mark.parametrize("target", OFF_SITE)
    def test_signing_out_never_sends_anyone_off_site(self, client, django_user_model, target):
        client.force_login(django_user_model.objects.create_user("bientap", is_staff=True))
        response = client.post("/admin/logout/?next=" + target, {"next": target})
        assert stays_on_site(response["Location"]), response["Location"]

    def test_a_missing_slash_redirects_to_the_same_site(self, client, public_urls):
        response = client.get(public_urls["SectionPage"].rstrip("/"))
        assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
        assert stays_on_site(response["Location"])


@pytest.mark.django_db
class TestMediaRanges:
    @pytest.fixture
    def photo(self):
        """A file in the media folder the URLconf serves (bound when loa.urls was first imported)."""
        from django.urls import resolve

        folder = Path(resolve("/media/original_images/x.jpg").kwargs["document_root"]) / "original_images"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"loa-requests-{uuid.uuid4().hex}.jpg"
        path.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 8)
        yield f"/media/original_images/{path.name}"
        path.unlink()

    @pytest.mark.parametrize(
        "byte_range",
        ["bytes=0-10", "bytes=-5", "bytes=99999999999999999999-", "bytes=5-1", "bytes=0-0,1-1,2-2," * 200,
         "items=0-1", "bytes=abc", "bytes=-"],
    )  # fmt: skip
    def test_a_range_on_a_media_file_is_answered(self, client, photo, byte_range):
        response = client.get(photo, HTTP_RANGE=byte_range)
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.PARTIAL_CONTENT, 416), response.status_code
