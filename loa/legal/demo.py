"""Demo content: the "Văn bản" page and documents of the city and the province, 2024–2026.

The numbers, summaries and signers are ours, written for the demo; they read like a
city's register: decisions, plans, directives, notices, a council resolution, with a
decision replaced by a newer one and a regulation amended. A few dates are set from
`now` so that some documents are always "not yet in force" whenever the demo is built.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.utils.file import hash_filelike

from loa.core.formats import VN_TZ

from .files import simple_pdf
from .models import (
    DocumentAttachment,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    IssuingLevel,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    RelationKind,
    Sector,
    Signer,
)

PROVINCE = "Ủy ban nhân dân tỉnh Hưng Yên"
CITY = "Ủy ban nhân dân thành phố Hưng Yên"
CITY_COUNCIL = "Hội đồng nhân dân thành phố Hưng Yên"
LEVEL_OF = {PROVINCE: "Tỉnh", CITY: "Huyện/thành phố thuộc tỉnh", CITY_COUNCIL: "Huyện/thành phố thuộc tỉnh"}

SECTORS = (
    "Đất đai",
    "Xây dựng – Đô thị",
    "Tài chính – Ngân sách",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Tài nguyên và Môi trường",
    "Nông nghiệp",
    "Văn hóa – Thể thao – Du lịch",
    "Nội vụ",
    "Chuyển đổi số",
)
SIGNERS = {
    "Trần Quốc Hưng": "Chủ tịch Ủy ban nhân dân thành phố",
    "Lê Thị Thu Hà": "Phó Chủ tịch Ủy ban nhân dân thành phố",
    "Phạm Minh Đức": "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Vũ Đình Khải": "Chủ tịch Hội đồng nhân dân thành phố",
}


@dataclass(frozen=True)
class Doc:
    key: str
    number: str
    type: str
    body: str
    sector: str
    signer: str
    issued: dt.date
    summary: str
    effective: dt.date | None = None
    until: dt.date | None = None
    pdf: bool = False


def documents(today: dt.date) -> list[Doc]:
    recent = today - dt.timedelta(days=9)
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    next_year = dt.date(today.year + 1, 1, 1)
    return [
        Doc(
            "land-2024",
            "01/2024/QĐ-UBND",
            "Quyết định",
            PROVINCE,
            "Đất đai",
            "Phạm Minh Đức",
            dt.date(2024, 1, 15),
            "Ban hành Quy định hạn mức giao đất ở, hạn mức công nhận đất ở trên địa bàn tỉnh Hưng Yên",
            effective=dt.date(2024, 1, 25),
            until=dt.date(2024, 8, 1),
        ),
        Doc(
            "land",
            "25/2024/QĐ-UBND",
            "Quyết định",
            PROVINCE,
            "Đất đai",
            "Phạm Minh Đức",
            dt.date(2024, 7, 26),
            "Ban hành Quy định hạn mức giao đất ở, hạn mức công nhận đất ở và diện tích tối thiểu "
            "được tách thửa trên địa bàn tỉnh Hưng Yên",
            effective=dt.date(2024, 8, 1),
            pdf=True,
        ),
        Doc(
            "reception",
            "1254/QĐ-UBND",
            "Quyết định",
            CITY,
            "Nội vụ",
            "Trần Quốc Hưng",
            dt.date(2024, 3, 12),
            "Về việc ban hành Quy chế tiếp công dân của Ủy ban nhân dân thành phố Hưng Yên",
            pdf=True,
        ),
        Doc(
            "livestock",
            "03/CT-UBND",
            "Chỉ thị",
            PROVINCE,
            "Nông nghiệp",
            "Phạm Minh Đức",
            dt.date(2024, 5, 15),
            "Về tăng cường công tác phòng, chống dịch bệnh trên đàn gia súc, gia cầm",
        ),
        Doc(
            "digital-2025",
            "86/KH-UBND",
            "Kế hoạch",
            CITY,
            "Chuyển đổi số",
            "Lê Thị Thu Hà",
            dt.date(2025, 2, 20),
            "Chuyển đổi số thành phố Hưng Yên năm 2025",
            until=dt.date(2026, 1, 1),
        ),
        Doc(
            "trees",
            "18/2025/QĐ-UBND",
            "Quyết định",
            PROVINCE,
            "Xây dựng – Đô thị",
            "Phạm Minh Đức",
            dt.date(2025, 4, 10),
            "Ban hành Quy định về quản lý cây xanh đô thị trên địa bàn tỉnh Hưng Yên",
            effective=dt.date(2025, 4, 21),
        ),
        Doc(
            "dengue",
            "312/BC-UBND",
            "Báo cáo",
            CITY,
            "Y tế",
            "Lê Thị Thu Hà",
            dt.date(2025, 6, 5),
            "Kết quả công tác phòng, chống sốt xuất huyết 6 tháng đầu năm 2025",
        ),
        Doc(
            "enrolment",
            "45/KH-UBND",
            "Kế hoạch",
            CITY,
            "Giáo dục và Đào tạo",
            "Lê Thị Thu Hà",
            dt.date(2025, 5, 10),
            "Tuyển sinh vào lớp 1, lớp 6 năm học 2025 – 2026 trên địa bàn thành phố",
            until=dt.date(2025, 9, 30),
        ),
        Doc(
            "investment",
            "2345/UBND-TCKH",
            "Công văn",
            CITY,
            "Tài chính – Ngân sách",
            "Trần Quốc Hưng",
            dt.date(2025, 9, 18),
            "V/v đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2025",
        ),
        Doc(
            "budget",
            "15/NQ-HĐND",
            "Nghị quyết",
            CITY_COUNCIL,
            "Tài chính – Ngân sách",
            "Vũ Đình Khải",
            dt.date(2025, 12, 18),
            "Về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm 2026",
            effective=dt.date(2026, 1, 1),
            pdf=True,
        ),
        Doc(
            "plastic",
            "02/CT-UBND",
            "Chỉ thị",
            CITY,
            "Tài nguyên và Môi trường",
            "Trần Quốc Hưng",
            dt.date(2026, 1, 5),
            "Về tăng cường quản lý, giảm thiểu rác thải nhựa dùng một lần trên địa bàn thành phố",
        ),
        Doc(
            "tet",
            "56/KH-UBND",
            "Kế hoạch",
            CITY,
            "Văn hóa – Thể thao – Du lịch",
            "Lê Thị Thu Hà",
            dt.date(2026, 1, 20),
            "Tổ chức các hoạt động mừng Đảng, mừng Xuân Bính Ngọ năm 2026",
            until=dt.date(2026, 3, 1),
        ),
        Doc(
            "trees-amended",
            "07/2026/QĐ-UBND",
            "Quyết định",
            PROVINCE,
            "Xây dựng – Đô thị",
            "Phạm Minh Đức",
            dt.date(2026, 3, 2),
            "Sửa đổi, bổ sung một số điều của Quy định về quản lý cây xanh đô thị ban hành kèm theo "
            "Quyết định số 18/2025/QĐ-UBND",
            effective=dt.date(2026, 3, 15),
            pdf=True,
        ),
        Doc(
            "reception-schedule",
            "125/TB-UBND",
            "Thông báo",
            CITY,
            "Nội vụ",
            "Trần Quốc Hưng",
            recent,
            "Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân thành phố",
            effective=next_month,
        ),
        Doc(
            "schools",
            "98/QĐ-UBND",
            "Quyết định",
            CITY,
            "Giáo dục và Đào tạo",
            "Lê Thị Thu Hà",
            recent,
            "Phê duyệt Đề án nâng cao chất lượng dạy và học ngoại ngữ trong các trường phổ thông giai đoạn 2027 – 2030",
            effective=next_year,
        ),
    ]


RELATIONS = (("land", RelationKind.REPLACES, "land-2024"), ("trees-amended", RelationKind.AMENDS, "trees"))


def load_demo(home: Page, now: dt.datetime) -> None:
    if LegalDocumentIndexPage.objects.child_of(home).exists():  # the demo ran before
        return
    index = _index_page(home)
    lists = _lists()
    today = now.astimezone(VN_TZ).date()
    pages: dict[str, LegalDocumentPage] = {}
    for doc in documents(today):
        pages[doc.key] = _document(index, doc, lists)
    for source, kind, target in RELATIONS:
        page = pages[source]
        page.relations.add(DocumentRelation(kind=kind, target=pages[target]))
        page.save_revision().publish()
    for doc in documents(today):
        # As if published on the day of issue (the search index is rebuilt after the demo loads).
        moment = timezone.make_aware(dt.datetime.combine(min(doc.issued, today), dt.time(8, 30)), VN_TZ)
        LegalDocumentPage.objects.filter(pk=pages[doc.key].pk).update(
            first_published_at=moment, last_published_at=moment
        )


def _index_page(home: Page) -> LegalDocumentIndexPage:
    existing = LegalDocumentIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    index = LegalDocumentIndexPage(
        title="Văn bản",
        slug="van-ban",
        show_in_menus=True,
        intro="Văn bản chỉ đạo, điều hành của Ủy ban nhân dân thành phố và văn bản của tỉnh liên quan đến thành phố. "
        "Tìm theo số ký hiệu hoặc trích yếu, có dấu hoặc không dấu.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _lists() -> dict[str, dict]:
    def entries(model, names) -> dict:
        return {
            name: model.objects.get_or_create(name=name, defaults={"sort_order": order * 10})[0]
            for order, name in enumerate(names, start=1)
        }

    signers = {}
    for order, (name, position) in enumerate(SIGNERS.items(), start=1):
        signers[name] = Signer.objects.get_or_create(
            name=name, defaults={"position": position, "sort_order": order * 10}
        )[0]
    return {
        "type": {entry.name: entry for entry in DocumentType.objects.all()},
        "level": {entry.name: entry for entry in IssuingLevel.objects.all()},
        "body": entries(IssuingBody, (CITY, CITY_COUNCIL, PROVINCE)),
        "sector": entries(Sector, SECTORS),
        "signer": signers,
    }


def _document(index: LegalDocumentIndexPage, doc: Doc, lists: dict[str, dict]) -> LegalDocumentPage:
    page = LegalDocumentPage(
        number=doc.number,
        document_type=lists["type"][doc.type],
        issuing_body=lists["body"][doc.body],
        issuing_level=lists["level"][LEVEL_OF[doc.body]],
        sector=lists["sector"][doc.sector],
        signer=lists["signer"][doc.signer],
        issued_on=doc.issued,
        effective_from=doc.effective,
        effective_until=doc.until,
        summary=doc.summary,
    )
    page.title = page.default_title()
    index.add_child(instance=page)
    if doc.pdf:
        page.attachments.add(DocumentAttachment(document=_pdf(doc)))
    page.save_revision().publish()
    return page


def _pdf(doc: Doc) -> Document:
    """A one-page PDF standing in for the signed scan (ASCII only: see files.simple_pdf)."""
    from loa.core.text import ascii_fold

    lines = [
        ascii_fold(doc.body).upper(),
        f"So: {ascii_fold(doc.number)}",
        f"Ngay ban hanh: {doc.issued:%d/%m/%Y}",
        "",
        ascii_fold(doc.type).upper(),
        *_wrap(ascii_fold(doc.summary), 70),
        "",
        "(Van ban mau de trinh dien phan mem Loa)",
    ]
    data = simple_pdf(lines)
    slug = ascii_fold(doc.number).replace("/", "-").lower()
    document = Document(title=f"{doc.type} số {doc.number}", file=ContentFile(data, name=f"{slug}.pdf"))
    document.file_size = len(data)
    document.file_hash = hash_filelike(io.BytesIO(data))
    document.save()
    return document


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
