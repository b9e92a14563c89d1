"""Relevance set for the Vietnamese site search, over the demo content of `loa/core/demo`.

Each `Case` is a query a reader might type and the demo article (or video clip)
title(s) that reader expects first. Titles are copied exactly from
`loa/core/demo/articles.py` and `loa/core/demo/site.py` (CLIPS). A case passes
when one of `expected` is ranked first and every one of them is in the top 5.

Every expected answer was checked against the full demo text (title, sapo,
paragraphs, captions, quote, table, tags) of all articles and clips: the
expected article holds the query as a phrase more prominently (title > tags >
sapo > body) than any other, or is the only one holding it at all. Where two
articles are equally right, both are listed.

`note` starts with bracketed kinds, so a test can report results by kind:

- [plain]   typed without diacritics (đ typed as d)
- [diac]    typed with diacritics, NFC
- [nfd]     typed with diacritics in decomposed Unicode (NFD)
- [name]    a person's (or an organisation's) name
- [place]   a place: commune, ward, street, lake, monument
- [phrase]  a multi-syllable compound: the phrase must beat the same syllables scattered elsewhere
- [title]   the query is (part of) the expected title
- [body]    the query is only in the sapo, body, captions or tags, not in the title
- [format]  mixed case, extra spaces or punctuation
- [tone]    the same letters with other tone marks mean something else elsewhere in the
            demo content: the diacritic query must pick the exact word
- [clip]    the answer is a video clip
- [two]     two equally right answers

A few answers compete with non-article pages (the "Giới thiệu" page, section
intros) that a search over every page type could also return; the note says so.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    query: str
    # titles, exactly as in loa/core/demo; any of them at rank 1 counts, and all must be in the top 5
    expected: tuple[str, ...]
    note: str = ""  # why this case matters


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- Titles, exactly as in loa/core/demo ------------------------------------------------------
GPMB = "Lãnh đạo thành phố đối thoại với người dân về giải phóng mặt bằng khu đô thị phía Nam"
HDND = "HĐND thành phố thông qua 6 nghị quyết tại kỳ họp chuyên đề"
CU_TRI = "Cử tri phường Hiến Nam, Lam Sơn kiến nghị nhiều vấn đề dân sinh"
GIAO_THONG = "Ra quân cao điểm bảo đảm trật tự an toàn giao thông"
CCHC = "Kiểm tra công tác cải cách hành chính tại các phường, xã"
HUY_HIEU = "Trao Huy hiệu Đảng cho 58 đảng viên lão thành"
PCCC = "Diễn tập phòng cháy, chữa cháy và cứu nạn tại khu dân cư"
NHAN_LONG = "Nhãn lồng Phố Hiến mở rộng thị trường qua sàn thương mại điện tử"
KHOI_CONG = "Khởi công tuyến đường nối khu đô thị phía Nam với đường vành đai"
NGAN_SACH = "Thu ngân sách trên địa bàn đạt hơn 90% dự toán"
DAM_SEN = "Đầm sen Liên Phương hút khách nhờ làm du lịch trải nghiệm"
VIEC_LAM = "Doanh nghiệp trong khu công nghiệp cần tuyển hơn 1.200 lao động"
QUANG_CHAU = "Nông dân Quảng Châu chuyển ruộng lúa kém hiệu quả sang trồng cây ăn quả"
OCOP = "Thành phố có thêm 5 sản phẩm đạt chuẩn OCOP 4 sao"
LE_HOI = "Khai mạc Lễ hội văn hóa dân gian Phố Hiến"
VAN_MIEU = "Tu bổ, tôn tạo di tích Văn Miếu Xích Đằng"
GIAI_CHAY = "Hơn 2.000 người tham gia giải chạy “Vì sức khỏe cộng đồng”"
DAI_DOAN_KET = "Trao 12 nhà Đại đoàn kết cho hộ nghèo, hộ có hoàn cảnh khó khăn"
TRUONG_CHUAN = "Thành phố có thêm 3 trường học đạt chuẩn quốc gia"
HSG = "Học sinh thành phố giành 46 giải học sinh giỏi cấp tỉnh"
DUOI_NUOC = "Dạy kỹ năng phòng tránh đuối nước cho học sinh"
SANG_LOC = "Khám sàng lọc miễn phí bệnh không lây nhiễm cho người cao tuổi"
SOT_XH = "Chủ động phòng, chống sốt xuất huyết tại khu dân cư"
BHYT = "Khám chữa bệnh bảo hiểm y tế bằng căn cước công dân gắn chip"
CUM_THI_DUA = "Hội nghị tổng kết Cụm thi đua Hội LHPN các tỉnh đồng bằng sông Hồng năm 2022"
RAU_SACH = "Nữ nông dân khởi nghiệp từ rau sạch trên đất bãi"
CLB_GIA_DINH = "Câu lạc bộ “Gia đình hạnh phúc” – nơi chia sẻ những chuyện trong nhà"
VON_VAY = "Hơn 3,2 tỷ đồng vốn vay giúp hội viên phụ nữ phát triển kinh tế"
ME_DO_DAU = "“Mẹ đỡ đầu” tiếp bước đến trường cho trẻ mồ côi"
HO_SO_TRUC_TUYEN = "Hơn 90% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến"
TO_CNS = "Tổ công nghệ số cộng đồng “đi từng ngõ, gõ từng nhà”"
DI_CHO = "Đi chợ không cần tiền mặt"
DO_THI_THONG_MINH = "Trung tâm giám sát, điều hành đô thị thông minh đi vào hoạt động"
HO_TICH = "Số hóa hơn 100 nghìn trang sổ hộ tịch"
# Video clips (site.CLIPS)
CLIP_BINH_MINH = "Bình minh trên sông Hồng"
CLIP_CANH_DONG = "Gió trên cánh đồng lúa ngoại thành"
CLIP_LEN_DEN = "Thành phố lên đèn"


CASES: tuple[Case, ...] = (
    # --- Without diacritics --------------------------------------------------------------------
    Case(
        "phu nu hung yen",
        (CUM_THI_DUA,),
        "[plain][place] the only article holding every word: “Hội Liên hiệp Phụ nữ” and “tỉnh Hưng Yên” "
        "(sapo, body); no phrase match anywhere, and the vốn vay article has “phụ nữ” in its title, "
        "so ranking must reward coverage",
    ),
    Case(
        "dong bang song hong",
        (CUM_THI_DUA,),
        "[plain][phrase][title] “sông Hồng” is in many articles and a clip title; "
        "only this one has “đồng bằng sông Hồng”",
    ),
    Case(
        "nhan long pho hien",
        (NHAN_LONG,),
        "[plain][title] start of the title; OCOP and the festival article mention nhãn lồng / Phố Hiến separately",
    ),
    Case(
        "van mieu xich dang",
        (VAN_MIEU,),
        "[plain][place][title] the festival article names the monument once in its body; the “Giới thiệu” page too",
    ),
    Case(
        "le hoi pho hien",
        (LE_HOI,),
        "[plain][title] words not adjacent in the title (“Lễ hội văn hóa dân gian Phố Hiến”); both are its tags",
    ),
    Case(
        "giai phong mat bang",
        (GPMB,),
        "[plain][phrase][title] 4-syllable compound; “mặt bằng” alone also in the road-works article",
    ),
    Case(
        "an toan giao thong",
        (GIAO_THONG,),
        "[plain][phrase][title] the road-works article has it once in its body only",
    ),
    Case(
        "nong do con",
        (GIAO_THONG,),
        "[plain][phrase][body] sapo, body and tag; “nồng độ” and “cồn” fold to common syllables (nong, do, con)",
    ),
    Case("cai cach hanh chinh", (CCHC,), "[plain][phrase][title] the online-filing article has it as a tag only"),
    Case("huy hieu dang", (HUY_HIEU,), "[plain][title]"),
    Case("phong chay chua chay", (PCCC,), "[plain][phrase][title] folded “chay” also matches “chạy” (running race)"),
    Case(
        "thuong mai dien tu",
        (NHAN_LONG,),
        "[plain][phrase][title] also once in the body of the budget and the OCOP articles",
    ),
    Case("ocop", (OCOP,), "[plain][title] the festival article mentions OCOP once in its body"),
    Case("thu ngan sach", (NGAN_SACH,), "[plain][phrase][title] “ngân sách” also once in the road-works body"),
    Case("dam sen lien phuong", (DAM_SEN,), "[plain][place][title] the OCOP table has “Tổ hợp tác sen Liên Phương”"),
    Case("tuyen dung", (VIEC_LAM,), "[plain][body] “tuyển dụng” only in the sapo and body; title has “tuyển” alone"),
    Case("quang chau", (QUANG_CHAU,), "[plain][place][title] commune; also listed once in the longan article's body"),
    Case(
        "truong chuan quoc gia",
        (TRUONG_CHUAN,),
        "[plain][phrase][body] a tag and a photo label; the title has “trường học đạt chuẩn quốc gia”",
    ),
    Case("hoc sinh gioi", (HSG,), "[plain][phrase][title] the orphan article says “học sinh giỏi” once in its body"),
    Case("duoi nuoc", (DUOI_NUOC,), "[plain][title]"),
    Case("sot xuat huyet", (SOT_XH,), "[plain][phrase][title]"),
    Case("benh khong lay nhiem", (SANG_LOC,), "[plain][phrase][title]"),
    Case(
        "can cuoc gan chip",
        (BHYT,),
        "[plain][phrase][body] sapo “thẻ căn cước gắn chip”; in the title the words are not adjacent",
    ),
    Case(
        "me do dau",
        (ME_DO_DAU, CUM_THI_DUA),
        "[plain][two] in the title of one and a tag and 3 body mentions of the other",
    ),
    Case(
        "gia dinh hanh phuc",
        (CLB_GIA_DINH,),
        "[plain][phrase][title] the women's cluster article has it once in its body, the section intro too",
    ),
    Case("bao luc gia dinh", (CLB_GIA_DINH,), "[plain][phrase][body] sapo, body and tag"),
    Case("von vay", (VON_VAY,), "[plain][phrase][title] the organic-vegetable article has the reverse order “vay vốn”"),
    Case("to cong nghe so cong dong", (TO_CNS,), "[plain][phrase][title]"),
    Case(
        "tien mat",
        (DI_CHO,),
        "[plain][phrase][title] the digital-team article has “không dùng tiền mặt” once in its sapo",
    ),
    Case(
        "do thi thong minh",
        (DO_THI_THONG_MINH,),
        "[plain][phrase][title] the clip “Thành phố lên đèn” says it once in its description",
    ),
    Case(
        "so ho tich",
        (HO_TICH,),
        "[plain][phrase][title] “hộ tịch” alone is also in the online-filing article; “sổ hộ tịch” only here",
    ),
    Case("nha dai doan ket", (DAI_DOAN_KET,), "[plain][phrase][title]"),
    Case("giai chay", (GIAI_CHAY,), "[plain][title] folded “chay” also matches “cháy” (fire drill)"),
    Case(
        "nguyen thi thao",
        (RAU_SACH,),
        "[plain][name][body] sapo; other “Nguyễn Thị …” women (Mai in OCOP, Lan in the family club) must not win",
    ),
    Case("pham van loc", (HUY_HIEU,), "[plain][name][body] body and quote; “Phạm Văn Dũng” is in the OCOP table"),
    Case(
        "do thi hien",
        (NHAN_LONG,),
        "[plain][name][body] Bà Đỗ Thị Hiền; folded “do thi” = “đô thị” in many articles and “hien” = Phố Hiến",
    ),
    Case("tran van kien", (QUANG_CHAU,), "[plain][name][body]"),
    Case("vu thi nhung", (DAI_DOAN_KET,), "[plain][name][body]"),
    Case(
        "nguyen minh anh",
        (ME_DO_DAU,),
        "[plain][name][body] the schoolgirl; authors “Hoàng Anh” and “Minh Thu” share syllables",
    ),
    Case("le quang huy", (DO_THI_THONG_MINH,), "[plain][name][body] quote attribution"),
    Case(
        "bac si tran thi hanh",
        (SANG_LOC,),
        "[plain][name][body] quote attribution; “Trần Thị Hoa” in the market article differs by one syllable",
    ),
    Case("nguyen duc hoa", (GPMB,), "[plain][name][body] the city chairman, quote attribution"),
    Case("le thi thu ha", (LE_HOI,), "[plain][name][body] quote attribution"),
    Case("binh minh tren song hong", (CLIP_BINH_MINH,), "[plain][clip][title]"),
    Case(
        "thanh pho len den",
        (CLIP_LEN_DEN,),
        "[plain][clip][title] “thành phố” is in almost every article: the whole title must win",
    ),
    Case(
        "canh dong lua",
        (CLIP_CANH_DONG,),
        "[plain][clip][phrase][title] the Quảng Châu article has “ruộng lúa” and “Cánh đồng chuyển đổi”",
    ),
    Case("thuyen danh ca", (CLIP_BINH_MINH,), "[plain][clip][body] only in the clip description"),
    Case(
        "hung cuong",
        (RAU_SACH,),
        "[plain][place][body] sapo and tag; once in the longan article's body (and twice on the “Giới thiệu” page)",
    ),
    Case("nguyen thien thuat", (CU_TRI,), "[plain][place][body] a street, twice in the body"),
    Case(
        "hien nam", (CU_TRI,), "[plain][place][title] the clearance-dialogue article names the ward twice in its body"
    ),
    Case("tiep xuc cu tri", (CU_TRI,), "[plain][phrase][body] sapo and tag"),
    Case("ky hop chuyen de", (HDND,), "[plain][phrase][title]"),
    Case("vietgap", (NHAN_LONG,), "[plain][body] a single body mention, nowhere else"),
    Case(
        "ma qr",
        (DI_CHO,),
        "[plain][body] sapo, body and caption; the longan article has it once (“mã QR truy xuất nguồn gốc”)",
    ),
    Case("lua dao qua mang", (TO_CNS,), "[plain][phrase][body] sapo"),
    Case(
        "long nhan",
        (OCOP,),
        "[plain][phrase][body] “long nhãn” (dried longan) in body and table; "
        "the longan article is full of the reverse order “nhãn lồng”, which must not win",
    ),
    Case(
        "mu bao hiem",
        (GIAO_THONG,),
        "[plain][phrase][body] “mũ bảo hiểm” (helmet); “bảo hiểm” is all over the health-insurance article",
    ),
    Case(
        "bao hiem that nghiep",
        (VIEC_LAM,),
        "[plain][phrase][body] unemployment insurance, vs. the many “bảo hiểm y tế” mentions elsewhere",
    ),
    Case(
        "nguoi cao tuoi",
        (SANG_LOC,),
        "[plain][phrase][title] also in the bodies of the digital-team, council and running-race articles",
    ),
    Case(
        "thu tuc hanh chinh",
        (HO_SO_TRUC_TUYEN, CCHC),
        "[plain][two][phrase] in one title; a tag, the sapo and the body of the other",
    ),
    Case(
        "mot cua",
        (CCHC,),
        "[plain][phrase][body] tag, sapo and body; "
        "the online-filing article mentions “bộ phận một cửa” twice in its body",
    ),
    Case(
        "khu do thi phia nam",
        (GPMB, KHOI_CONG),
        "[plain][two][phrase][title] in both titles; once more in the council article's table",
    ),
    Case("duong vanh dai", (KHOI_CONG,), "[plain][phrase][title]"),
    Case("hoi khuyen hoc", (HSG,), "[plain][phrase][body]"),
    Case("quy vi nguoi ngheo", (DAI_DOAN_KET,), "[plain][phrase][body]"),
    Case("tang huyet ap", (SANG_LOC,), "[plain][phrase][body] sapo and quote"),
    Case("diet bo gay", (SOT_XH,), "[plain][phrase][body] sapo and body"),
    Case("khu cong nghiep", (VIEC_LAM,), "[plain][phrase][title]"),
    Case(
        "tre em mo coi",
        (ME_DO_DAU, CUM_THI_DUA),
        "[plain][two][phrase] sapo and tag of one; tag and 3 body mentions of the other",
    ),
    Case(
        "chuyen doi cay trong",
        (QUANG_CHAU,),
        "[plain][phrase][body] a tag; “chuyển đổi” is also in the clearance article and in six “chuyển đổi số” tags",
    ),
    Case(
        "hop tac xa nhan long hong nam",
        (NHAN_LONG,),
        "[plain][name][body] a co-operative: body and quote attribution; once in the OCOP table",
    ),
    Case("truong mam non bao khe", (TRUONG_CHUAN,), "[plain][place][body] sapo; “Bảo Khê” alone is in three articles"),
    # --- With diacritics (NFC) -----------------------------------------------------------------
    Case(
        "Khổng Tử",
        (VAN_MIEU,),
        "[diac][tone][name][body] folded “khong tu” matches “không tự (ý)” in the drowning and dengue articles",
    ),
    Case("cháy", (PCCC,), "[diac][tone][title] “chạy” (the running race) folds the same"),
    Case("chạy", (GIAI_CHAY,), "[diac][tone][title] “cháy” (the fire drill) folds the same"),
    Case(
        "thuế",
        (NGAN_SACH,),
        "[diac][tone][body] tag and body; “thuê” (to rent) in the lotus-pond article folds the same",
    ),
    Case(
        "thuê",
        (DAM_SEN,),
        "[diac][tone][body] “cho thuê trang phục”, once; “thuế” (tax) folds the same and is more frequent",
    ),
    Case("lão thành", (HUY_HIEU,), "[diac][tone][title] “lao” (lao động) is in several articles"),
    Case(
        "bão",
        (DAI_DOAN_KET,),
        "[diac][tone][body] “mưa bão”, once; “bảo”, “báo”, “bao” fold the same and are everywhere",
    ),
    Case(
        "sàn",
        (NHAN_LONG,),
        "[diac][tone][title] “sản (phẩm)”, “sân” fold the same; OCOP has “các sàn” once in its body",
    ),
    Case("sân", (TRUONG_CHUAN,), "[diac][tone][body] “sân chơi”, “sân tập”; “sản”, “sàn” fold the same"),
    Case("nhãn", (NHAN_LONG,), "[diac][tone][title] “nhân”, “nhận” fold the same and are in almost every article"),
    Case(
        "Hồng Nam",
        (NHAN_LONG,),
        "[diac][tone][place] the commune, 4 times in the body; folded “hong nam” also matches the title "
        "“… sông Hồng năm 2022” of the women's cluster article",
    ),
    Case("Thảo", (RAU_SACH,), "[diac][tone][name] chị Thảo; folded “thao” is “thể thao” (a tag of the running race)"),
    Case("sốt", (SOT_XH,), "[diac][tone][title] “sai sót” in the health-insurance article folds the same"),
    Case("chợ", (DI_CHO,), "[diac][tone][title] “cho”, “chở”, “chờ” fold the same and are everywhere"),
    Case(
        "đền",
        (LE_HOI,),
        "[diac][tone][body] “đền Mẫu, đền Trần”; “đến” and “đèn” fold the same (also on the “Giới thiệu” page)",
    ),
    Case(
        "lên đèn",
        (CLIP_LEN_DEN,),
        "[diac][tone][clip][title] “đến”, “đền” fold the same; “đèn chiếu sáng” is in two articles",
    ),
    Case(
        "hội viên phụ nữ",
        (VON_VAY,),
        "[diac][phrase][title] once in the bodies of the women's cluster and digital-team articles",
    ),
    Case(
        "Hội Liên hiệp Phụ nữ",
        (CUM_THI_DUA, ME_DO_DAU),
        "[diac][two][phrase][body] a tag of both (the section intro of Phụ nữ – Gia đình has it too)",
    ),
    Case("bảo hiểm y tế", (BHYT,), "[diac][phrase][title] once in the bodies of three other articles"),
    Case("hòa giải", (CLB_GIA_DINH,), "[diac][phrase][body]"),
    Case("đỗ đạt", (VAN_MIEU,), "[diac][phrase][body] “đô”, “độ”, “đạt” are common"),
    Case(
        "Phố Hiến",
        (LE_HOI, NHAN_LONG),
        "[diac][two][place][title] in both titles; the festival article also has it as a tag, in the sapo and body",
    ),
    Case(
        "trẻ mồ côi",
        (ME_DO_DAU,),
        "[diac][phrase][title] the women's cluster article says “trẻ em mồ côi”, never “trẻ mồ côi”",
    ),
    Case("ngập úng", (CU_TRI,), "[diac][body] sapo only"),
    Case(
        "giải bơi chải hồ Bán Nguyệt",
        (LE_HOI,),
        "[diac][place][body] “giải bơi chải trên hồ Bán Nguyệt” in body and caption (not contiguous with "
        "the query); “giải” alone is in two titles; the “Giới thiệu” page names the lake, without the race",
    ),
    # --- NFD (decomposed) ----------------------------------------------------------------------
    Case(_nfd("Nhãn lồng"), (NHAN_LONG,), "[nfd][phrase][title]"),
    Case(
        _nfd("phụ nữ khởi nghiệp"),
        (RAU_SACH,),
        "[nfd][phrase][body] a tag and the body; the title has “Nữ nông dân khởi nghiệp”",
    ),
    Case(_nfd("sốt xuất huyết"), (SOT_XH,), "[nfd][phrase][title]"),
    Case(_nfd("Văn Miếu Xích Đằng"), (VAN_MIEU,), "[nfd][place][title] Đ has no decomposition: mixed NFD"),
    Case(_nfd("đuối nước"), (DUOI_NUOC,), "[nfd][title]"),
    Case(_nfd("nhà Đại đoàn kết"), (DAI_DOAN_KET,), "[nfd][phrase][title]"),
    Case(_nfd("Trần Văn Kiên"), (QUANG_CHAU,), "[nfd][name][body]"),
    Case(_nfd("học sinh giỏi"), (HSG,), "[nfd][phrase][title]"),
    Case(_nfd("cháy"), (PCCC,), "[nfd][tone][title] decomposed tone mark must still tell “cháy” from “chạy”"),
    Case(_nfd("căn cước"), (BHYT,), "[nfd][title]"),
    Case(_nfd("Đồng bằng sông Hồng"), (CUM_THI_DUA,), "[nfd][phrase][title][format] capitalised first letter"),
    # --- Case, spacing, punctuation ------------------------------------------------------------
    Case("  NHAN   LONG  ", (NHAN_LONG,), "[plain][format][title] upper case, leading/trailing and doubled spaces"),
    Case("Sốt Xuất Huyết!!!", (SOT_XH,), "[diac][format][title] title case and trailing punctuation"),
    Case("OCOP 4 sao?", (OCOP,), "[plain][format][title] a number and a question mark"),
    Case(
        "VNEID",
        (TO_CNS,),
        "[plain][format][body] upper case of “VNeID”: tag, sapo, caption; the health-insurance sapo has it once",
    ),
    Case("“Mẹ đỡ đầu”", (ME_DO_DAU, CUM_THI_DUA), "[diac][format][two] typographic quotes around the query"),
    Case("đi từng ngõ, gõ từng nhà", (TO_CNS,), "[diac][format][phrase][title] comma inside the query"),
    Case("Đi chợ không cần tiền mặt.", (DI_CHO,), "[diac][format][title] the whole title with a full stop"),
    Case("HDND", (HDND,), "[plain][format][title] abbreviation typed with d for đ, upper case"),
    Case("Cụm thi đua  LHPN", (CUM_THI_DUA,), "[diac][format][title] doubled space; words not adjacent in the title"),
    Case("1.200 lao động", (VIEC_LAM,), "[diac][format][title] a number with a thousands dot"),
    Case("3,2 tỷ", (VON_VAY,), "[diac][format][title] a decimal comma"),
    Case("van-mieu  xich-dang", (VAN_MIEU,), "[plain][format][place][title] hyphens instead of spaces"),
    Case("Phạm  Văn   Lộc", (HUY_HIEU,), "[diac][format][name][body] irregular spacing inside a name"),
)


_LONG = ("nhãn lồng Phố Hiến " * 40)[:600]

EDGE_QUERIES: tuple[str, ...] = (
    "",
    " ",
    "   \t\n  ",
    "a",
    "đ",
    "?",
    '"',
    "'",
    "*",
    "a OR",
    "OR",
    "AND NOT",
    "NEAR(",
    "title:",
    "title:nhãn",
    "-",
    "--",
    "+",
    "'; DROP TABLE x; --",
    "%",
    "_",
    "%_%",
    "\\",
    "()",
    "[]{}",
    "<script>alert(1)</script>",
    "a" * 600,
    _LONG,
    "🎉",
    "nhãn lồng 🍈🍈",
    "\x00",
    "nhãn\x00lồng",
    "\u200b",
    "\ufeffphố hiến",
    unicodedata.normalize("NFD", "ờ"),
    "\u0301",  # a lone combining acute accent
    "ｎｈａｎ",  # full-width Latin
    "汉字",
    "a\u0000b\u0001c",
    "nhãn " * 200,
)
