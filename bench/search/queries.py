"""The fixed query mix: what readers of a local portal type, with and without diacritics.

Each query carries bracketed kinds, as loa/search/tests/relevance_set.py does:
[diac] typed with diacritics (NFC), [plain] without them (đ typed as d), [nfd] decomposed
Unicode as some keyboards send it, [common]/[rare] how many articles hold the words
(see corpus.py), [name] a person, [place] a ward or commune, [phrase] a compound of
several syllables, [none] nothing in the corpus holds it, [format] case and punctuation.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    text: str
    kinds: str

    @property
    def label(self) -> str:
        """Printable: NFD input shown as NFC with a marker, so the table stays aligned."""
        if unicodedata.is_normalized("NFC", self.text):
            return self.text
        return unicodedata.normalize("NFC", self.text) + " (NFD)"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


SEARCHES: tuple[Query, ...] = (
    # common words and compounds
    Query("hội nghị", "[diac][common][phrase]"),
    Query("hoi nghi", "[plain][common][phrase]"),
    Query("phường", "[diac][common]"),
    Query("xã", "[diac][common]"),
    Query("nông dân", "[diac][common][phrase]"),
    Query("phụ nữ", "[diac][common][phrase]"),
    Query("phu nu", "[plain][common][phrase]"),
    Query("Ủy ban nhân dân", "[diac][common][phrase] 4 words"),
    Query("uy ban nhan dan", "[plain][common][phrase] 4 words"),
    Query("chuyển đổi số", "[diac][phrase]"),
    Query("chuyen doi so", "[plain][phrase] đ as d"),
    Query(_nfd("chuyển đổi số"), "[nfd][phrase]"),
    Query("CHUYỂN ĐỔI SỐ", "[diac][format] capitals"),
    Query("đồng bằng sông Hồng", "[diac][phrase] 4 words"),
    Query("dong bang song hong", "[plain][phrase] 4 words"),
    Query(_nfd("đồng bằng sông Hồng"), "[nfd][phrase] 4 words"),
    Query("đảng viên", "[diac][phrase]"),
    Query("dang vien", "[plain][phrase] đ as d"),
    Query("ho", "[plain] folds hộ, hồ, họ, Hồ: very common"),
    Query("hồ", "[diac] one tone among many"),
    # topics
    Query("giải phóng mặt bằng", "[diac][phrase] 4 words"),
    Query("giai phong mat bang", "[plain][phrase] 4 words"),
    Query("an toàn giao thông", "[diac][phrase] 4 words"),
    Query("sốt xuất huyết", "[diac][phrase]"),
    Query("sot xuat huyet", "[plain][phrase]"),
    Query("thương mại điện tử", "[diac][phrase] 4 words"),
    Query("bảo hiểm y tế", "[diac][phrase]"),
    Query("cải cách hành chính", "[diac][phrase]"),
    Query("nhãn lồng", "[diac][phrase]"),
    Query("OCOP", "[plain] acronym"),
    Query("khởi nghiệp", "[diac]"),
    # names and places
    Query("Nguyễn Văn Hùng", "[diac][name] the most common name"),
    Query("nguyen van hung", "[plain][name]"),
    Query("Đinh Thị Xuyến", "[diac][name][rare]"),
    Query("Quảng Châu", "[diac][place]"),
    Query("quang chau", "[plain][place]"),
    Query("Dạ Trạch", "[diac][place][rare-ish]"),
    Query("Xích Đằng", "[diac][place][rare]"),
    Query("xich dang", "[plain][place][rare] đ as d"),
    Query("trống quân", "[diac][rare][phrase]"),
    Query("Lộng Thượng", "[diac][place][rare]"),
    # nothing to find
    Query("blockchain", "[none]"),
    Query("vắc xin", "[none][diac]"),
)

# What the search box sends while the reader types: every word matched, the last one a prefix.
SUGGESTIONS: tuple[Query, ...] = (
    Query("chuyển đ", "[diac]"),
    Query("chuyen d", "[plain]"),
    Query("hội ng", "[diac]"),
    Query("hoi ng", "[plain]"),
    Query("phụ n", "[diac]"),
    Query("nông d", "[diac]"),
    Query("đồng bằng sông H", "[diac]"),
    Query("dong bang s", "[plain]"),
    Query("Nguyễn Văn H", "[name]"),
    Query("giải phóng m", "[diac]"),
    Query("an toàn gi", "[diac]"),
    Query("thương m", "[diac]"),
    Query("ph", "[plain] two letters"),
    Query("xich d", "[plain][rare]"),
    Query("Quảng Ch", "[place]"),
    Query("OC", "[plain] acronym"),
)
