"""The public list: search without diacritics, filters by field and level, pages, links to the national portal."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError

from loa.procedures.listing import PER_PAGE
from loa.procedures.models import Procedure

from .conftest import make_procedure

pytestmark = pytest.mark.django_db

URL = "/thu-tuc-hanh-chinh/"


def listed(client, **params) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == HTTPStatus.OK
    return [procedure.name for procedure in response.context["page_obj"]]


def test_the_list_shows_every_procedure_grouped_by_field(client, procedure_page, procedures):
    names = listed(client)
    assert sorted(names) == sorted(procedure.name for procedure in procedures.values())
    fields = [Procedure.objects.get(name=name).field for name in names]
    assert fields == sorted(fields, key=fields.index)  # procedures of one field stay together


@pytest.mark.parametrize("query", ["khai sinh", "KHAI SINH", "đăng ký khai sinh", "dang ky khai sinh", "1.001193"])
def test_search_ignores_case_and_diacritics(client, procedure_page, procedures, query):
    assert listed(client, q=query) == ["Thủ tục đăng ký khai sinh"]


def test_search_in_decomposed_unicode_finds_the_same(client, procedure_page, procedures):
    import unicodedata

    assert listed(client, q=unicodedata.normalize("NFD", "chứng thực")) == [
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản"
    ]


def test_every_word_must_match(client, procedure_page, procedures):
    assert listed(client, q="khai tu") == ["Thủ tục đăng ký khai tử"]
    assert listed(client, q="khai nha") == []
    assert listed(client, q="khai si") == []  # syllables are whole words
    assert "Không tìm thấy thủ tục nào phù hợp" in client.get(URL, {"q": "khai nha"}).content.decode()


def test_filters_by_field_and_level(client, procedure_page, procedures):
    assert listed(client, linh_vuc="Hộ tịch") == ["Thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai tử"]
    assert listed(client, cap="district") == ["Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"]
    assert listed(client, linh_vuc="Hộ tịch", cap="district") == []
    assert len(listed(client, cap="nonsense")) == 4


def test_the_filters_offer_the_fields_and_levels_in_use(client, procedure_page, procedures):
    html = client.get(URL).content.decode()
    assert '<option value="Hoạt động xây dựng">Hoạt động xây dựng</option>' in html
    assert '<option value="district">Cấp huyện</option>' in html
    assert "Cấp tỉnh" not in html


def test_the_list_is_paginated_and_pages_keep_the_filters(client, procedure_page):
    for number in range(PER_PAGE + 5):
        make_procedure(f"1.{number:06d}.000.00.00.H31", f"Thủ tục hộ tịch số {number:02d}")
    first = client.get(URL, {"q": "ho tich"})
    assert len(first.context["page_obj"]) == PER_PAGE
    assert 'href="?q=ho+tich&amp;trang=2"' in first.content.decode()
    assert len(listed(client, q="ho tich", trang=2)) == 5
    assert len(listed(client, q="ho tich", trang=99)) == 5  # past the end: the last page


def test_each_row_opens_the_national_portal_in_a_new_tab(client, procedure_page, procedures):
    html = client.get(URL, {"q": "khai sinh"}).content.decode()
    link = (
        'href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html'
        '?ma_thu_tuc=1.001193.000.00.00.H31" target="_blank" rel="noopener"'
    )
    assert link in html
    assert "Xem trên Cổng Dịch vụ công quốc gia" in html
    assert "(mở trong thẻ mới)" in html
    assert "Một phần" in html and "Cấp xã" in html


def test_a_provincial_portal_link_is_named_as_such(client, procedure_page):
    make_procedure("1.000001", "Thủ tục riêng của tỉnh", url="https://dichvucong.hungyen.gov.vn/thu-tuc/1")
    html = client.get(URL).content.decode()
    assert 'href="https://dichvucong.hungyen.gov.vn/thu-tuc/1"' in html
    assert "Xem trên cổng dịch vụ công" in html


@pytest.mark.parametrize(
    "url",
    [
        "http://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html",
        "https://dichvucong.gov.vn.example.com/thu-tuc",
        "https://dichvucong-gov.vn/thu-tuc",
        "javascript:alert(1)",
        "dichvucong.gov.vn/thu-tuc",
    ],
)
def test_only_https_links_to_gov_vn_are_accepted(url):
    with pytest.raises(ValidationError) as error:
        Procedure(
            code="1.000001", name="Thủ tục", field="Hộ tịch", level="commune", service_level="none", url=url
        ).full_clean()
    assert "url" in error.value.message_dict


def test_a_code_must_look_like_a_code():
    with pytest.raises(ValidationError) as error:
        Procedure(code="mã sai", name="Thủ tục", field="Hộ tịch", level="commune", service_level="none").full_clean()
    assert "code" in error.value.message_dict


def test_the_query_is_escaped(client, procedure_page, procedures):
    html = client.get(URL, {"q": '<script>alert("x")</script>'}).content.decode()
    assert "<script>alert" not in html
