"""Demo content for this module (called by loa.core.demo.loader inside the demo transaction).

The leaders of the demo city (made-up people) and three weeks of their schedule around ``now``:
last week, this week and next week, each published on the Friday afternoon before it (or an hour
ago, for next week early in the week); two entries of this week were changed afterwards and one
was added, so they carry the "Đã điều chỉnh" / "Bổ sung" marks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Page

from loa.core.formats import VN_TZ

from .models import Leader, ScheduleEntry, SchedulePage, ScheduleWeek
from .times import When, parse_when
from .weeks import Week

LEADERS = (
    ("Nguyễn Đức Hòa", "Chủ tịch UBND thành phố"),
    ("Trần Thị Thu Hương", "Phó Chủ tịch Thường trực UBND thành phố"),
    ("Lê Quang Minh", "Phó Chủ tịch UBND thành phố"),
    ("Phạm Văn Tuấn", "Phó Chủ tịch UBND thành phố"),
)
CHAIR, DEPUTY, MINH, TUAN = (name for name, _title in LEADERS)

OFFICE = "Văn phòng HĐND và UBND thành phố"
HALL = "Hội trường tầng 3, trụ sở UBND thành phố"
ROOM = "Phòng họp số 1, trụ sở UBND thành phố"


@dataclass(frozen=True)
class Item:
    weekday: int  # 0 = Monday
    when: str
    content: str
    location: str
    host: str
    participants: str = ""
    unit: str = ""
    notes: str = ""
    mark: str = ""  # "changed" / "added": happened after the week was published


LAST_WEEK = (
    Item(
        0,
        "7h30",
        "Chào cờ đầu tuần; giao ban Thường trực UBND thành phố",
        HALL,
        CHAIR,
        "Các Phó Chủ tịch UBND thành phố; Chánh Văn phòng HĐND và UBND thành phố",
        OFFICE,
    ),
    Item(
        0,
        "14h00 - 17h00",
        "Làm việc với phường Hiến Nam về tiến độ giải phóng mặt bằng dự án đường Nguyễn Văn Linh kéo dài",
        "Trụ sở UBND phường Hiến Nam",
        MINH,
        "Lãnh đạo Phòng Tài nguyên và Môi trường, Ban Quản lý dự án thành phố",
        "UBND phường Hiến Nam",
    ),
    Item(
        1,
        "8h00",
        "Dự Hội nghị sơ kết công tác chuyển đổi số 9 tháng đầu năm của tỉnh",
        "Trung tâm Hội nghị tỉnh",
        DEPUTY,
        "Trưởng phòng Văn hóa và Thông tin",
        "Phòng Văn hóa và Thông tin",
    ),
    Item(
        2,
        "Cả ngày",
        "Kiểm tra công tác phòng, chống thiên tai và tìm kiếm cứu nạn tại các xã ven đê sông Hồng",
        "Các xã Hồng Nam, Quảng Châu, Hoàng Hanh",
        TUAN,
        "Thành viên Ban Chỉ huy phòng, chống thiên tai thành phố",
        "Phòng Kinh tế",
    ),
    Item(
        3,
        "8h00 - 11h30",
        "Họp UBND thành phố thường kỳ tháng",
        HALL,
        CHAIR,
        "Thành viên UBND thành phố; Thủ trưởng các phòng, ban, đơn vị",
        OFFICE,
    ),
    Item(
        4,
        "Chiều",
        "Tiếp công dân định kỳ",
        "Trụ sở Tiếp công dân thành phố",
        CHAIR,
        "Chánh Thanh tra thành phố; Trưởng Ban Tiếp công dân",
        "Ban Tiếp công dân thành phố",
    ),
)
THIS_WEEK = (
    Item(
        0,
        "7h30",
        "Chào cờ đầu tuần; giao ban Thường trực UBND thành phố",
        HALL,
        CHAIR,
        "Các Phó Chủ tịch UBND thành phố; Chánh Văn phòng HĐND và UBND thành phố",
        OFFICE,
    ),
    Item(
        0,
        "14h00",
        "Nghe báo cáo phương án tổ chức Lễ hội Văn hóa Phố Hiến năm nay",
        ROOM,
        DEPUTY,
        "Lãnh đạo Phòng Văn hóa và Thông tin, Trung tâm Văn hóa và Truyền thanh thành phố",
        "Phòng Văn hóa và Thông tin",
        mark="changed",
    ),
    Item(
        1,
        "8h00 - 11h00",
        "Họp Hội đồng bồi thường, hỗ trợ và tái định cư dự án Khu đô thị phía Nam",
        ROOM,
        MINH,
        "Thành viên Hội đồng; đại diện UBND phường Lam Sơn",
        "Phòng Tài nguyên và Môi trường",
    ),
    Item(
        1,
        "14h00",
        "Đối thoại với hộ dân bị ảnh hưởng bởi dự án cải tạo hồ Bán Nguyệt",
        "Nhà văn hóa tổ dân phố số 5, phường Quang Trung",
        CHAIR,
        "Chủ tịch UBND phường Quang Trung; Chánh Thanh tra thành phố",
        "Thanh tra thành phố",
    ),
    Item(
        2,
        "Sáng",
        "Kiểm tra công tác bảo đảm an toàn thực phẩm tại các chợ đầu mối",
        "Chợ Phố Hiến, chợ Hồng Nam",
        TUAN,
        "Đoàn kiểm tra liên ngành an toàn thực phẩm thành phố",
        "Phòng Kinh tế",
        mark="changed",
        notes="Chuyển từ chiều thứ Ba sang sáng thứ Tư",
    ),
    Item(
        3,
        "8h00 - 11h30",
        "Hội nghị triển khai kế hoạch cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
        HALL,
        DEPUTY,
        "Thủ trưởng các phòng, ban; Chủ tịch UBND các phường, xã",
        "Phòng Nội vụ",
    ),
    Item(
        3,
        "14h00",
        "Làm việc với Trung tâm Phục vụ hành chính công thành phố về việc tiếp nhận hồ sơ trực tuyến toàn trình",
        "Trung tâm Phục vụ hành chính công thành phố",
        CHAIR,
        "Lãnh đạo Văn phòng; Phòng Nội vụ",
        OFFICE,
        mark="added",
    ),
    Item(
        4,
        "8h00",
        "Kiểm tra tiến độ xây dựng Trường Tiểu học Lê Lợi (cơ sở 2)",
        "Phường Lê Lợi",
        MINH,
        "Phòng Giáo dục và Đào tạo; Ban Quản lý dự án đầu tư xây dựng thành phố",
        "Ban Quản lý dự án đầu tư xây dựng thành phố",
    ),
    Item(
        4,
        "Chiều",
        "Tiếp công dân định kỳ",
        "Trụ sở Tiếp công dân thành phố",
        CHAIR,
        "Chánh Thanh tra thành phố; Trưởng Ban Tiếp công dân",
        "Ban Tiếp công dân thành phố",
    ),
    Item(
        5,
        "7h30",
        "Dự Lễ ra quân Ngày Chủ nhật xanh – thành phố sạch đẹp",
        "Quảng trường Nguyễn Văn Linh",
        DEPUTY,
        "Thành đoàn; Hội Liên hiệp Phụ nữ thành phố; các phường, xã",
        "Phòng Quản lý đô thị",
    ),
)
NEXT_WEEK = (
    Item(
        0,
        "7h30",
        "Chào cờ đầu tuần; giao ban Thường trực UBND thành phố",
        HALL,
        CHAIR,
        "Các Phó Chủ tịch UBND thành phố; Chánh Văn phòng HĐND và UBND thành phố",
        OFFICE,
    ),
    Item(
        1,
        "Cả ngày",
        "Dự Kỳ họp chuyên đề HĐND thành phố",
        "Hội trường HĐND thành phố",
        CHAIR,
        "Thành viên UBND thành phố; Thủ trưởng các phòng, ban liên quan",
        OFFICE,
    ),
    Item(
        2,
        "8h00 - 11h00",
        "Thẩm định hồ sơ đề nghị công nhận xã Quảng Châu đạt chuẩn nông thôn mới nâng cao",
        "UBND xã Quảng Châu",
        TUAN,
        "Thành viên Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố",
        "Phòng Kinh tế",
    ),
    Item(
        2,
        "14h00",
        "Làm việc với các doanh nghiệp trong Cụm công nghiệp Bảo Khê về thủ tục đất đai, môi trường",
        ROOM,
        MINH,
        "Phòng Tài nguyên và Môi trường; Phòng Tài chính – Kế hoạch",
        "Phòng Tài chính – Kế hoạch",
    ),
    Item(
        3,
        "8h00",
        "Hội nghị tổng kết năm học và triển khai nhiệm vụ năm học mới của ngành Giáo dục",
        HALL,
        DEPUTY,
        "Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở",
        "Phòng Giáo dục và Đào tạo",
    ),
    Item(
        4,
        "Chiều",
        "Tiếp công dân định kỳ",
        "Trụ sở Tiếp công dân thành phố",
        CHAIR,
        "Chánh Thanh tra thành phố; Trưởng Ban Tiếp công dân",
        "Ban Tiếp công dân thành phố",
    ),
)


def publication_time(week: Week, now: dt.datetime) -> dt.datetime:
    """16h00 on the Friday before the week, but never later than an hour ago."""
    friday = week.monday - dt.timedelta(days=3)
    return min(dt.datetime.combine(friday, dt.time(16, 0), tzinfo=VN_TZ), now - dt.timedelta(hours=1))


def load_demo(home: Page, now: dt.datetime) -> None:
    if SchedulePage.objects.child_of(home).exists():  # the demo ran before (a reload after articles were deleted)
        return
    page = SchedulePage(
        title="Lịch công tác",
        slug="lich-cong-tac",
        show_in_menus=True,
        intro="Lịch công tác tuần của Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân thành phố Hưng Yên.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    leaders = {
        name: Leader.objects.create(name=name, title=title, sort_order=order)
        for order, (name, title) in enumerate(LEADERS)
    }
    this_week = Week.of(timezone.localtime(now, VN_TZ).date())
    for week, items in ((this_week.previous(), LAST_WEEK), (this_week, THIS_WEEK), (this_week.next(), NEXT_WEEK)):
        published_at = publication_time(week, now)
        for hours, item in enumerate(items, start=1):
            when = parse_when(item.when) or When(part="all_day")
            entry = ScheduleEntry.objects.create(
                date=week.monday + dt.timedelta(days=item.weekday),
                part_of_day=when.part,
                start_time=when.start,
                end_time=when.end,
                content=item.content,
                location=item.location,
                host=leaders[item.host],
                participants=item.participants,
                preparing_unit=item.unit,
                notes=item.notes,
            )
            # Typed before publication; the marked ones changed or added in the days after it.
            created = changed = published_at - dt.timedelta(days=1)
            later = min(published_at + dt.timedelta(hours=hours * 5), now - dt.timedelta(minutes=5))
            if item.mark == "changed":
                changed = later
            elif item.mark == "added":
                created = changed = later
            ScheduleEntry.objects.filter(pk=entry.pk).update(created_at=created, changed_at=changed)
        ScheduleWeek.objects.filter(monday=week.monday).update(published=True, published_at=published_at)
    ScheduleWeek.objects.filter(monday=this_week.monday).update(
        note="Lịch có thể thay đổi; đề nghị các cơ quan, đơn vị theo dõi thường xuyên trên Cổng thông tin điện tử."
    )
