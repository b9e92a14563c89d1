"""Search as a Vietnamese reader uses it: with or without diacritics, phrases first, never an error."""

from __future__ import annotations

import datetime as dt
import unicodedata
from http import HTTPStatus

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from loa.core.testing import make_article, make_section
from loa.search import query
from loa.search.models import SearchDocument
from loa.search.text import fold, words

from .relevance_set import EDGE_QUERIES

pytestmark = pytest.mark.django_db


def titles(raw: str, **options) -> list[str]:
    return [hit.title for hit in query.search(raw, query.Options(**options)).hits]


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


# --- text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đồng bằng sông Hồng", "dong bang song hong"),
        ("ĐẮK LẮK", "dak lak"),
        ("Phụ nữ", "phu nu"),
        (unicodedata.normalize("NFD", "Phụ nữ Hưng Yên"), "phu nu hung yen"),
        ("ờ ở ỡ ớ ợ ư ứ ừ ử ữ ự", "o o o o o u u u u u u"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(unicodedata.normalize("NFC", text))


def test_words_drop_punctuation_and_fts_syntax():
    assert words('"Phụ nữ" OR NEAR(hồ, *) -tin') == ["phụ", "nữ", "or", "near", "hồ", "tin"]


# --- behaviour -------------------------------------------------------------------------------------


@pytest.fixture
def articles(db):
    society = make_section("Văn hóa – Xã hội")
    economy = make_section("Kinh tế")
    return {
        "women": make_article(
            society,
            "Hội Liên hiệp Phụ nữ tổng kết năm",
            sapo="Phụ nữ Hưng Yên góp sức xây dựng nông thôn mới ở đồng bằng sông Hồng.",
            published=days_ago(30),
        ),
        "scattered": make_article(
            economy,
            "Giá phụ phí vận tải tăng",
            sapo="Doanh nghiệp phải trả thêm phụ phí; nữ trang và vàng miếng giữ giá.",
            published=days_ago(2),
        ),
        "lake": make_article(
            society, "Nạo vét hồ điều hòa", sapo="Hồ điều hòa phường Hiến Nam.", published=days_ago(90)
        ),
        "tiger": make_article(
            society, "Hổ con chào đời ở vườn thú", sapo="Ba con hổ con khỏe mạnh.", published=days_ago(1)
        ),
        "economy": make_article(
            economy, "Đồng bằng chuẩn bị vụ đông", sapo="Nông dân xuống giống vụ đông.", published=days_ago(10)
        ),
    }


def test_without_diacritics_matches_with_them_and_folds_d(articles):
    assert titles("dong bang song hong")[0] == "Hội Liên hiệp Phụ nữ tổng kết năm"
    assert "Đồng bằng chuẩn bị vụ đông" in titles("dong bang")


def test_nfc_nfd_and_case_give_the_same_results(articles):
    expected = titles("phụ nữ hưng yên")
    assert expected
    assert titles(unicodedata.normalize("NFD", "phụ nữ hưng yên")) == expected
    assert titles("PHỤ NỮ Hưng Yên") == expected
    assert titles("phu nu hung yen") == expected


def test_a_phrase_ranks_above_scattered_syllables(articles):
    result = titles("phụ nữ")
    assert result.index("Hội Liên hiệp Phụ nữ tổng kết năm") < result.index("Giá phụ phí vận tải tăng")
    result = titles("phu nu")
    assert result[0] == "Hội Liên hiệp Phụ nữ tổng kết năm"


def test_exact_diacritics_rank_above_folded_ones(articles):
    assert titles("hồ")[0] == "Nạo vét hồ điều hòa"
    assert titles("hổ")[0] == "Hổ con chào đời ở vườn thú"
    # Without diacritics both match; the newer wins the tie.
    assert set(titles("ho")[:2]) == {"Nạo vét hồ điều hòa", "Hổ con chào đời ở vườn thú"}


def test_title_matches_weigh_more_than_body_matches(db):
    section = make_section("Thời sự")
    make_article(section, "Tin tức trong ngày", sapo="Kỳ họp thứ mười bàn về ngân sách.", published=days_ago(1))
    make_article(section, "Ngân sách năm 2027 được thông qua", sapo="Kỳ họp đã kết thúc.", published=days_ago(20))
    assert titles("ngan sach")[0] == "Ngân sách năm 2027 được thông qua"


def test_recent_articles_win_ties(db):
    section = make_section("Thời sự")
    make_article(section, "Thông báo lịch tiếp công dân", published=days_ago(40))
    make_article(section, "Thông báo lịch tiếp công dân", published=days_ago(3))
    results = query.search("lich tiep cong dan").hits
    assert results[0].published_at > results[1].published_at


def test_odd_queries_never_error(articles, client):
    failures = []
    for raw in EDGE_QUERIES:
        try:
            result = query.search(raw)
            assert result.hits == [] or result.total >= len(result.hits)
            assert client.get("/tim-kiem/", {"q": raw}).status_code == HTTPStatus.OK
            assert client.get("/tim-kiem/goi-y/", {"q": raw}).status_code == HTTPStatus.OK
            assert query.search(raw, query.Options(newest=True)) is not None
        except Exception as error:  # collect them all: one report for the whole list
            failures.append(f"{raw[:40]!r}: {error!r}")
    assert not failures, failures


def test_messages_for_empty_short_and_long_queries(db, client):
    assert query.search("").message and query.search("   ").message
    assert query.search("a").message
    assert query.search("?!").message
    long = query.search("phụ nữ " * 100)
    assert "500" in long.message
    html = client.get("/tim-kiem/", {"q": "x"}).content.decode()
    assert "ít nhất hai chữ" in html


def test_highlight_keeps_original_diacritics(articles):
    hit = query.search("phu nu hung yen").hits[0]
    assert "<mark>Phụ nữ Hưng Yên</mark>" in hit.snippet
    assert "<mark>Phụ nữ</mark>" in hit.title_html


def test_highlight_escapes_html(db):
    section = make_section("Thời sự")
    make_article(section, "Cảnh báo <script>alert(1)</script> lừa đảo", sapo="Lừa đảo qua mạng <b>tăng</b>.")
    hit = query.search("lua dao").hits[0]
    assert "<script>" not in hit.title_html and "&lt;script&gt;" in hit.title_html
    assert "<b>" not in hit.snippet


# --- filters, order, pages ---------------------------------------------------------------------------


def test_filters_by_section_kind_and_dates(articles):
    economy = articles["economy"].get_parent()
    assert set(titles("dong", section=economy)) == {"Đồng bằng chuẩn bị vụ đông"}
    assert titles("dong", kinds=("video",)) == []
    recent = titles("dong bang", date_from=(timezone.localdate() - dt.timedelta(days=15)))
    assert recent == ["Đồng bằng chuẩn bị vụ đông"]
    old = titles("dong bang", date_to=(timezone.localdate() - dt.timedelta(days=15)))
    assert old == ["Hội Liên hiệp Phụ nữ tổng kết năm"]


def test_newest_first_and_pages(db):
    section = make_section("Thời sự")
    for day in range(25):
        make_article(section, f"Bản tin giao thông số {day}", published=days_ago(day))
    newest = query.search("ban tin giao thong", query.Options(newest=True, limit=10))
    assert newest.total == 25
    assert [hit.title for hit in newest.hits[:3]] == [f"Bản tin giao thông số {d}" for d in range(3)]
    page3 = query.search("ban tin giao thong", query.Options(newest=True, offset=20, limit=10))
    assert len(page3.hits) == 5
    other = make_section("Kinh tế")
    make_article(other, "Bản tin giao thông kinh tế", published=days_ago(30))
    in_section = query.search("ban tin giao thong", query.Options(newest=True, section=other, limit=10))
    assert [hit.title for hit in in_section.hits] == ["Bản tin giao thông kinh tế"]


def test_results_page(articles, client):
    html = client.get("/tim-kiem/", {"q": "phu nu", "order": "newest"}).content.decode()
    assert "Tìm thấy" in html and "Hội Liên hiệp" in html and 'href="/van-hoa-xa-hoi/' in html
    bad = client.get("/tim-kiem/", {"q": "phu nu", "date_from": "31/12/2026", "date_to": "01/01/2026"})
    assert bad.status_code == HTTPStatus.OK and "trước ngày bắt đầu" in bad.content.decode()
    for params in ({"section": "abc"}, {"page": "-3"}, {"date_from": "hôm qua"}, {"kind": "<script>"}):
        assert client.get("/tim-kiem/", {"q": "phu nu", **params}).status_code == HTTPStatus.OK


def test_suggestions(articles, client):
    data = client.get("/tim-kiem/goi-y/", {"q": "hoi lien h"}).json()
    assert data["suggestions"][0]["title"] == "Hội Liên hiệp Phụ nữ tổng kết năm"
    assert data["suggestions"][0]["url"].startswith("/van-hoa-xa-hoi/")
    assert client.get("/tim-kiem/goi-y/", {"q": "h"}).json() == {"suggestions": []}


def test_suggestions_follow_a_renamed_title(articles, client):
    lake = articles["lake"]
    lake.title = "Khơi thông hồ điều hòa"
    lake.save_revision().publish()
    assert [item["title"] for item in client.get("/tim-kiem/goi-y/", {"q": "khoi thong h"}).json()["suggestions"]] == [
        "Khơi thông hồ điều hòa"
    ]
    assert client.get("/tim-kiem/goi-y/", {"q": "nao vet h"}).json() == {"suggestions": []}


# --- the index follows publishing --------------------------------------------------------------------


def test_index_follows_publish_unpublish_move_privacy_and_delete(articles):
    lake = articles["lake"]
    assert SearchDocument.objects.filter(page=lake).exists()
    lake.unpublish()
    assert "Nạo vét hồ điều hòa" not in titles("nao vet")
    lake.save_revision().publish()
    assert titles("nao vet") == ["Nạo vét hồ điều hòa"]

    economy = articles["economy"].get_parent()
    lake.move(economy, pos="last-child")
    assert titles("nao vet", section=economy) == ["Nạo vét hồ điều hòa"]

    restriction = PageViewRestriction.objects.create(page=economy, restriction_type="login")
    assert titles("nao vet") == []
    restriction.delete()
    assert titles("nao vet") == ["Nạo vét hồ điều hòa"]

    lake.delete()
    assert titles("nao vet") == []


def test_setup_builds_a_missing_index(articles, settings, tmp_path):
    from django.core.management import call_command

    settings.VAR_DIR = tmp_path
    SearchDocument.objects.all().delete()
    call_command("loa_setup", "--no-demo")
    assert titles("nao vet") == ["Nạo vét hồ điều hòa"]


def test_phrase_candidates_hold_the_words_side_by_side(articles):
    from loa.search import backends

    found = backends.backend().candidates(["phu", "nu"], backends.Filters(), limit=10, phrase=True, count=False)
    assert set(found.ids) == {articles["women"].pk}
    scattered = backends.backend().candidates(["phu", "nu"], backends.Filters(), limit=10)
    assert {articles["women"].pk, articles["scattered"].pk} <= set(scattered.ids)
