"""Hostile input in the public list's search box and filters: a page, never markup or an error.

The list is a GET form, so anything can be typed into its address; each
parameter must come back as text (autoescaped), or be ignored with a message.
"""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.utils.html import escape

from .test_listing import URL, register  # noqa: F401  (the fixture is used by name)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
SQL = "' OR 1=1 --"
LONG = "Quyết định " * 273  # 3,003 characters
NUL = "25/2024\x00<b>x</b>"
NFD = "Quy đi\u0323nh ha\u0323n mu\u031b\u0301c"  # "Quy định hạn mức" decomposed, as some keyboards send it

HOSTILE = {"script": SCRIPT, "breakout": BREAKOUT, "sql": SQL, "long": LONG, "nul": NUL, "nfd": NFD}
PARAMETERS = (
    "q",
    "loai",
    "co_quan",
    "cap",
    "linh_vuc",
    "nguoi_ky",
    "tinh_trang",
    "nam",
    "tu_ngay",
    "den_ngay",
    "sap_xep",
    "trang",
    "khong_co",  # an unknown parameter is kept in the page links
)
EVERY_DOCUMENT = 5


def assert_no_markup_from(payload: str, html: str) -> None:
    """The payload never opens an element or an attribute: no script, no event handler, no raw tag."""
    soup = BeautifulSoup(html, "html.parser")
    assert not [script for script in soup.find_all("script") if "alert(1)" in script.get_text()]
    assert not soup.find_all(attrs={"onerror": True})
    assert not soup.find_all("img", src="x")
    if "<" in payload or '"' in payload:
        assert payload not in html


@pytest.mark.parametrize("payload", HOSTILE.values(), ids=HOSTILE.keys())
def test_every_parameter_answers_a_page_with_the_payload_as_text(client, register, payload):  # noqa: F811
    for name in PARAMETERS:
        response = client.get(URL, {name: payload})
        assert response.status_code == HTTPStatus.OK, name
        assert_no_markup_from(payload, response.content.decode())


@pytest.mark.parametrize("payload", HOSTILE.values(), ids=HOSTILE.keys())
def test_every_parameter_at_once(client, register, payload):  # noqa: F811
    response = client.get(URL, dict.fromkeys(PARAMETERS, payload))
    assert response.status_code == HTTPStatus.OK
    assert_no_markup_from(payload, response.content.decode())


@pytest.mark.parametrize("payload", [SCRIPT, BREAKOUT, SQL], ids=["script", "breakout", "sql"])
def test_the_search_box_shows_what_was_typed_escaped_and_finds_nothing(client, register, payload):  # noqa: F811
    response = client.get(URL, {"q": payload})
    html = response.content.decode()
    assert f'value="{escape(payload)}"' in html
    assert BeautifulSoup(html, "html.parser").select_one("#legal-q")["value"] == payload
    assert response.context["result_count"] == 0
    assert "Không tìm thấy văn bản nào" in html


@pytest.mark.parametrize("name", [name for name in PARAMETERS if name not in ("q", "trang", "khong_co")])
def test_sql_in_a_filter_is_ignored_with_a_message(client, register, name):  # noqa: F811
    response = client.get(URL, {name: SQL})
    assert response.context["result_count"] == EVERY_DOCUMENT
    assert response.context["form"].errors[name]
    assert "đã được bỏ qua" in response.content.decode()


def test_a_search_of_3000_characters_is_ignored_with_a_message(client, register):  # noqa: F811
    response = client.get(URL, {"q": LONG})
    assert response.context["result_count"] == EVERY_DOCUMENT
    assert "Từ khóa quá dài (tối đa 200 ký tự)." in response.content.decode()


def test_a_nul_byte_in_the_search_is_ignored_with_a_vietnamese_message(client, register):  # noqa: F811
    response = client.get(URL + "?q=25%00QD")
    assert response.status_code == HTTPStatus.OK
    assert response.context["result_count"] == EVERY_DOCUMENT
    assert "Số ký hiệu, trích yếu: Không được phép có ký tự null." in response.content.decode()


def test_decomposed_vietnamese_is_searched_like_composed(client, register):  # noqa: F811
    assert [document.number for document, _ in client.get(URL, {"q": NFD}).context["documents"]] == ["25/2024/QĐ-UBND"]


def test_the_page_links_carry_the_parameters_url_encoded(client, make_document):
    for number in range(11):
        make_document(f"{number + 1}/QĐ-UBND", f"Quyết định số {number + 1}", issued=dt.date(2026, 1, number + 1))
    html = client.get(URL, {"khong_co": BREAKOUT, "q": "quyet dinh"}).content.decode()
    link = BeautifulSoup(html, "html.parser").select_one("a[rel=next]")["href"]
    assert "khong_co=%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E" in link
