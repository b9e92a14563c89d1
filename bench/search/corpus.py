"""Vietnamese local-government news, generated reproducibly for the search bench.

Titles and bodies are assembled from word lists and sentence templates written for the
bench: wards, communes, unions, people's committees, farmers, digital transformation, the
Red River Delta... Every list is weighted like real text (the first entries are common, the
last ones rare, a Zipf-like 1/rank^0.9); each article keeps to its own cast of one or two
places, topics, organisations and people (THEMED), as a news story does, so a topic is in a
few percent of the articles while everyday syllables (phường, hội, dân, số...) are in most of
them, as in real Vietnamese text; and a handful of rare items (a monument, a craft village, a
folk song) appear in about one article in a thousand.

Article ``n`` depends only on ``(seed, n)`` (its date also on the corpus size: articles are
spread evenly over five years, in the order of their numbers, as a portal publishes them): any
batch size gives the same corpus, and the same seed gives the same words on SQLite and
PostgreSQL. All text is NFC, with đ/Đ.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# Five years of publication dates, fixed so the corpus does not depend on the day it is built.
FIRST_DAY = dt.datetime(2020, 7, 1, 6, 0, tzinfo=VIETNAM)
LAST_DAY = dt.datetime(2025, 6, 30, 22, 0, tzinfo=VIETNAM)

SECTIONS = (  # (title, slug, share of the articles)
    ("Thời sự – Chính trị", "thoi-su-chinh-tri", 30),
    ("Kinh tế", "kinh-te", 22),
    ("Văn hóa – Xã hội", "van-hoa-xa-hoi", 20),
    ("Giáo dục – Y tế", "giao-duc-y-te", 14),
    ("Quốc phòng – An ninh", "quoc-phong-an-ninh", 8),
    ("Phụ nữ", "phu-nu", 6),
)

# fmt: off
# --- Word lists (most common first) ---------------------------------------------------------

PLACES = (
    "Hiến Nam", "Lam Sơn", "Quảng Châu", "Hồng Châu", "Bảo Khê", "Minh Khai", "Trung Nghĩa", "Liên Phương",
    "Hoàng Hanh", "Tân Hưng", "An Tảo", "Hồng Nam", "Lê Lợi", "Quang Trung", "Phương Chiểu", "Phú Cường",
    "Hùng An", "Tiên Tiến", "Đồng Tiến", "Ngọc Thanh", "Hải Triều", "Thủ Sỹ", "Phùng Hưng", "Nhật Tân",
    "Dị Sử", "Bạch Sam", "Minh Đức", "Xuân Dục", "Nghĩa Hiệp", "Giai Phạm", "Trưng Trắc", "Đình Dù",
    "Lạc Hồng", "Chỉ Đạo", "Lạc Đạo", "Đại Đồng", "Tân Quang", "Lương Bằng", "Đức Hợp", "Mai Động",
    "Hiệp Cường", "Đồng Thanh", "Toàn Thắng", "Vĩnh Xá", "Song Mai", "Nghĩa Dân", "Đoàn Đào", "Tống Trân",
    "Cương Chính", "Minh Tân", "Nguyên Hòa", "Tống Phan", "Phụng Công", "Xuân Quan", "Cửu Cao", "Long Hưng",
    "Thắng Lợi", "Đông Kết", "Hàm Tử", "Bình Minh", "Ông Đình", "Tân Châu", "Dạ Trạch", "Thuần Hưng",
)
UNITS = ("phường", "xã", "thị trấn")
REGIONS = (
    "đồng bằng sông Hồng", "Bắc Trung Bộ", "trung du và miền núi phía Bắc", "đồng bằng sông Cửu Long",
    "Duyên hải Nam Trung Bộ", "Tây Nguyên", "Đông Nam Bộ",
)
ORGS = (
    "Ủy ban nhân dân", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội đồng nhân dân", "Hội Cựu chiến binh", "Công an",
    "Trung tâm Y tế", "Phòng Giáo dục và Đào tạo", "Ban Chỉ huy Quân sự", "Phòng Tài nguyên và Môi trường",
    "Phòng Kinh tế", "Ngân hàng Chính sách xã hội", "Liên đoàn Lao động", "Hội Chữ thập đỏ",
    "Trung tâm Văn hóa và Truyền thanh", "Hội Người cao tuổi", "Ban Tuyên giáo", "Hội Khuyến học",
    "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông", "Ủy ban Kiểm tra", "Ban Dân vận",
)
ORGS_SHORT = ("UBND", "HĐND", "Hội LHPN", "MTTQ", "Thành đoàn", "Thành ủy", "Đảng ủy")
ROLES = (
    "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Trưởng ban", "Giám đốc", "Trưởng phòng",
    "Phó Giám đốc", "Chánh Văn phòng", "Trưởng thôn", "Tổ trưởng tổ dân phố", "Chỉ huy trưởng",
)
TOPICS = (
    "xây dựng nông thôn mới", "cải cách hành chính", "an ninh trật tự", "an toàn giao thông",
    "chuyển đổi số", "giải phóng mặt bằng", "phòng cháy, chữa cháy", "bảo vệ môi trường",
    "giảm nghèo bền vững", "thu ngân sách", "dịch vụ công trực tuyến", "vệ sinh an toàn thực phẩm",
    "bảo hiểm y tế", "bảo hiểm xã hội", "đầu tư công", "xây dựng Đảng", "phòng, chống dịch bệnh",
    "đào tạo nghề", "giải quyết việc làm", "bình đẳng giới", "phòng, chống bạo lực gia đình",
    "thương mại điện tử", "kinh tế tập thể", "chuyển đổi cơ cấu cây trồng", "đô thị văn minh",
    "sản phẩm OCOP", "du lịch trải nghiệm", "khởi nghiệp", "tiêm chủng mở rộng", "sốt xuất huyết",
    "định danh điện tử", "căn cước công dân", "phòng, chống tác hại của thuốc lá", "học tập suốt đời",
    "tích tụ ruộng đất", "phòng chống thiên tai", "quản lý trật tự đô thị", "tuyển quân",
    "cải tạo vườn tạp", "nước sạch nông thôn",
)
GROUPS = (
    "người dân", "nông dân", "phụ nữ", "hội viên", "học sinh", "thanh niên", "người lao động",
    "đảng viên", "hộ nghèo", "người cao tuổi", "cựu chiến binh", "trẻ em", "doanh nghiệp",
    "hộ kinh doanh", "cán bộ, công chức", "giáo viên", "người có công", "đoàn viên", "tiểu thương",
    "đồng bào dân tộc thiểu số",
)
PRODUCTS = (
    "lúa", "nhãn lồng", "rau sạch", "cây ăn quả", "hoa cây cảnh", "thủy sản", "sen", "chuối",
    "gà đồi", "vải thiều", "cá rô đồng", "bưởi diễn", "cam đường canh", "rau muống", "nấm rơm",
)
EVENTS = (
    "hội nghị", "hội nghị tổng kết", "buổi làm việc", "kỳ họp", "lễ phát động", "hội thảo",
    "buổi đối thoại", "hội nghị tiếp xúc cử tri", "lễ kỷ niệm", "tọa đàm", "đại hội", "lớp tập huấn",
    "hội thi", "lễ ra quân", "lễ khánh thành", "lễ khởi công", "buổi diễn tập", "giải chạy",
)
VERBS = (
    "triển khai", "tổ chức", "đẩy mạnh", "tuyên truyền", "kiểm tra", "hướng dẫn", "hỗ trợ",
    "nâng cao hiệu quả", "phát động", "rà soát", "khảo sát", "biểu dương", "ký kết chương trình",
    "tập huấn", "sơ kết", "đánh giá",
)
GIFTS = (
    "suất quà", "nhà Đại đoàn kết", "xe đạp", "suất học bổng", "thẻ bảo hiểm y tế", "sổ tiết kiệm",
    "con bò giống", "máy lọc nước",
)
BENEFICIARIES = (
    "hộ nghèo", "học sinh có hoàn cảnh khó khăn", "gia đình chính sách", "người cao tuổi cô đơn",
    "trẻ em mồ côi", "hội viên phụ nữ nghèo", "hộ cận nghèo", "nạn nhân chất độc da cam",
)
ACHIEVEMENTS = (
    "về đích nông thôn mới nâng cao", "đạt chuẩn đô thị văn minh", "hoàn thành thu ngân sách trước hạn",
    "có thêm 3 trường đạt chuẩn quốc gia", "giảm 40% số hộ nghèo", "ra mắt mô hình dân vận khéo",
    "đạt 100% hồ sơ trực tuyến toàn trình", "được công nhận xã an toàn khu",
)
SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Phan", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
    "Đinh", "Đào", "Lý", "Trịnh", "Hồ", "Đoàn", "Lương", "Tạ",
)
MIDDLE_MEN = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Mạnh", "Tiến")
MIDDLE_WOMEN = ("Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Thúy", "Hồng", "Phương", "Mai")
GIVEN_MEN = (
    "Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Quân", "Đạt", "Đông", "Bình", "Sơn", "Cường",
    "Thắng", "Khánh", "Hiếu", "Phong", "Trung", "Huy", "Tùng", "Lâm", "Đức", "Thành", "Vinh",
    "Hưng", "Toàn", "Kiên", "Đăng", "Tài", "Lực", "Định",
)
GIVEN_WOMEN = (
    "Lan", "Hương", "Hoa", "Mai", "Hà", "Thảo", "Phương", "Trang", "Linh", "Yến", "Nga", "Thủy",
    "Hạnh", "Huyền", "Đào", "Loan", "Dung", "Hằng", "Nhung", "Oanh", "Vân", "Tâm", "Liên", "Hiền",
    "Ngân", "Quyên", "Duyên", "Thơ", "Diệp", "Xuyến",
)
TAGS = (
    "chuyển đổi số", "nông thôn mới", "cải cách hành chính", "phụ nữ", "nông dân", "an toàn giao thông",
    "y tế", "giáo dục", "môi trường", "đô thị", "OCOP", "du lịch", "thanh niên", "người cao tuổi",
    "an sinh xã hội", "bầu cử", "kỳ họp HĐND", "đồng bằng sông Hồng", "phòng cháy chữa cháy", "lễ hội",
)
# One article in about a thousand mentions one of these: the rare words of the query mix.
RARE = (
    "di tích Văn Miếu Xích Đằng",
    "làng nghề đúc đồng Lộng Thượng",
    "hát trống quân Đức Bác",
    "giống nhãn tiến vua Phố Hiến",
    "đền Mẫu Đồng Đăng",
)

# fmt: on

# --- Templates ------------------------------------------------------------------------------
# {slot} names refer to SLOTS below; a slot is picked afresh at each use.

TITLES = (
    "{Event} {topic} năm {year}",
    "{Where} {achievement}",
    "{Group} {where} chuyển ruộng lúa sang trồng {product}",
    "Trao {n} {gift} cho {beneficiary}",
    "{org} {where} {verb} {topic}",
    "{role} {org_short} {person} kiểm tra tiến độ {topic} tại {where}",
    "Đẩy mạnh {topic} trên địa bàn thành phố",
    "{Event} về {topic} tại {where}",
    "Các tỉnh {region} chia sẻ kinh nghiệm {topic}",
    "{Where}: {pct}% {group} hài lòng với {topic}",
    "{Group} {where} hưởng ứng {topic}",
    "Nâng cao chất lượng {topic} cho {group}",
    "{org_short} thành phố đối thoại với {group} về {topic}",
    "Nhiều mô hình {topic} hiệu quả ở {where}",
)

SENTENCES = (
    "Ngày {day}, {org} {where} đã {verb} {event} về {topic}.",
    "Tham dự có {role} {org} {unit} {person}; đại diện các phòng, ban, ngành, đoàn thể và {n2} đại biểu là "
    "{group} trên địa bàn.",
    "Phát biểu tại {event}, {role} {person} đề nghị các cấp, các ngành tiếp tục {verb} {topic}, gắn với {topic}.",
    "Theo báo cáo, trong năm {year}, {where} đã {verb} cho {n2} lượt {group}, đạt {pct}% kế hoạch.",
    "Nhiều {group} ở thôn {place} đã mạnh dạn chuyển sang trồng {product}, cho thu nhập {n} triệu đồng mỗi "
    "sào mỗi năm.",
    "Thực hiện chỉ đạo của {org_short} thành phố, {where} đã triển khai nhiều giải pháp {topic} nhằm "
    "nâng cao đời sống của {group}.",
    "Toàn {unit} hiện có {n2} hộ {group}, trong đó {n} hộ tham gia mô hình {topic}.",
    "Dịp này, {org} đã trao {n} {gift}, mỗi suất trị giá {n} triệu đồng, cho {beneficiary}.",
    "{org} {where} phối hợp với {org} tổ chức {event} cho hội viên phụ nữ về {topic}.",
    "Các tỉnh {region} đã chia sẻ nhiều cách làm hay trong {topic} và {topic}.",
    "{person}, {group_one} ở tổ dân phố số {n}, chia sẻ: “Nhờ được hướng dẫn tận tình, gia đình tôi đã "
    "làm quen với {topic} chỉ sau vài buổi.”",
    "Được biết, {topic} là một trong những nhiệm vụ trọng tâm của {where} trong giai đoạn {year}–{year5}.",
    "Thời gian qua, {org} {where} đã chủ động {verb} {topic}, huy động sự vào cuộc của cả hệ thống chính trị.",
    "Bên cạnh những kết quả đạt được, công tác {topic} vẫn còn một số khó khăn như nguồn lực hạn chế, ý thức "
    "của một bộ phận {group} chưa cao.",
    "Đến nay, {pct}% hồ sơ thủ tục hành chính của {where} được tiếp nhận và giải quyết trên môi trường điện tử.",
    "Tại {event}, các đại biểu đã thảo luận, làm rõ những kết quả đạt được, hạn chế và nguyên nhân, đồng "
    "thời đề xuất giải pháp {topic} trong thời gian tới.",
    "{role} {org_short} {person} ghi nhận, biểu dương những nỗ lực của {group} {where}.",
    "Dự án có tổng mức đầu tư {n} tỷ đồng, đi qua địa bàn {where} và {where}.",
    "Trong 6 tháng đầu năm, thu ngân sách trên địa bàn đạt {pct}% dự toán, tăng {n}% so với cùng kỳ.",
    "Lực lượng chức năng đã kiểm tra {n2} cơ sở, nhắc nhở {n} trường hợp vi phạm về {topic}.",
    "Hội Nông dân {where} đã hướng dẫn {n2} hội viên ứng dụng khoa học kỹ thuật vào sản xuất {product}.",
    "Chương trình nhằm giúp {group} nâng cao nhận thức về {topic}, góp phần xây dựng {where} ngày càng văn minh.",
)
RARE_SENTENCES = (
    "Nhân dịp này, đoàn đã đến thăm {rare}, một địa chỉ văn hóa gắn với lịch sử hình thành vùng đất {place}.",
    "Câu chuyện về {rare} được các nghệ nhân kể lại, thu hút đông đảo {group} lắng nghe.",
)
SAPOS = (
    "Sáng {day}, {org} {where} tổ chức {event} về {topic}.",
    "Chiều {day}, {role} {org_short} {person} đã làm việc với {where} về {topic} và {topic}.",
    "Những năm gần đây, {group} {where} đã tích cực tham gia {topic}, góp phần thay đổi diện mạo địa phương.",
)


@dataclass
class Article:
    number: int  # 0-based position in the corpus
    section: int  # index in SECTIONS
    kind: str
    title: str
    body: str  # sapo and paragraphs as one plain text, as loa.search.index.body_text gives it
    tags: tuple[str, ...]
    published_at: dt.datetime


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class Weighted:
    """A list drawn with Zipf-like weights: the first items are common, the last ones rare."""

    def __init__(self, items: tuple[str, ...], exponent: float = 0.9) -> None:
        self.items = tuple(nfc(item) for item in items)
        total, self.cumulative = 0.0, []
        for rank in range(len(self.items)):
            total += 1.0 / (rank + 1) ** exponent
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng: random.Random) -> str:
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.total)]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


SLOT = re.compile(r"\{(\w+)\}")


# Slots an article keeps to: it is about one or two places, topics, organisations, people...
# A slot is filled from the article's own cast with probability STICK, else from the whole list,
# so a word's share of articles is realistic (a topic is in a few percent of the articles, not
# in all of them, and an article repeats the names it is about).
THEMED = {
    "where": (1, 2),
    "topic": (1, 2),
    "org": (1, 2),
    "org_short": (1, 1),
    "role": (1, 2),
    "person": (1, 3),
    "group": (1, 2),
    "product": (1, 1),
    "event": (1, 1),
    "region": (1, 1),
    "verb": (2, 3),
    "gift": (1, 1),
    "beneficiary": (1, 1),
}
STICK = 0.92
STICK_WHERE = 0.97  # an article names few places besides its own


class Corpus:
    def __init__(self, seed: int, total: int) -> None:
        self.seed = seed
        self.total = total  # articles in the corpus: they are spread evenly over the five years
        w = Weighted
        self.lists = {
            "place": w(PLACES),
            "region": w(REGIONS, 1.2),
            "org": w(ORGS),
            "org_short": w(ORGS_SHORT),
            "role": w(ROLES),
            "topic": w(TOPICS, 0.7),
            "group": w(GROUPS),
            "product": w(PRODUCTS),
            "event": w(EVENTS),
            "verb": w(VERBS),
            "gift": w(GIFTS),
            "beneficiary": w(BENEFICIARIES),
            "achievement": w(ACHIEVEMENTS),
            "rare": w(RARE, 0.0),
        }
        # Each ward or commune is always the same kind of unit: about 45% wards, 40% communes.
        self.unit_of = {nfc(place): UNITS[(0, 0, 1, 1, 0, 1, 0, 1, 2)[i % 9]] for i, place in enumerate(PLACES)}
        self.surnames = w(SURNAMES, 1.0)
        self.middle = (w(MIDDLE_MEN, 1.0), w(MIDDLE_WOMEN, 1.0))
        self.given = (w(GIVEN_MEN, 1.0), w(GIVEN_WOMEN, 1.0))
        self.tags = w(TAGS)
        self.titles = tuple(nfc(t) for t in TITLES)
        self.sentences = tuple(nfc(s) for s in SENTENCES)
        self.rare_sentences = tuple(nfc(s) for s in RARE_SENTENCES)
        self.sapos = tuple(nfc(s) for s in SAPOS)
        shares = [share for _t, _s, share in SECTIONS]
        self.section_cumulative = [sum(shares[: i + 1]) for i in range(len(shares))]

    def person(self, rng: random.Random) -> str:
        woman = rng.random() < 0.45
        return f"{self.surnames.pick(rng)} {self.middle[woman].pick(rng)} {self.given[woman].pick(rng)}"

    def draw(self, slot: str, rng: random.Random) -> str:
        """One value from the whole list of a slot."""
        if slot == "person":
            return self.person(rng)
        if slot == "where":
            place = self.lists["place"].pick(rng)
            return f"{self.unit_of[place]} {place}"
        return self.lists[slot].pick(rng)

    def fill(self, template: str, rng: random.Random, context: dict[str, str], cast: dict[str, list[str]]) -> str:
        def one(match: re.Match) -> str:
            name = match.group(1)
            lower = name[0].lower() + name[1:]
            if lower in context:
                value = context[lower]
            elif lower in cast and rng.random() < (STICK_WHERE if lower == "where" else STICK):
                value = rng.choice(cast[lower])
            elif lower == "n":
                value = str(rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 45, 50)))
            elif lower == "n2":
                value = f"{rng.randint(60, 2400):,}".replace(",", ".")
            elif lower == "pct":
                value = str(rng.randint(62, 100))
            elif lower == "group_one":
                value = rng.choice(("nông dân", "hội viên phụ nữ", "tiểu thương", "cựu chiến binh", "giáo viên"))
            else:
                value = self.draw(lower, rng)
            return cap(value) if name[0].isupper() else value

        return SLOT.sub(one, template)

    def article(self, number: int) -> Article:
        rng = random.Random(f"loa-bench-search:{self.seed}:{number}")
        # Published in the order of their numbers, as a portal's pages are (ids grow with time).
        span = (LAST_DAY - FIRST_DAY).total_seconds()
        published = FIRST_DAY + dt.timedelta(seconds=int((number + rng.random()) / self.total * span))
        cast = {slot: [self.draw(slot, rng) for _ in range(rng.randint(*sizes))] for slot, sizes in THEMED.items()}
        context = {
            "year": str(published.year),
            "year5": str(published.year + 5),
            "day": f"{published.day}/{published.month}",
            "unit": cast["where"][0].split()[0] if not cast["where"][0].startswith("thị trấn") else "thị trấn",
        }
        section = bisect.bisect(self.section_cumulative, rng.random() * self.section_cumulative[-1])
        title = cap(self.fill(rng.choice(self.titles), rng, context, cast))
        target = rng.randint(150, 400)  # words in the body
        paragraphs, words = [], 0
        sapo = self.fill(rng.choice(self.sapos), rng, context, cast)
        words += len(sapo.split())
        rare = rng.random() < 0.001 * len(RARE)  # each rare item in about one article in a thousand
        while words < target:
            sentences = []
            for _ in range(rng.randint(2, 5)):
                if rare and rng.random() < 0.3:
                    sentence, rare = self.fill(rng.choice(self.rare_sentences), rng, context, cast), False
                else:
                    sentence = self.fill(rng.choice(self.sentences), rng, context, cast)
                sentences.append(cap(sentence))
                words += len(sentence.split())
                if words >= target:
                    break
            paragraphs.append(" ".join(sentences))
        body = " ".join([sapo, *paragraphs])
        tags = tuple(sorted({self.tags.pick(rng) for _ in range(rng.randint(1, 4))}))
        kind = "video" if rng.random() < 0.04 else "article"
        return Article(number, section, kind, nfc(title), nfc(" ".join(body.split())), tags, published)

    def articles(self, start: int, stop: int) -> Iterator[Article]:
        for number in range(start, stop):
            yield self.article(number)
