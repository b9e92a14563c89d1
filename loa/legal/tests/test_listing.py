"""The public list: every filter, the search without diacritics, sorting, pages and the count."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup

from loa.legal.listing import DocumentFilterForm, documents_under, filter_documents

from .conftest import CITY, PROVINCE

pytestmark = pytest.mark.django_db

D = dt.date
URL = "/van-ban/"


@pytest.fixture
def register(make_document) -> dict:
    """Five documents of two bodies, 2024–2026; today is 29/11/2026."""
    return {
        "land": make_document(
            "25/2024/QĐ-UBND",
            "Ban hành Quy định hạn mức giao đất ở trên địa bàn tỉnh Hưng Yên",
            issued=D(2024, 7, 26),
            effective=D(2024, 8, 1),
            body=PROVINCE,
            level="Tỉnh",
            signer=None,
        ),
        "plan": make_document(
            "86/KH-UBND",
            "Kế hoạch chuyển đổi số năm 2025",
            issued=D(2025, 2, 20),
            until=D(2026, 1, 1),
            type="Kế hoạch",
            sector="Y tế",
            signer="Lê Thị Thu Hà",
        ),
        "directive": make_document(
            "02/CT-UBND",
            "Về tăng cường quản lý rác thải nhựa",
            issued=D(2026, 1, 5),
            type="Chỉ thị",
            sector="Giáo dục và Đào tạo",
        ),
        "notice": make_document(
            "125/TB-UBND",
            "Lịch tiếp công dân định kỳ của Chủ tịch",
            issued=D(2026, 11, 20),
            effective=D(2026, 12, 1),
            type="Thông báo",
            sector=None,
        ),
        "decision": make_document(
            "1254/QĐ-UBND",
            "Về việc ban hành Quy chế tiếp công dân",
            issued=D(2024, 3, 12),
        ),
    }


def numbers(client, query: str = "") -> list[str]:
    response = client.get(URL + query)
    assert response.status_code == HTTPStatus.OK
    return [document.number for document, _status in response.context["documents"]]


class TestFilters:
    def test_without_filters_every_published_document_newest_first(self, client, register, make_document):
        make_document("9/QĐ-UBND", "Bản nháp", issued=D(2026, 11, 28), live=False)
        assert numbers(client) == ["125/TB-UBND", "02/CT-UBND", "86/KH-UBND", "25/2024/QĐ-UBND", "1254/QĐ-UBND"]

    def test_by_type(self, client, register, lists):
        assert numbers(client, f"?loai={lists['type']['Kế hoạch'].pk}") == ["86/KH-UBND"]

    def test_by_issuing_body(self, client, register, lists):
        assert numbers(client, f"?co_quan={lists['body'][PROVINCE].pk}") == ["25/2024/QĐ-UBND"]

    def test_by_level(self, client, register, lists):
        assert numbers(client, f"?cap={lists['level']['Tỉnh'].pk}") == ["25/2024/QĐ-UBND"]

    def test_by_field(self, client, register, lists):
        assert numbers(client, f"?linh_vuc={lists['sector']['Giáo dục và Đào tạo'].pk}") == ["02/CT-UBND"]

    def test_by_signer(self, client, register, lists):
        assert numbers(client, f"?nguoi_ky={lists['signer']['Lê Thị Thu Hà'].pk}") == ["86/KH-UBND"]

    def test_by_year_of_issue(self, client, register):
        assert numbers(client, "?nam=2024") == ["25/2024/QĐ-UBND", "1254/QĐ-UBND"]

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            ("con-hieu-luc", ["02/CT-UBND", "25/2024/QĐ-UBND", "1254/QĐ-UBND"]),
            ("het-hieu-luc", ["86/KH-UBND"]),
            ("chua-co-hieu-luc", ["125/TB-UBND"]),
        ],
    )
    def test_by_status(self, client, register, status, expected):
        assert numbers(client, f"?tinh_trang={status}") == expected

    def test_the_status_filter_is_a_database_condition(self, register, index, django_assert_num_queries):
        form = DocumentFilterForm({"tinh_trang": "het-hieu-luc"}, years=[])
        documents = filter_documents(documents_under(index), form.valid_data())
        assert "effective_until" in str(documents.query)
        with django_assert_num_queries(1):
            assert documents.count() == 1

    def test_filters_combine(self, client, register, lists):
        query = f"?loai={lists['type']['Quyết định'].pk}&nam=2024&co_quan={lists['body'][CITY].pk}"
        assert numbers(client, query) == ["1254/QĐ-UBND"]

    def test_the_year_choices_are_the_years_with_documents(self, client, register):
        form = client.get(URL).context["form"]
        assert [value for value, _label in form.fields["nam"].choices] == ["", 2026, 2025, 2024]

    def test_an_unknown_value_is_ignored_with_a_message(self, client, register):
        response = client.get(URL + "?loai=99999&nam=2024")
        assert [document.number for document, _ in response.context["documents"]] == [
            "25/2024/QĐ-UBND",
            "1254/QĐ-UBND",
        ]
        assert "Lựa chọn không hợp lệ" in response.content.decode()


class TestIssueDateRange:
    def test_both_ends_are_included(self, client, register):
        assert numbers(client, "?tu_ngay=20/02/2025&den_ngay=05/01/2026") == ["02/CT-UBND", "86/KH-UBND"]

    def test_the_date_input_format_is_accepted_too(self, client, register):
        assert numbers(client, "?tu_ngay=2025-02-20&den_ngay=2026-01-05") == ["02/CT-UBND", "86/KH-UBND"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("?tu_ngay=20/11/2026", ["125/TB-UBND"]),
            ("?den_ngay=12/03/2024", ["1254/QĐ-UBND"]),
        ],
    )
    def test_one_end_alone_is_enough(self, client, register, query, expected):
        assert numbers(client, query) == expected

    def test_the_range_combines_with_other_filters(self, client, register, lists):
        query = f"?tu_ngay=01/01/2024&den_ngay=31/12/2025&co_quan={lists['body'][CITY].pk}"
        assert numbers(client, query) == ["86/KH-UBND", "1254/QĐ-UBND"]

    @pytest.mark.parametrize("bad", ["31/02/2025", "hôm qua", "2025-13-01"])
    def test_a_bad_date_is_ignored_with_a_message(self, client, register, bad):
        response = client.get(URL, {"tu_ngay": bad, "nam": "2024"})
        assert [document.number for document, _ in response.context["documents"]] == [
            "25/2024/QĐ-UBND",
            "1254/QĐ-UBND",
        ]
        errors = " ".join(BeautifulSoup(response.content, "html.parser").select_one(".form-errors").get_text().split())
        assert "Ban hành từ ngày: Ngày không hợp lệ, bộ lọc này đã được bỏ qua." in errors
        assert "26/07/2024" in errors  # an example of the expected form

    def test_a_range_ending_before_it_starts_is_ignored_with_a_message(self, client, register):
        response = client.get(URL + "?tu_ngay=01/01/2026&den_ngay=01/01/2025")
        assert len(response.context["documents"]) == 5
        errors = " ".join(BeautifulSoup(response.content, "html.parser").select_one(".form-errors").get_text().split())
        assert "Đến ngày: Ngày kết thúc (01/01/2025) trước ngày bắt đầu (01/01/2026)" in errors
        assert "đã được bỏ qua" in errors

    def test_the_date_inputs_keep_what_was_typed_in_the_form_they_read(self, client, register):
        html = BeautifulSoup(client.get(URL + "?tu_ngay=26/07/2024&den_ngay=2025-02-20").content, "html.parser")
        start, end = html.select_one("input[name=tu_ngay]"), html.select_one("input[name=den_ngay]")
        assert (start["type"], start["value"]) == ("date", "2024-07-26")
        assert (end["type"], end["value"]) == ("date", "2025-02-20")
        assert "Ban hành từ ngày" in html.select_one("label[for=id_tu_ngay]").get_text()
        assert "Đến ngày" in html.select_one("label[for=id_den_ngay]").get_text()

    def test_the_page_links_keep_the_range(self, client, make_document):
        for number in range(1, 13):
            make_document(f"{number}/QĐ-UBND", f"Văn bản thứ {number}", issued=D(2025, 3, number))
        make_document("99/QĐ-UBND", "Ngoài khoảng", issued=D(2025, 4, 1))
        response = client.get(URL + "?tu_ngay=01/03/2025&den_ngay=31/03/2025")
        assert response.context["result_count"] == 12
        links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select(".pagination a")]
        assert "?tu_ngay=01%2F03%2F2025&den_ngay=31%2F03%2F2025&trang=2" in links
        second = client.get(URL + "?tu_ngay=01%2F03%2F2025&den_ngay=31%2F03%2F2025&trang=2")
        assert [document.number for document, _ in second.context["documents"]] == ["2/QĐ-UBND", "1/QĐ-UBND"]


class TestSearch:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("quy che tiep cong dan", ["1254/QĐ-UBND"]),
            ("qd-ubnd", ["25/2024/QĐ-UBND", "1254/QĐ-UBND"]),
            ("QĐ-UBND 1254", ["1254/QĐ-UBND"]),
            ("rác thải", ["02/CT-UBND"]),
            ("dat o", ["25/2024/QĐ-UBND"]),
        ],
    )
    def test_number_and_summary_with_or_without_diacritics(self, client, register, query, expected):
        assert numbers(client, f"?q={query}") == expected

    def test_decomposed_input_finds_composed_text(self, client, register):
        assert numbers(client, "?q=Ke\u0302\u0301 hoa\u0323ch") == ["86/KH-UBND"]

    def test_the_search_combines_with_filters(self, client, register):
        assert numbers(client, "?q=tiep+cong+dan&nam=2026") == ["125/TB-UBND"]

    def test_nothing_found_says_so(self, client, register):
        response = client.get(URL + "?q=khong+co+van+ban+nay")
        assert "Không tìm thấy văn bản nào" in response.content.decode()


class TestSortingAndPages:
    def test_oldest_first(self, client, register):
        assert numbers(client, "?sap_xep=cu-nhat")[0] == "1254/QĐ-UBND"

    def test_by_number_as_numbers(self, client, register):
        assert numbers(client, "?sap_xep=so-ky-hieu") == [
            "02/CT-UBND",
            "25/2024/QĐ-UBND",
            "86/KH-UBND",
            "125/TB-UBND",
            "1254/QĐ-UBND",
        ]

    def test_ten_per_page_with_the_filters_kept_in_the_page_links(self, client, make_document, lists):
        for number in range(1, 24):
            make_document(f"{number}/QĐ-UBND", f"Văn bản thứ {number}", issued=D(2025, 1, number))
        response = client.get(URL + "?nam=2025&q=van+ban")
        assert response.context["result_count"] == 23
        assert len(response.context["documents"]) == 10
        html = BeautifulSoup(response.content, "html.parser")
        links = [a["href"] for a in html.select(".pagination a")]
        assert "?nam=2025&q=van+ban&trang=2" in links
        assert "Tìm thấy 23 văn bản — trang 1/3" in html.select_one(".search-count").get_text()

        third = client.get(URL + "?nam=2025&q=van+ban&trang=3")
        assert len(third.context["documents"]) == 3
        assert third.context["page_obj"].number == 3

    def test_a_page_number_too_large_shows_the_last_page(self, client, register):
        assert client.get(URL + "?trang=99").context["page_obj"].number == 1


class TestPage:
    def test_the_form_is_a_get_form_keeping_the_filters(self, client, register, lists):
        pk = lists["type"]["Kế hoạch"].pk
        html = BeautifulSoup(client.get(URL + f"?loai={pk}&q=chuyen+doi").content, "html.parser")
        form = html.select_one("form.legal-filter")
        assert form["method"] == "get"
        assert html.select_one("#legal-q")["value"] == "chuyen doi"
        assert html.select_one(f"select[name=loai] option[value='{pk}']").has_attr("selected")
        assert html.select_one("label[for=id_nam]") is not None

    def test_each_document_shows_number_date_body_and_status_in_words(self, client, register):
        html = BeautifulSoup(client.get(URL + "?q=125/TB").content, "html.parser")
        item = html.select_one(".legal-item")
        text = " ".join(item.get_text().split())
        assert "Số ký hiệu: 125/TB-UBND" in text
        assert "Ngày ban hành: 20/11/2026" in text
        assert CITY in text
        assert item.select_one(".legal-status").get_text() == "Chưa có hiệu lực"
        assert item.select_one("a")["href"] == register["notice"].url

    def test_a_filtered_list_is_not_indexed_by_robots(self, client, register):
        assert b'name="robots"' in client.get(URL + "?nam=2024").content
        assert b'name="robots"' not in client.get(URL).content
