"""Demo content for this module (called by loa.core.demo.loader inside the demo transaction).

Names follow the national database's wording; codes have its shape but are made up for the demo.
"""

from __future__ import annotations

import datetime as dt

from wagtail.models import Page

from .models import Level, Procedure, ProcedureIndexPage, ServiceLevel, national_portal_url

CIVIL = "Hộ tịch"
CERTIFY = "Chứng thực"
BUILD = "Hoạt động xây dựng"
LAND = "Đất đai"
BUSINESS = "Thành lập và hoạt động của hộ kinh doanh"
WELFARE = "Bảo trợ xã hội"
EDUCATION = "Giáo dục và Đào tạo"
EMULATION = "Thi đua, khen thưởng"
FOOD = "An toàn thực phẩm"

L, S = Level, ServiceLevel
PROCEDURES = (
    ("1.001193.000.00.00.H31", "Thủ tục đăng ký khai sinh", CIVIL, L.COMMUNE, S.PARTIAL),
    ("1.000894.000.00.00.H31", "Thủ tục đăng ký kết hôn", CIVIL, L.COMMUNE, S.PARTIAL),
    ("1.000656.000.00.00.H31", "Thủ tục đăng ký khai tử", CIVIL, L.COMMUNE, S.FULL),
    ("2.000635.000.00.00.H31", "Thủ tục cấp bản sao trích lục hộ tịch", CIVIL, L.COMMUNE, S.FULL),
    (
        "1.004859.000.00.00.H31",
        "Thủ tục đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
        CIVIL,
        L.COMMUNE,
        S.PARTIAL,
    ),
    ("1.004873.000.00.00.H31", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", CIVIL, L.COMMUNE, S.FULL),
    ("2.000815.000.00.00.H31", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", CERTIFY, L.COMMUNE, S.NONE),
    ("2.000884.000.00.00.H31", "Chứng thực chữ ký trong các giấy tờ, văn bản", CERTIFY, L.COMMUNE, S.NONE),
    (
        "2.000913.000.00.00.H31",
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
        CERTIFY,
        L.DISTRICT,
        S.NONE,
    ),
    ("1.009994.000.00.00.H31", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", BUILD, L.DISTRICT, S.PARTIAL),
    ("1.009995.000.00.00.H31", "Cấp giấy phép xây dựng sửa chữa, cải tạo công trình", BUILD, L.DISTRICT, S.PARTIAL),
    (
        "1.003003.000.00.00.H31",
        "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        LAND,
        L.PROVINCE,
        S.PARTIAL,
    ),
    ("1.005398.000.00.00.H31", "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất", LAND, L.PROVINCE, S.PARTIAL),
    ("2.000720.000.00.00.H31", "Đăng ký thành lập hộ kinh doanh", BUSINESS, L.DISTRICT, S.FULL),
    ("2.000575.000.00.00.H31", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", BUSINESS, L.DISTRICT, S.FULL),
    (
        "1.001612.000.00.00.H31",
        "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh",
        BUSINESS,
        L.DISTRICT,
        S.FULL,
    ),
    (
        "1.001776.000.00.00.H31",
        "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng",
        WELFARE,
        L.COMMUNE,
        S.PARTIAL,
    ),
    (
        "1.001699.000.00.00.H31",
        "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
        WELFARE,
        L.COMMUNE,
        S.PARTIAL,
    ),
    ("1.004831.000.00.00.H31", "Chuyển trường đối với học sinh trung học cơ sở", EDUCATION, L.DISTRICT, S.PARTIAL),
    (
        "1.000775.000.00.00.H31",
        "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện về thành tích thi đua theo đợt",
        EMULATION,
        L.DISTRICT,
        S.NONE,
    ),
    ("2.000441.000.00.00.H31", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", FOOD, L.PROVINCE, S.FULL),
    (
        "1.012345.000.00.00.H31",
        "Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        FOOD,
        L.PROVINCE,
        S.FULL,
    ),
)


def load_demo(home: Page, now: dt.datetime) -> None:
    if ProcedureIndexPage.objects.child_of(home).exists():  # the demo ran before
        return
    page = ProcedureIndexPage(
        title="Thủ tục hành chính",
        slug="thu-tuc-hanh-chinh",
        show_in_menus=True,
        intro=(
            "Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân thành phố và "
            "các phường, xã. Bấm vào tên thủ tục để xem hồ sơ, trình tự và nộp hồ sơ trực tuyến trên "
            "Cổng Dịch vụ công quốc gia."
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    for code, name, field, level, service_level in PROCEDURES:
        Procedure(
            code=code, name=name, field=field, level=level, service_level=service_level, url=national_portal_url(code)
        ).save()
