"""Demo ratings: readers' opinions of the demo portal's content pages, over the last two and a half months.

The demo loader runs the modules before it writes the news articles, so the
pages rated here are those that exist by then: Giới thiệu and the modules' own
content pages (documents, questions, procedures…). The numbers are drawn from a
fixed seed, so every demo portal shows the same report.
"""

from __future__ import annotations

import datetime as dt
import random

from wagtail.models import Page

from .models import PageRating
from .rules import page_type_asks
from .voters import voter_key

SEED = 224_2026
DAYS = 75
#: Most readers find the pages useful; a few say what is missing.
WEIGHTS = {5: 36, 4: 34, 3: 16, 2: 9, 1: 5}
COMMENTS = {
    5: [
        "Thông tin rõ ràng, dễ hiểu. Cảm ơn Ban biên tập.",
        "Rất hữu ích cho người dân khi đi làm thủ tục.",
        "Tôi đã tìm được đúng thông tin cần, không phải lên tận phường hỏi.",
        "Văn bản đầy đủ, tải về được ngay, rất tiện.",
    ],
    4: [
        "Nội dung tốt, mong cổng cập nhật thường xuyên hơn.",
        "Nên có thêm số điện thoại đầu mối để người dân liên hệ khi cần hỏi thêm.",
        "Câu trả lời đúng trọng tâm, dễ làm theo.",
    ],
    3: [
        "Thông tin tạm đủ nhưng hơi dài, khó tìm phần mình cần. Đề nghị có mục lục.",
        "Chữ hơi nhỏ, đọc trên điện thoại chưa thuận tiện.",
    ],
    2: [
        "Mong có thêm hướng dẫn chi tiết cách nộp hồ sơ trực tuyến.",
        "Một số thông tin chưa được cập nhật theo quy định mới.",
    ],
    1: [
        "Không tìm thấy mẫu đơn như bài viết nhắc đến.",
        "Đường dẫn tải văn bản bị lỗi, đề nghị kiểm tra lại.",
    ],
}


def content_pages(home: Page) -> list[Page]:
    pages = home.get_descendants().live().specific().order_by("path")
    return [page for page in pages if page_type_asks(type(page))]


def load_demo(home: Page, now: dt.datetime) -> None:
    """Rate the pages not rated yet: the demo is loaded again into a site whose articles were deleted."""
    draw = random.Random(SEED)
    scores, weights = list(WEIGHTS), list(WEIGHTS.values())
    already = set(PageRating.objects.values_list("page_id", flat=True).distinct())
    rows = []
    for page in content_pages(home):
        page_rows = []
        for visitor in range(draw.randint(3, 24)):
            rating = draw.choices(scores, weights)[0]
            comment = draw.choice(COMMENTS[rating]) if draw.random() < 0.3 else ""
            moment = now - dt.timedelta(days=draw.uniform(0, DAYS))
            page_rows.append(
                PageRating(
                    page=page,
                    voter=voter_key(f"{SEED:08x}{visitor:024x}", page.pk),
                    rating=rating,
                    comment=comment,
                    created_at=moment,
                    rated_at=moment,
                )
            )
        if page.pk not in already:
            rows.extend(page_rows)
    PageRating.objects.bulk_create(rows)
